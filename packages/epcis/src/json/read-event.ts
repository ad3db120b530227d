// One EPCIS 2.0 JSON-LD event (EPCIS 2.0 §10 JSON binding) into the model. Structural checking is the
// JSON Schema's job (validation/schema-validator.ts); this reader never throws and reports only what it
// cannot model, plus the binding's own rules: CBV values as bare words, declared extension prefixes.
import { describeValue, issue, joinPointer, type EpcisIssue } from '../errors/issue.ts';
import { EVENT_TYPES, isEventTypeName } from '../model/event-types.ts';
import type {
  Action, BizTransaction, DestinationElement, EpcisEvent, ErrorDeclaration, PersistentDisposition, Place,
  QuantityElement, SensorElement, SensorMetadata, SensorReport, SourceElement,
} from '../model/types.ts';
import { normaliseVocabularyValue, type VocabularyKind } from '../model/vocabulary.ts';
import { readContext } from './namespaces.ts';
import { readExtensions, type ReadContext } from './read-extensions.ts';

type Obj = Readonly<Record<string, unknown>>;
type Mutable = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const COMMON = ['type', 'eventTime', 'eventTimeZoneOffset', 'recordTime', 'eventID', 'certificationInfo', 'errorDeclaration',
  'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation', 'bizTransactionList', 'sourceList',
  'destinationList', 'sensorElementList', '@context'];
const PER_TYPE: Record<string, string[]> = {
  ObjectEvent: ['action', 'epcList', 'quantityList', 'ilmd'],
  AggregationEvent: ['action', 'parentID', 'childEPCs', 'childQuantityList'],
  TransactionEvent: ['action', 'parentID', 'epcList', 'quantityList'],
  TransformationEvent: ['inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'transformationID', 'ilmd'],
  AssociationEvent: ['action', 'parentID', 'childEPCs', 'childQuantityList'],
};
const STANDARD_KEYS = new Map(Object.entries(PER_TYPE).map(([t, keys]) => [t, new Set([...COMMON, ...keys])]));
const METADATA_KEYS = ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'];
const REPORT_STRING_KEYS = ['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules', 'time',
  'microorganism', 'chemicalSubstance', 'coordinateReferenceSystem', 'stringValue', 'hexBinaryValue', 'uriValue', 'uom'];
const REPORT_NUMBER_KEYS = ['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'];
const REPORT_VOCAB: Record<string, VocabularyKind> = { type: 'measurementType', exception: 'sensorAlertType', component: 'component' };
const REPORT_KEYS = new Set([...Object.keys(REPORT_VOCAB), ...REPORT_STRING_KEYS, ...REPORT_NUMBER_KEYS, 'booleanValue']);
const METADATA_KEY_SET = new Set(METADATA_KEYS);
const SENSOR_ELEMENT_KEYS = new Set(['sensorMetadata', 'sensorReport']);
const PLACE_KEYS = new Set(['id']);
const ERROR_DECLARATION_KEYS = new Set(['declarationTime', 'reason', 'correctiveEventIDs']);

class EventReader {
  constructor(private readonly ctx: ReadContext) {}

  private report(code: 'EPCIS_SCHEMA_REQUIRED' | 'EPCIS_SCHEMA_TYPE', pointer: string, params: Record<string, string>): void {
    this.ctx.issues.push(issue(code, { eventIndex: this.ctx.eventIndex, pointer, params }));
  }

  str(o: Obj, key: string, pointer: string, out: Mutable, outKey = key): void {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v === 'string') out[outKey] = v;
    else this.report('EPCIS_SCHEMA_TYPE', joinPointer(pointer, key), { reason: `${key} must be a string` });
  }

  num(o: Obj, key: string, pointer: string, out: Mutable): void {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
    else this.report('EPCIS_SCHEMA_TYPE', joinPointer(pointer, key), { reason: `${key} must be a number` });
  }

  strings(v: unknown, pointer: string): string[] | undefined {
    if (!Array.isArray(v)) {
      if (v !== undefined) this.report('EPCIS_SCHEMA_TYPE', pointer, { reason: 'must be an array of strings' });
      return undefined;
    }
    return v.filter((x): x is string => typeof x === 'string');
  }

  vocab(kind: VocabularyKind, v: unknown, pointer: string): string | undefined {
    if (typeof v !== 'string') return undefined;
    const n = normaliseVocabularyValue(kind, v);
    if (n.form === 'urn') {
      this.ctx.issues.push(issue('EPCIS_CBV_URN_IN_JSON', {
        eventIndex: this.ctx.eventIndex, pointer, params: { value: v, suggestion: n.unknownStandardTerm ? v.slice(v.lastIndexOf(':') + 1) : n.value },
      }));
    }
    return n.value;
  }

  quantities(v: unknown, pointer: string): QuantityElement[] | undefined {
    if (!Array.isArray(v)) return undefined;
    const out: QuantityElement[] = [];
    v.forEach((q, i) => {
      if (!isObj(q) || typeof q.epcClass !== 'string') return;
      const el: Mutable = { epcClass: q.epcClass };
      this.num(q, 'quantity', joinPointer(pointer, i), el);
      this.str(q, 'uom', joinPointer(pointer, i), el);
      out.push(el as unknown as QuantityElement);
    });
    return out;
  }

  place(v: unknown, pointer: string): Place | undefined {
    if (!isObj(v) || typeof v.id !== 'string') return undefined;
    const extensions = readExtensions(v, PLACE_KEYS, this.ctx, pointer);
    return extensions.length ? { id: v.id, extensions } : { id: v.id };
  }

  typed<T>(v: unknown, pointer: string, idKey: string, kind: VocabularyKind, required: boolean): T[] | undefined {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    v.forEach((x, i) => {
      if (!isObj(x) || typeof x[idKey] !== 'string') return;
      const type = this.vocab(kind, x.type, joinPointer(pointer, i, 'type'));
      if (type === undefined && required) return;
      out.push((type === undefined ? { [idKey]: x[idKey] } : { type, [idKey]: x[idKey] }) as T);
    });
    return out;
  }

  persistent(v: unknown, pointer: string): PersistentDisposition | undefined {
    if (!isObj(v)) return undefined;
    const out: Mutable = {};
    for (const key of ['set', 'unset']) {
      const list = this.strings(v[key], joinPointer(pointer, key));
      if (list) out[key] = list.map((d, i) => this.vocab('disposition', d, joinPointer(pointer, key, i))!);
    }
    return out as PersistentDisposition;
  }

  errorDeclaration(v: unknown, pointer: string): ErrorDeclaration | undefined {
    if (!isObj(v) || typeof v.declarationTime !== 'string') return undefined;
    const out: Mutable = { declarationTime: v.declarationTime };
    const reason = this.vocab('errorReason', v.reason, joinPointer(pointer, 'reason'));
    if (reason !== undefined) out.reason = reason;
    const ids = this.strings(v.correctiveEventIDs, joinPointer(pointer, 'correctiveEventIDs'));
    if (ids) out.correctiveEventIDs = ids;
    const ext = readExtensions(v, ERROR_DECLARATION_KEYS, this.ctx, pointer);
    if (ext.length) out.extensions = ext;
    return out as unknown as ErrorDeclaration;
  }

  sensorElements(v: unknown, pointer: string): SensorElement[] | undefined {
    if (!Array.isArray(v)) return undefined;
    const out: SensorElement[] = [];
    v.forEach((se, i) => {
      if (!isObj(se)) return;
      const p = joinPointer(pointer, i);
      const el: Mutable = {};
      if (isObj(se.sensorMetadata)) {
        const mp = joinPointer(p, 'sensorMetadata');
        const md: Mutable = {};
        for (const key of METADATA_KEYS) this.str(se.sensorMetadata, key, mp, md);
        const ext = readExtensions(se.sensorMetadata, METADATA_KEY_SET, this.ctx, mp);
        if (ext.length) md.extensions = ext;
        el.sensorMetadata = md as SensorMetadata;
      }
      const reports: SensorReport[] = [];
      (Array.isArray(se.sensorReport) ? se.sensorReport : []).forEach((r: unknown, j: number) => {
        if (!isObj(r)) return;
        const rp = joinPointer(p, 'sensorReport', j);
        const rep: Mutable = {};
        for (const [key, kind] of Object.entries(REPORT_VOCAB)) {
          const value = this.vocab(kind, r[key], joinPointer(rp, key));
          if (value !== undefined) rep[key] = value;
        }
        for (const key of REPORT_STRING_KEYS) this.str(r, key, rp, rep);
        for (const key of REPORT_NUMBER_KEYS) this.num(r, key, rp, rep);
        if (typeof r.booleanValue === 'boolean') rep.booleanValue = r.booleanValue;
        const ext = readExtensions(r, REPORT_KEYS, this.ctx, rp);
        if (ext.length) rep.extensions = ext;
        reports.push(rep as SensorReport);
      });
      el.sensorReport = reports;
      const ext = readExtensions(se, SENSOR_ELEMENT_KEYS, this.ctx, p);
      if (ext.length) el.extensions = ext;
      out.push(el as unknown as SensorElement);
    });
    return out;
  }
}

export interface ReadEventOptions {
  readonly eventIndex?: number;
  readonly pointer: string;
  readonly issues: EpcisIssue[];
  readonly namespaces: ReadContext['namespaces'];
}

/** Reads one JSON event; returns undefined (with issues) when the required core is missing. */
export function readJsonEvent(input: unknown, options: ReadEventOptions): EpcisEvent | undefined {
  const { pointer, issues, eventIndex } = options;
  if (!isObj(input)) {
    issues.push(issue('EPCIS_SCHEMA_TYPE', { eventIndex, pointer, params: { reason: 'an event must be an object' } }));
    return undefined;
  }
  const namespaces = input['@context'] === undefined ? options.namespaces : readContext(input['@context'], options.namespaces).namespaces;
  const ctx: ReadContext = { namespaces, issues, eventIndex, checkPrefixes: true };
  const r = new EventReader(ctx);
  const type = input.type;
  if (!isEventTypeName(type)) {
    issues.push(issue('EPCIS_UNKNOWN_EVENT_TYPE', { eventIndex, pointer: joinPointer(pointer, 'type'), params: { type: describeValue(type) } }));
    return undefined;
  }
  const shape = EVENT_TYPES[type];
  const required = ['eventTime', 'eventTimeZoneOffset', ...(shape.hasAction ? ['action'] : [])];
  let complete = true;
  for (const key of required) {
    if (typeof input[key] !== 'string') {
      issues.push(issue('EPCIS_SCHEMA_REQUIRED', { eventIndex, pointer, params: { property: key } }));
      complete = false;
    }
  }
  if (!complete) return undefined;
  const out: Mutable = { type };
  for (const key of ['eventTime', 'eventTimeZoneOffset', 'recordTime', 'eventID', 'parentID', 'transformationID']) {
    if (key === 'parentID' && !shape.hasParentID) continue;
    if (key === 'transformationID' && type !== 'TransformationEvent') continue;
    r.str(input, key, pointer, out);
  }
  if (shape.hasAction) out.action = input.action as Action;
  const cert = input.certificationInfo;
  if (typeof cert === 'string') out.certificationInfo = [cert];
  else if (Array.isArray(cert)) out.certificationInfo = r.strings(cert, joinPointer(pointer, 'certificationInfo'));
  for (const field of shape.epcLists) {
    const list = r.strings(input[field], joinPointer(pointer, field));
    if (list) out[field] = list;
  }
  for (const field of shape.quantityLists) {
    const list = r.quantities(input[field], joinPointer(pointer, field));
    if (list) out[field] = list;
  }
  const bizStep = r.vocab('bizStep', input.bizStep, joinPointer(pointer, 'bizStep'));
  if (bizStep !== undefined) out.bizStep = bizStep;
  const disposition = r.vocab('disposition', input.disposition, joinPointer(pointer, 'disposition'));
  if (disposition !== undefined) out.disposition = disposition;
  const assign = (key: string, value: unknown): void => {
    if (value !== undefined) out[key] = value;
  };
  assign('persistentDisposition', r.persistent(input.persistentDisposition, joinPointer(pointer, 'persistentDisposition')));
  assign('readPoint', r.place(input.readPoint, joinPointer(pointer, 'readPoint')));
  assign('bizLocation', r.place(input.bizLocation, joinPointer(pointer, 'bizLocation')));
  assign('bizTransactionList', r.typed<BizTransaction>(input.bizTransactionList, joinPointer(pointer, 'bizTransactionList'), 'bizTransaction', 'bizTransactionType', false));
  assign('sourceList', r.typed<SourceElement>(input.sourceList, joinPointer(pointer, 'sourceList'), 'source', 'sourceDestType', true));
  assign('destinationList', r.typed<DestinationElement>(input.destinationList, joinPointer(pointer, 'destinationList'), 'destination', 'sourceDestType', true));
  assign('sensorElementList', r.sensorElements(input.sensorElementList, joinPointer(pointer, 'sensorElementList')));
  assign('errorDeclaration', r.errorDeclaration(input.errorDeclaration, joinPointer(pointer, 'errorDeclaration')));
  if (shape.hasIlmd && isObj(input.ilmd)) out.ilmd = readExtensions(input.ilmd, new Set(), ctx, joinPointer(pointer, 'ilmd'));
  const standard = STANDARD_KEYS.get(type)!;
  const extensions = readExtensions(input, standard, ctx, pointer);
  if (extensions.length) out.extensions = extensions;
  return out as unknown as EpcisEvent;
}
