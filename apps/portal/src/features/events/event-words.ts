// An EPCIS event in plain words (what, where, when, who, in what state), from the CBV 2.0 vocabularies and the
// catalog's names; the codes themselves stay on the detail page's raw JSON-LD.
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../shared/format.ts';
import type { CatalogLookup } from './catalog-lookup.ts';
import { lotKey, placeKey } from './catalog-lookup.ts';
import type { EpcisEvent, Quantity } from './epcis-api.ts';
import { readIdentifier } from './identifiers.ts';

/** CBV 2.0 §7.2 business steps, and the farm steps of TXNG's own vocabulary (catalog/diary/diary-kinds.ts). */
export const BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance', 'cycle_counting', 'decommissioning',
  'departing', 'destroying', 'disassembling', 'dispensing', 'encoding', 'entering_exiting', 'holding', 'inspecting', 'installing', 'killing',
  'loading', 'other', 'packing', 'picking', 'receiving', 'removing', 'repackaging', 'repairing', 'replacing', 'reserving', 'retail_selling',
  'sampling', 'sensor_reporting', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting', 'unloading', 'unpacking',
  'void_shipping',
] as const;
export const TXNG_VOCABULARY = 'https://id.txng.sonla.gov.vn/voc/';
export const TXNG_BIZ_STEPS = ['fertilising', 'spraying', 'irrigating', 'harvesting'] as const;

/** The value EQ_bizStep takes for a step the filter offers: a CBV bare word, or TXNG's URI. */
export const bizStepValue = (key: string): string => (key.startsWith('txng_') ? `${TXNG_VOCABULARY}bizStep-${key.slice(5)}` : key);

const CBV_PREFIXES: Record<'bizStep' | 'disposition', readonly string[]> = {
  bizStep: ['https://ref.gs1.org/cbv/BizStep-', 'urn:epcglobal:cbv:bizstep:'],
  disposition: ['https://ref.gs1.org/cbv/Disp-', 'urn:epcglobal:cbv:disp:'],
};

/** The catalogue key of a vocabulary value (bare word, CBV Web URI or URN, TXNG URI), or null when unknown. */
export function vocabularyKey(kind: 'bizStep' | 'disposition', value: string): string {
  for (const prefix of CBV_PREFIXES[kind]) if (value.startsWith(prefix)) return value.slice(prefix.length);
  const own = `${TXNG_VOCABULARY}${kind}-`;
  if (value.startsWith(own)) return `txng_${value.slice(own.length)}`;
  return value;
}

// UN/CEFACT Rec. 20 units the farm diary writes (diary-events.ts), as symbols.
const UNITS: Record<string, string> = { KGM: 'kg', GRM: 'g', TNE: 't', LTR: 'l', MLT: 'ml', H87: '', C62: '' };

export interface EventWords {
  /** What happened, e.g. "Xuất hàng". */
  readonly title: string;
  /** The kind of record and its action, e.g. "Ghi nhận hàng hoá · quan sát". */
  readonly kind: string;
  readonly what: readonly string[];
  readonly where: string | null;
  readonly when: string;
  readonly who: readonly string[];
  readonly status: string | null;
  readonly corrected: boolean;
}

export function describeEvent(e: EpcisEvent, t: TFunction, lookup: CatalogLookup, ownOrganizationId: string | null): EventWords {
  const productName = (gtin: string) => lookup.productByGtin.get(gtin)?.nameVi ?? t('events:words.productGtin', { gtin });
  const placeName = (id: string): string => {
    const r = readIdentifier(id);
    if (r.kind === 'location') {
      const place = lookup.placeByGln.get(placeKey(r.gln, r.extension)) ?? lookup.placeByGln.get(placeKey(r.gln, null));
      return place ? place.name : r.extension ? t('events:words.placeGlnExt', { gln: r.gln, extension: r.extension }) : t('events:words.placeGln', { gln: r.gln });
    }
    if (r.kind === 'txng-place') return lookup.placeById.get(r.id)?.name ?? t('events:words.placeUnknown');
    return id;
  };
  const thing = (id: string): string => {
    const r = readIdentifier(id);
    switch (r.kind) {
      case 'lot': {
        const lot = lookup.lotByKey.get(lotKey(r.gtin, r.lot));
        return t('events:words.lot', { lot: lot?.lotCode ?? r.lot, product: productName(r.gtin) });
      }
      case 'item': return t('events:words.item', { serial: r.serial, product: productName(r.gtin) });
      case 'product': return productName(r.gtin);
      case 'sscc': return t('events:words.sscc', { sscc: r.sscc });
      case 'txng-lot': {
        const lot = lookup.lotById.get(r.id);
        const product = lot ? lookup.productById.get(lot.productId) : undefined;
        return lot ? t('events:words.lot', { lot: lot.lotCode, product: product?.nameVi ?? t('events:words.productUnknown') }) : t('events:words.lotUnknown');
      }
      case 'location':
      case 'txng-place': return placeName(id);
      default: return id;
    }
  };
  const party = (id: string, e2: EpcisEvent): string => {
    const r = readIdentifier(id);
    if (r.kind === 'txng-organization') return r.id === ownOrganizationId ? t('events:words.yourOrganization') : t('events:words.otherOrganization');
    if (r.kind === 'txng-party') return partnerName(e2) ?? r.name;
    if (r.kind === 'party') return t('events:words.partyGln', { gln: r.gln });
    if (r.kind === 'location' || r.kind === 'txng-place') return placeName(id);
    return id;
  };
  const quantity = (q: Quantity): string => {
    const name = thing(q.epcClass);
    if (q.quantity === undefined) return name;
    const unit = q.uom ? (UNITS[q.uom] ?? q.uom) : '';
    return t('events:words.quantity', { thing: name, quantity: q.quantity.toLocaleString('vi-VN'), unit }).trim();
  };

  const what: string[] = [];
  const list = (ids: readonly string[] | undefined, key?: string) => {
    for (const id of ids ?? []) what.push(key ? t(key, { thing: thing(id) }) : thing(id));
  };
  const quantities = (qs: readonly Quantity[] | undefined, key?: string) => {
    for (const q of qs ?? []) what.push(key ? t(key, { thing: quantity(q) }) : quantity(q));
  };
  if (e.parentID) what.push(t('events:words.parent', { thing: thing(e.parentID) }));
  list(e.epcList);
  quantities(e.quantityList);
  list(e.childEPCs, 'events:words.child');
  quantities(e.childQuantityList, 'events:words.child');
  list(e.inputEPCList, 'events:words.input');
  quantities(e.inputQuantityList, 'events:words.input');
  list(e.outputEPCList, 'events:words.output');
  quantities(e.outputQuantityList, 'events:words.output');

  const who: string[] = [];
  for (const s of e.sourceList ?? []) who.push(t('events:words.from', { party: party(s.source, e) }));
  for (const d of e.destinationList ?? []) who.push(t('events:words.to', { party: party(d.destination, e) }));

  const step = e.bizStep ? vocabularyKey('bizStep', e.bizStep) : null;
  const typeName = t(`events:eventType.${e.type}`, { defaultValue: e.type });
  const stepName = step ? t(`events:bizStep.${step}`, { defaultValue: t('events:words.otherStep') }) : typeName;
  // A farm-diary step names itself (TXNG extension `diaryStep`): "Gieo trồng" says more than CBV's "commissioning".
  const diary = extensionText(e, 'diaryStep');
  const title = diary ? t(`catalog:diaryKind.${diary}`, { defaultValue: stepName }) : stepName;
  const disposition = e.disposition ? vocabularyKey('disposition', e.disposition) : null;
  const where = e.bizLocation?.id ?? e.readPoint?.id;
  return {
    title,
    kind: e.action ? t('events:words.kindAction', { kind: typeName, action: t(`events:action.${e.action}`, { defaultValue: e.action }) }) : typeName,
    what,
    where: where ? placeName(where) : null,
    when: formatDateTime(e.eventTime),
    who,
    status: disposition ? t(`events:disposition.${disposition}`, { defaultValue: t('events:words.otherStatus') }) : null,
    corrected: e.errorDeclaration !== undefined,
  };
}

/** A text the farm diary records in a TXNG extension field (`txng:partnerName`, `txng:diaryStep`). */
function extensionText(e: EpcisEvent, name: string): string | null {
  for (const [key, value] of Object.entries(e)) if ((key === name || key.endsWith(`:${name}`) || key.endsWith(`/${name}`)) && typeof value === 'string') return value;
  return null;
}

/** The trading partner's name the farm diary records beside its URI. */
const partnerName = (e: EpcisEvent): string | null => extensionText(e, 'partnerName');
