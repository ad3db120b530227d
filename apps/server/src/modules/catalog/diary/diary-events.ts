// The EPCIS 2.0 event a diary step becomes (pure). Lots are named by their GS1 Digital Link class (GTIN + lot)
// or by this installation's URI; places by their GLN Digital Link (AI 414 + 254) or this installation's URI. The
// product and place versions current at the step travel in TXNG extension fields, so that an event refers to
// the master data as it was when it happened (issue 5 §7).
import type { EpcisEvent, ExtensionElement, QuantityElement } from '@txng/epcis';
import { DIARY_SPECS, TXNG_NS, type DiaryKind } from './diary-kinds.ts';

export interface EventLot {
  readonly epcClass: string;
  readonly quantity?: number | null;
  readonly unit?: string | null;
}

export interface EventPlace {
  readonly id: string;
  readonly uri: string;
  readonly version: number;
}

export interface StepForEvent {
  readonly kind: DiaryKind;
  readonly occurredAt: Date;
  readonly lot: EventLot;
  readonly productVersion: number;
  readonly place: EventPlace | null;
  readonly organizationUri: string;
  readonly partnerUri?: string | null;
  readonly partnerName?: string | null;
  readonly inputLots?: readonly EventLot[];
  readonly packageUri?: string | null;
  readonly input?: { name: string; dose?: number | null; doseUnit?: string | null; phiDays?: number | null } | null;
  readonly method?: string | null;
  readonly notes?: string | null;
}

/** UN/CEFACT Rec. 20 codes for the units people write, as EPCIS quantity `uom` expects (EPCIS 2.0 §7.3.3.3). */
const UOM: Record<string, string> = { kg: 'KGM', g: 'GRM', tan: 'TNE', tấn: 'TNE', t: 'TNE', l: 'LTR', lit: 'LTR', lít: 'LTR', ml: 'MLT' };

function quantity(lot: EventLot): QuantityElement {
  const uom = lot.unit ? UOM[lot.unit.trim().toLowerCase()] : undefined;
  return { epcClass: lot.epcClass, ...(lot.quantity !== null && lot.quantity !== undefined ? { quantity: lot.quantity, ...(uom ? { uom } : {}) } : {}) };
}

const ext = (name: string, value: string | number | null | undefined): ExtensionElement[] => (value === null || value === undefined || value === '' ? [] : [{ ns: TXNG_NS, prefix: 'txng', name, value }]);

export function eventForStep(step: StepForEvent): EpcisEvent {
  const spec = DIARY_SPECS[step.kind];
  const where = step.place ? { readPoint: { id: step.place.uri }, bizLocation: { id: step.place.uri } } : {};
  const extensions: ExtensionElement[] = [
    ...ext('diaryStep', step.kind),
    ...ext('productVersion', step.productVersion),
    ...ext('placeVersion', step.place?.version),
    ...ext('input', step.input?.name),
    ...ext('dose', step.input?.dose),
    ...ext('doseUnit', step.input?.doseUnit),
    ...ext('preHarvestIntervalDays', step.input?.phiDays),
    ...ext('method', step.method),
    ...ext('partnerName', step.partnerName),
    ...ext('notes', step.notes),
  ];
  const common = {
    eventTime: step.occurredAt.toISOString(),
    eventTimeZoneOffset: '+07:00',
    bizStep: spec.bizStep,
    ...(spec.disposition ? { disposition: spec.disposition } : {}),
    ...where,
    ...(extensions.length ? { extensions } : {}),
  };
  const owner = [{ type: 'owning_party', source: step.organizationUri }];
  if (spec.eventType === 'TransformationEvent') {
    return { type: 'TransformationEvent', ...common, inputQuantityList: (step.inputLots ?? []).map(quantity), outputQuantityList: [quantity(step.lot)] } as EpcisEvent;
  }
  if (spec.eventType === 'AggregationEvent') {
    return { type: 'AggregationEvent', action: 'ADD', ...common, parentID: step.packageUri!, childQuantityList: [quantity(step.lot)] } as EpcisEvent;
  }
  const parties =
    step.kind === 'shipping'
      ? { sourceList: owner, destinationList: [{ type: 'owning_party', destination: step.partnerUri! }] }
      : step.kind === 'receiving'
        ? { sourceList: [{ type: 'owning_party', source: step.partnerUri! }], destinationList: [{ type: 'owning_party', destination: step.organizationUri }] }
        : {};
  return { type: 'ObjectEvent', action: spec.action ?? 'OBSERVE', ...common, ...parties, quantityList: [quantity(step.lot)] } as EpcisEvent;
}
