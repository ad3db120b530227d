// GS1-EPC-Format (REST binding): identifiers in answers as GS1 Digital Link URIs (the default), as EPC URNs, or
// as captured. Translation goes through @txng/gs1 (TDS 2.1 §7, Digital Link 1.4 §4); an identifier that has no
// equivalent in the asked form (or whose GS1 Company Prefix length cannot be known) is returned as captured.
import { digitalLinkToEpcUri, epcUriToDigitalLink } from '@txng/gs1';
import { identifierForm, type EpcisEvent, type QuantityElement } from '@txng/epcis';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import { EpcisErrors } from '../messages.ts';

export const EPC_FORMATS = ['No_Preference', 'Always_GS1_Digital_Link', 'Always_EPC_URN', 'Never_Translates'] as const;
export type EpcFormat = (typeof EPC_FORMATS)[number];

export function parseEpcFormat(header: string | string[] | undefined): EpcFormat {
  if (header === undefined) return 'Always_GS1_Digital_Link';
  const value = String(header).trim();
  if ((EPC_FORMATS as readonly string[]).includes(value)) return value as EpcFormat;
  throw new AppError('invalid', EpcisErrors.EPCIS_EPC_FORMAT_INVALID, {}, [{ in: 'header', pointer: 'GS1-EPC-Format', code: EpcisErrors.EPCIS_EPC_FORMAT_INVALID } as FieldProblem]);
}

/** GS1 Company Prefix lengths known to the platform (organisations' prefixes), for Digital Link → EPC URN. */
export type PrefixLengths = (key: string) => number | undefined;

function translator(format: EpcFormat, prefixLength: PrefixLengths): ((id: string) => string) | undefined {
  if (format === 'Always_GS1_Digital_Link') {
    return (id) => {
      if (identifierForm(id) !== 'epc-uri') return id;
      const r = epcUriToDigitalLink(id);
      return r.ok ? r.value : id;
    };
  }
  if (format === 'Always_EPC_URN') {
    return (id) => {
      if (identifierForm(id) !== 'digital-link') return id;
      const r = digitalLinkToEpcUri(id, { companyPrefixLength: (key) => prefixLength(key.value), permitZeroSuppressedGtin: true, permitConvenienceAlphas: true });
      return r.ok ? r.value : id;
    };
  }
  return undefined;
}

const list = (values: readonly string[] | undefined, t: (id: string) => string) => values?.map(t);
const quantities = (values: readonly QuantityElement[] | undefined, t: (id: string) => string) => values?.map((q) => ({ ...q, epcClass: t(q.epcClass) }));

/** The event with its identifiers in the asked form. */
export function translateEvent(event: EpcisEvent, format: EpcFormat, prefixLength: PrefixLengths): EpcisEvent {
  const t = translator(format, prefixLength);
  if (!t) return event;
  const e = event as EpcisEvent & Record<string, unknown>;
  const out: Record<string, unknown> = { ...event };
  for (const field of ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] as const) if (e[field]) out[field] = list(e[field] as string[], t);
  for (const field of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const) if (e[field]) out[field] = quantities(e[field] as QuantityElement[], t);
  if (typeof e.parentID === 'string') out.parentID = t(e.parentID);
  if (event.readPoint) out.readPoint = { ...event.readPoint, id: t(event.readPoint.id) };
  if (event.bizLocation) out.bizLocation = { ...event.bizLocation, id: t(event.bizLocation.id) };
  if (event.sourceList) out.sourceList = event.sourceList.map((s) => ({ ...s, source: t(s.source) }));
  if (event.destinationList) out.destinationList = event.destinationList.map((d) => ({ ...d, destination: t(d.destination) }));
  return out as unknown as EpcisEvent;
}
