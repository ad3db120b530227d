// Parses EPCIS 2.0 query parameters (EPCIS 2.0 §8.2.7.1; query-schema.json; the REST binding's query
// string, OpenAPI `pipeDelimited` lists) into an EventQuery. Unknown or malformed parameters are errors that
// name the parameter. Accepts both `GE_errorDeclaration_Time` (query schema) and `GE_errorDeclarationTime`
// (OpenAPI), and, beyond the query schema, EQ_ of every other sensorReport URI field and EQ_uom.
import { EPCIS_CONTEXT_PREFIXES } from '../context/epcis-context.generated.ts';
import { issue, type EpcisIssue } from '../errors/issue.ts';
import type { EpcisIssueCode } from '../errors/messages.ts';
import { readContext, resolveKey } from '../json/namespaces.ts';
import { normaliseVocabularyValue, type VocabularyKind } from '../model/vocabulary.ts';
import { classifyName } from './query-names.ts';
import type { EventQuery, FieldName, OrderField, QueryFilter, SensorStringField } from './query-types.ts';
import * as v from './query-values.ts';

export type QueryInput = Readonly<Record<string, unknown>> | URLSearchParams | Iterable<readonly [string, string]>;

export interface QueryParseOptions {
  /** Extension namespace prefixes (e.g. from the GS1-Extensions header), on top of the EPCIS ones. */
  readonly namespaces?: Readonly<Record<string, string>>;
}

export type QueryParseResult = { readonly ok: true; readonly query: EventQuery } | { readonly ok: false; readonly errors: readonly EpcisIssue[] };

const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
const VOCAB: Readonly<Record<string, [QueryFilter & { kind: 'vocabulary' } extends { field: infer F } ? F : never, VocabularyKind]>> = {
  EQ_bizStep: ['bizStep', 'bizStep'],
  EQ_disposition: ['disposition', 'disposition'],
  EQ_persistentDisposition_set: ['persistentDispositionSet', 'disposition'],
  EQ_persistentDisposition_unset: ['persistentDispositionUnset', 'disposition'],
  EQ_errorReason: ['errorReason', 'errorReason'],
};
const TIMES: Readonly<Record<string, ['eventTime' | 'recordTime' | 'declarationTime', 'GE' | 'LT']>> = {
  GE_eventTime: ['eventTime', 'GE'], LT_eventTime: ['eventTime', 'LT'], GE_recordTime: ['recordTime', 'GE'], LT_recordTime: ['recordTime', 'LT'],
  GE_errorDeclaration_Time: ['declarationTime', 'GE'], LT_errorDeclaration_Time: ['declarationTime', 'LT'],
  GE_errorDeclarationTime: ['declarationTime', 'GE'], LT_errorDeclarationTime: ['declarationTime', 'LT'],
};
const SENSOR_TIMES: Readonly<Record<string, ['time' | 'startTime' | 'endTime', 'GE' | 'LT']>> = {
  GE_time: ['time', 'GE'], LT_time: ['time', 'LT'], GE_startTime: ['startTime', 'GE'], LT_startTime: ['startTime', 'LT'],
  GE_endTime: ['endTime', 'GE'], LT_endTime: ['endTime', 'LT'],
};
const SENSOR_STRINGS = new Set<SensorStringField>(['type', 'exception', 'component', 'deviceID', 'deviceMetadata', 'rawData',
  'dataProcessingMethod', 'bizRules', 'microorganism', 'chemicalSubstance', 'coordinateReferenceSystem', 'stringValue', 'hexBinaryValue', 'uriValue', 'uom']);
const SENSOR_VOCAB: Partial<Record<SensorStringField, VocabularyKind>> = { type: 'measurementType', exception: 'sensorAlertType', component: 'component' };
const MATCH = /^MATCH_(epc|parentID|inputEPC|outputEPC|anyEPC|epcClass|inputEPCClass|outputEPCClass|anyEPCClass)$/;
const QUANTITY = /^(EQ|GT|GE|LT|LE)_quantity$/;
const PERC_RANK = /^(GT|GE|LT|LE)_percRank$/;
const LIST_PARAMS = /^(eventType|EQ_|WD_|MATCH_)/;

function entries(input: QueryInput): { name: string; raw: v.RawValue }[] {
  if (input instanceof URLSearchParams || Symbol.iterator in Object(input)) {
    return [...(input as Iterable<readonly [string, string]>)].map(([name, value]) => ({ name, raw: { value, text: true } }));
  }
  return Object.entries(input as Record<string, unknown>).map(([name, value]) => ({ name, raw: { value, text: false } }));
}

class Parser {
  readonly errors: EpcisIssue[] = [];
  readonly filters: QueryFilter[] = [];
  readonly settings: { -readonly [K in keyof EventQuery]?: EventQuery[K] } = {};

  constructor(private readonly namespaces: Readonly<Record<string, string>>) {}

  fail(code: EpcisIssueCode, name: string, reason?: string, extra: Record<string, string> = {}): void {
    this.errors.push(issue(code, { params: { name, ...(reason ? { reason } : {}), ...extra } }));
  }

  take<T>(name: string, c: v.Coerced<T>): T | undefined {
    if (c.ok) return c.value;
    this.fail('EPCIS_QUERY_INVALID_VALUE', name, c.reason);
    return undefined;
  }

  qname(name: string, qname: string): FieldName | undefined {
    const key = resolveKey(qname, this.namespaces);
    if (key.ok && key.ns !== '') return { ns: key.ns, name: key.name };
    this.fail('EPCIS_QUERY_UNKNOWN_PREFIX', name, undefined, { prefix: key.ok ? '' : key.prefix });
    return undefined;
  }

  vocabValues(kind: VocabularyKind, values: readonly string[]): string[] {
    return values.map((x) => normaliseVocabularyValue(kind, this.expand(x)).value);
  }

  /** A CURIE with a declared (non-standard) prefix in a vocabulary value stands for its IRI. */
  expand(value: string): string {
    const colon = value.indexOf(':');
    const prefix = colon > 0 ? value.slice(0, colon) : '';
    if (prefix === 'cbv' || prefix === 'gs1' || value.startsWith(`${prefix}://`)) return value;
    const iri = Object.prototype.hasOwnProperty.call(this.namespaces, prefix) && !(prefix in EPCIS_CONTEXT_PREFIXES) ? this.namespaces[prefix] : undefined;
    return iri === undefined ? value : iri + value.slice(colon + 1);
  }

  param(name: string, raw: v.RawValue): void {
    const list = (): string[] | undefined => this.take(name, v.stringList(raw));
    if (name === '@context') return;
    if (name === 'eventType') {
      const values = list();
      if (values?.some((t) => !EVENT_TYPES.has(t) && !/^[A-Za-z][\w+.-]*:/.test(t))) this.fail('EPCIS_QUERY_INVALID_VALUE', name, 'an event type is one of the five EPCIS types or a URI');
      else if (values) this.filters.push({ kind: 'eventType', param: name, values });
      return;
    }
    if (TIMES[name]) {
      const value = this.take(name, v.time(raw));
      if (value !== undefined) this.filters.push({ kind: 'time', param: name, field: TIMES[name][0], op: TIMES[name][1], value });
      return;
    }
    if (name === 'EQ_action') {
      const values = list();
      if (values?.some((a) => !['ADD', 'OBSERVE', 'DELETE'].includes(a))) this.fail('EPCIS_QUERY_INVALID_VALUE', name, 'actions are ADD, OBSERVE or DELETE');
      else if (values) this.filters.push({ kind: 'action', param: name, values });
      return;
    }
    if (VOCAB[name]) {
      const values = list();
      if (values) this.filters.push({ kind: 'vocabulary', param: name, field: VOCAB[name][0], values: this.vocabValues(VOCAB[name][1], values) });
      return;
    }
    const place = /^(EQ|WD)_(readPoint|bizLocation)$/.exec(name);
    if (place) {
      const values = list();
      if (values) this.filters.push({ kind: 'place', param: name, field: place[2] as 'readPoint' | 'bizLocation', withDescendants: place[1] === 'WD', values });
      return;
    }
    const simple: Record<string, 'transformationID' | 'eventID' | 'correctiveEventID'> = {
      EQ_transformationID: 'transformationID', EQ_eventID: 'eventID', EQ_correctiveEventID: 'correctiveEventID',
    };
    if (simple[name]) {
      const values = list();
      if (values) this.filters.push({ kind: simple[name], param: name, values });
      return;
    }
    const match = MATCH.exec(name);
    if (match) {
      const patterns = list();
      const field = match[1]!;
      if (patterns) {
        this.filters.push(field.endsWith('Class')
          ? { kind: 'epcClassMatch', param: name, field: field as 'epcClass', patterns }
          : { kind: 'epcMatch', param: name, field: field as 'epc', patterns });
      }
      return;
    }
    const quantity = QUANTITY.exec(name);
    if (quantity) {
      const values = quantity[1] === 'EQ' ? this.take(name, v.numberList(raw)) : [this.take(name, v.number(raw))];
      if (values && values.every((x) => x !== undefined)) this.filters.push({ kind: 'quantity', param: name, op: quantity[1] as 'EQ', values: values as number[] });
      return;
    }
    if (name === 'EXISTS_errorDeclaration' || name === 'EXISTS_sensorElementList') {
      const on = this.take(name, v.exists(raw));
      if (on) this.filters.push({ kind: name === 'EXISTS_errorDeclaration' ? 'existsErrorDeclaration' : 'existsSensorElementList', param: name });
      return;
    }
    if (SENSOR_TIMES[name]) {
      const value = this.take(name, v.time(raw));
      if (value !== undefined) this.filters.push({ kind: 'sensorTime', param: name, field: SENSOR_TIMES[name][0], op: SENSOR_TIMES[name][1], value });
      return;
    }
    const sensor = /^EQ_(\w+)$/.exec(name);
    if (sensor && SENSOR_STRINGS.has(sensor[1] as SensorStringField)) {
      const field = sensor[1] as SensorStringField;
      const values = list();
      const kind = SENSOR_VOCAB[field];
      if (values) this.filters.push({ kind: 'sensorString', param: name, field, values: kind ? this.vocabValues(kind, values) : values });
      return;
    }
    if (name === 'EQ_booleanValue') {
      const value = this.take(name, v.boolean(raw));
      if (value !== undefined) this.filters.push({ kind: 'sensorBoolean', param: name, value });
      return;
    }
    const perc = PERC_RANK.exec(name);
    if (perc) {
      const value = this.take(name, v.number(raw));
      if (value !== undefined) this.filters.push({ kind: 'sensorNumber', param: name, field: 'percRank', op: perc[1] as 'GT', values: [value] });
      return;
    }
    if (this.setting(name, raw)) return;
    this.family(name, raw);
  }

  setting(name: string, raw: v.RawValue): boolean {
    switch (name) {
      case 'orderBy': {
        const value = typeof raw.value === 'string' ? raw.value : undefined;
        if (value === 'eventTime' || value === 'recordTime') this.settings.orderBy = value;
        else if (value !== undefined && /:/.test(value)) {
          const field = this.qname(name, value);
          if (field) this.settings.orderBy = field;
        } else this.fail('EPCIS_QUERY_INVALID_VALUE', name, 'eventTime, recordTime or a qualified extension field name');
        return true;
      }
      case 'orderDirection':
        if (raw.value === 'ASC' || raw.value === 'DESC') this.settings.orderDirection = raw.value;
        else this.fail('EPCIS_QUERY_INVALID_VALUE', name, 'ASC or DESC');
        return true;
      case 'eventCountLimit': case 'maxEventCount': {
        const n = this.take(name, v.integer(raw, 0));
        if (n !== undefined) this.settings[name] = n;
        return true;
      }
      case 'perPage': {
        const n = this.take(name, v.integer(raw, 1));
        if (n !== undefined) this.settings.perPage = n;
        return true;
      }
      case 'nextPageToken':
        if (typeof raw.value === 'string' && raw.value !== '') this.settings.nextPageToken = raw.value;
        else this.fail('EPCIS_QUERY_INVALID_VALUE', name, 'a token returned by a previous page');
        return true;
      default:
        return false;
    }
  }

  family(name: string, raw: v.RawValue): void {
    const f = classifyName(name);
    if (!f) return this.fail('EPCIS_QUERY_UNKNOWN_PARAMETER', name);
    switch (f.family) {
      case 'typedIdentifier': {
        const values = this.take(name, v.stringList(raw));
        if (values) this.filters.push({ kind: 'typedIdentifier', param: name, field: f.field, type: normaliseVocabularyValue(f.field === 'bizTransaction' ? 'bizTransactionType' : 'sourceDestType', f.type).value, values });
        return;
      }
      case 'quantity': case 'sensorNumber': {
        const values = f.op === 'EQ' ? this.take(name, v.numberList(raw)) : [this.take(name, v.number(raw))];
        if (!values || values.some((x) => x === undefined)) return;
        if (f.family === 'quantity') this.filters.push({ kind: 'quantity', param: name, op: f.op, values: values as number[], uom: f.uom });
        else this.filters.push({ kind: 'sensorNumber', param: name, field: f.field, op: f.op, values: values as number[], uom: f.uom });
        return;
      }
      case 'hasAttribute': {
        const attributes = this.take(name, v.stringList(raw));
        const field = f.field.includes(':') ? this.qname(name, f.field) : f.field;
        if (attributes && field) this.filters.push({ kind: 'hasAttribute', param: name, field, attributes });
        return;
      }
      case 'attributeEquals': {
        const operands = this.take(name, v.eqOperands(raw));
        if (operands) this.filters.push({ kind: 'attributeEquals', param: name, field: f.field, attribute: f.attribute, operands });
        return;
      }
      case 'field': {
        const field = this.qname(name, f.qname);
        if (!field) return;
        if (f.op === 'EXISTS') {
          if (this.take(name, v.exists(raw))) this.filters.push({ kind: 'fieldExists', param: name, scope: f.scope, inner: f.inner, field });
          return;
        }
        const operands = f.op === 'EQ' ? this.take(name, v.eqOperands(raw)) : [this.take(name, v.orderedOperand(raw))];
        if (operands && operands.every((o) => o !== undefined)) {
          this.filters.push({ kind: 'field', param: name, scope: f.scope, inner: f.inner, field, op: f.op, operands: operands as never });
        }
      }
    }
  }
}

/** Parses query parameters; every problem is reported, each naming its parameter. */
export function parseQueryParameters(input: QueryInput, options: QueryParseOptions = {}): QueryParseResult {
  const list = entries(input);
  const context = list.find((e) => e.name === '@context' && !e.raw.text);
  const namespaces = { ...EPCIS_CONTEXT_PREFIXES, ...(context ? readContext(context.raw.value).declared : {}), ...options.namespaces };
  const p = new Parser(namespaces);
  const seen = new Map<string, v.RawValue>();
  for (const { name, raw } of list) {
    const previous = seen.get(name);
    if (previous && !(raw.text && LIST_PARAMS.test(name))) {
      p.fail('EPCIS_QUERY_DUPLICATE_PARAMETER', name);
      continue;
    }
    // A list parameter repeated in a query string (?EQ_bizStep=a&EQ_bizStep=b) means a|b.
    seen.set(name, previous ? { value: `${String(previous.value)}|${String(raw.value)}`, text: true } : raw);
  }
  for (const [name, raw] of seen) p.param(name, raw);
  const s = p.settings;
  if (s.eventCountLimit !== undefined && s.maxEventCount !== undefined) {
    p.fail('EPCIS_QUERY_CONFLICT', 'eventCountLimit', 'eventCountLimit and maxEventCount are mutually exclusive');
  }
  if (s.eventCountLimit !== undefined && s.orderBy === undefined) {
    p.fail('EPCIS_QUERY_CONFLICT', 'eventCountLimit', 'eventCountLimit requires orderBy');
  }
  if (p.errors.length) return { ok: false, errors: p.errors };
  const query: EventQuery = { filters: p.filters, orderDirection: s.orderDirection ?? 'DESC', ...s } as EventQuery;
  return { ok: true, query };
}

export type { OrderField };
