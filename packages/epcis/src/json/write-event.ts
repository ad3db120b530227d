// One model event to EPCIS 2.0 JSON-LD (EPCIS 2.0 §10, field order as the standard's examples). Standard
// vocabulary values are written as bare words; GS1 Web vocabulary IRIs outside the bare-word list as
// `gs1:` CURIEs, which the JSON Schema accepts where it rejects the https://gs1.org/voc/ form.
import { GS1_VOC_ROOT } from '../model/vocabulary.ts';
import type { EpcisEvent, ExtensionElement, Place, QuantityElement, SensorElement } from '../model/types.ts';
import type { PrefixAllocator } from './namespaces.ts';
import { writeExtensions, type JsonValue } from './write-extensions.ts';

type JsonObject = { [key: string]: JsonValue };

export interface JsonWriteOptions {
  /**
   * `objectAndTransformation` (default) writes persistentDisposition only on ObjectEvent and
   * TransformationEvent, which every published EPCIS 2.0 JSON Schema accepts; `all` writes it wherever
   * the model has it (the 2.0.1 schema allows it on every type).
   */
  readonly persistentDisposition?: 'objectAndTransformation' | 'all';
}

const gs1Compact = (iri: string): string => (iri.startsWith(GS1_VOC_ROOT) ? `gs1:${iri.slice(GS1_VOC_ROOT.length)}` : iri);

function put(target: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value !== undefined) target[key] = value;
}

function place(p: Place | undefined, prefixes: PrefixAllocator): JsonValue | undefined {
  if (!p) return undefined;
  const out: JsonObject = { id: p.id };
  writeExtensions(p.extensions, out, prefixes);
  return out;
}

function quantities(list: readonly QuantityElement[] | undefined): JsonValue | undefined {
  return list?.map((q) => {
    const out: JsonObject = { epcClass: q.epcClass };
    put(out, 'quantity', q.quantity);
    put(out, 'uom', q.uom);
    return out;
  });
}

function withExtensions(fields: JsonObject, ext: readonly ExtensionElement[] | undefined, prefixes: PrefixAllocator): JsonObject {
  writeExtensions(ext, fields, prefixes);
  return fields;
}

function sensors(list: readonly SensorElement[] | undefined, prefixes: PrefixAllocator): JsonValue | undefined {
  return list?.map((se) => {
    const out: JsonObject = {};
    if (se.sensorMetadata) {
      const { extensions, ...md } = se.sensorMetadata;
      out.sensorMetadata = withExtensions({ ...md }, extensions, prefixes);
    }
    out.sensorReport = se.sensorReport.map(({ extensions, ...r }) => {
      const fields: JsonObject = { ...r };
      if (r.type !== undefined) fields.type = gs1Compact(r.type);
      if (r.exception !== undefined) fields.exception = gs1Compact(r.exception);
      return withExtensions(fields, extensions, prefixes);
    });
    return withExtensions(out, se.extensions, prefixes);
  });
}

export function writeJsonEvent(event: EpcisEvent, prefixes: PrefixAllocator, options: JsonWriteOptions = {}): JsonObject {
  const e = event as EpcisEvent & Record<string, unknown>;
  const out: JsonObject = { type: event.type, eventTime: event.eventTime };
  put(out, 'recordTime', event.recordTime);
  out.eventTimeZoneOffset = event.eventTimeZoneOffset;
  put(out, 'eventID', event.eventID);
  put(out, 'certificationInfo', event.certificationInfo ? [...event.certificationInfo] : undefined);
  if (event.errorDeclaration) {
    const { extensions, correctiveEventIDs, ...rest } = event.errorDeclaration;
    const ed: JsonObject = { ...rest };
    if (correctiveEventIDs) ed.correctiveEventIDs = [...correctiveEventIDs];
    out.errorDeclaration = withExtensions(ed, extensions, prefixes);
  }
  for (const key of ['parentID', 'epcList', 'childEPCs', 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList',
    'quantityList', 'childQuantityList', 'action', 'transformationID']) {
    const value = e[key];
    if (value === undefined) continue;
    out[key] = key.endsWith('QuantityList') || key === 'quantityList' ? quantities(value as QuantityElement[])! : (Array.isArray(value) ? [...value] : value) as JsonValue;
  }
  put(out, 'bizStep', event.bizStep);
  put(out, 'disposition', event.disposition);
  const pd = event.persistentDisposition;
  const pdAllowed = options.persistentDisposition === 'all' || event.type === 'ObjectEvent' || event.type === 'TransformationEvent';
  if (pd && pdAllowed) {
    const value: JsonObject = {};
    if (pd.set) value.set = [...pd.set];
    if (pd.unset) value.unset = [...pd.unset];
    out.persistentDisposition = value;
  }
  put(out, 'readPoint', place(event.readPoint, prefixes));
  put(out, 'bizLocation', place(event.bizLocation, prefixes));
  put(out, 'bizTransactionList', event.bizTransactionList?.map((b): JsonObject => (b.type === undefined ? { bizTransaction: b.bizTransaction } : { type: b.type, bizTransaction: b.bizTransaction })));
  put(out, 'sourceList', event.sourceList?.map((s) => ({ type: s.type, source: s.source })));
  put(out, 'destinationList', event.destinationList?.map((d) => ({ type: d.type, destination: d.destination })));
  put(out, 'sensorElementList', sensors(event.sensorElementList, prefixes));
  const ilmd = e.ilmd as readonly ExtensionElement[] | undefined;
  if (ilmd) out.ilmd = withExtensions({}, ilmd, prefixes);
  writeExtensions(event.extensions, out, prefixes);
  return out;
}
