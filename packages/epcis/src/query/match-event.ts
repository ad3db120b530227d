// The in-memory evaluator of EPCIS 2.0 queries (EPCIS 2.0 §8.2.7.1): `matchesQuery(event, query)` is the
// reference semantics the server's SQL translation is tested against, and filters streaming subscriptions.
// Identities compare in canonical form, so an EPC URI matches its GS1 Digital Link and vice versa.
import { canonicalEpc } from '../gs1/identifiers.ts';
import { eventTypeOf } from '../model/event-types.ts';
import { parseTimestamp } from '../model/time.ts';
import { vocabularyIri, type VocabularyKind } from '../model/vocabulary.ts';
import type { EpcisEvent, ExtensionElement, QuantityElement, SensorMetadata, SensorReport } from '../model/types.ts';
import { compilePattern, matchesAnyPattern } from './epc-match.ts';
import { attributeValue, compare, fieldElements, valueMatches, withDescendants, type MatchContext } from './match-fields.ts';
import type { EventQuery, QueryFilter } from './query-types.ts';

type Rec = EpcisEvent & Record<string, unknown>;

const canonicalSet = (values: readonly string[]): Set<string> => new Set(values.map(canonicalEpc));

function epcsOf(event: Rec, field: string): string[] {
  const lists = field === 'epc' ? ['epcList', 'childEPCs'] : field === 'inputEPC' ? ['inputEPCList'] : field === 'outputEPC' ? ['outputEPCList']
    : field === 'anyEPC' ? ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] : [];
  const out = lists.flatMap((l) => (event[l] as string[] | undefined) ?? []);
  if ((field === 'parentID' || field === 'anyEPC') && typeof event.parentID === 'string') out.push(event.parentID);
  return out;
}

function classesOf(event: Rec, field: string): string[] {
  const lists = field === 'epcClass' ? ['quantityList', 'childQuantityList'] : field === 'inputEPCClass' ? ['inputQuantityList']
    : field === 'outputEPCClass' ? ['outputQuantityList'] : ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
  return lists.flatMap((l) => ((event[l] as QuantityElement[] | undefined) ?? []).map((q) => q.epcClass));
}

function quantities(event: Rec): QuantityElement[] {
  return eventTypeOf(event).quantityLists.flatMap((l) => (event[l] as QuantityElement[] | undefined) ?? []);
}

const reports = (event: EpcisEvent): SensorReport[] => (event.sensorElementList ?? []).flatMap((s) => s.sensorReport);
const metadata = (event: EpcisEvent): SensorMetadata[] => (event.sensorElementList ?? []).flatMap((s) => (s.sensorMetadata ? [s.sensorMetadata] : []));
const IN_METADATA = new Set(['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules']);
const IDENTIFIER_FIELDS = new Set(['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules', 'microorganism', 'chemicalSubstance', 'uriValue']);

/** Identifiers a standard or extension field holds (for HASATTR_ / EQ_ATTR_). */
function fieldIds(event: Rec, field: string | { ns: string; name: string }): string[] {
  if (typeof field !== 'string') return fieldElements(event, 'event', false, field).flatMap((e) => (typeof e.value === 'string' ? [e.value] : []));
  switch (field) {
    case 'readPoint': case 'bizLocation': return event[field] ? [(event[field] as { id: string }).id] : [];
    case 'bizStep': case 'disposition': case 'parentID': case 'transformationID': return typeof event[field] === 'string' ? [event[field] as string] : [];
    case 'epc': return epcsOf(event, 'anyEPC');
    case 'epcClass': return classesOf(event, 'anyEPCClass');
    case 'bizTransaction': return (event.bizTransactionList ?? []).map((b) => b.bizTransaction);
    case 'source': return (event.sourceList ?? []).map((s) => s.source);
    case 'destination': return (event.destinationList ?? []).map((d) => d.destination);
    default: return [];
  }
}

const SENSOR_VOCABULARY: Readonly<Record<string, VocabularyKind>> = { type: 'measurementType', exception: 'sensorAlertType', component: 'component' };

function sensorNormaliser(field: string): (s: string) => string {
  if (IDENTIFIER_FIELDS.has(field)) return canonicalEpc;
  if (field === 'hexBinaryValue') return (s) => s.toLowerCase();
  const kind = SENSOR_VOCABULARY[field];
  return kind ? (s) => vocabularyIri(kind, s) : (s) => s;
}

function sensorString(event: EpcisEvent, field: string, values: readonly string[]): boolean {
  const norm = sensorNormaliser(field);
  const wanted = new Set(values.map(norm));
  const holders: Record<string, unknown>[] = [...reports(event), ...(IN_METADATA.has(field) ? metadata(event) : [])] as unknown as Record<string, unknown>[];
  return holders.some((h) => typeof h[field] === 'string' && wanted.has(norm(h[field] as string)));
}

function matchesFilter(event: Rec, f: QueryFilter, ctx: MatchContext): boolean {
  switch (f.kind) {
    case 'eventType': return f.values.includes(event.type);
    case 'time': {
      const text = f.field === 'declarationTime' ? event.errorDeclaration?.declarationTime : event[f.field] as string | undefined;
      const t = text === undefined ? undefined : parseTimestamp(text);
      return t !== undefined && (f.op === 'GE' ? t >= f.value : t < f.value);
    }
    case 'action': return typeof event.action === 'string' && f.values.includes(event.action);
    case 'vocabulary': {
      const values = f.field === 'persistentDispositionSet' ? event.persistentDisposition?.set ?? []
        : f.field === 'persistentDispositionUnset' ? event.persistentDisposition?.unset ?? []
          : f.field === 'errorReason' ? [event.errorDeclaration?.reason] : [event[f.field] as string | undefined];
      return values.some((x) => x !== undefined && f.values.includes(x));
    }
    case 'place': {
      const id = event[f.field] ? (event[f.field] as { id: string }).id : undefined;
      if (id === undefined) return false;
      const wanted = f.withDescendants ? f.values.flatMap((x) => [...withDescendants(x, ctx)]) : f.values;
      return canonicalSet(wanted).has(canonicalEpc(id));
    }
    case 'transformationID': return typeof event.transformationID === 'string' && canonicalSet(f.values).has(canonicalEpc(event.transformationID));
    case 'epcMatch': return matchesAnyPattern(epcsOf(event, f.field), f.patterns.map(compilePattern));
    case 'epcClassMatch': return matchesAnyPattern(classesOf(event, f.field), f.patterns.map(compilePattern));
    case 'quantity':
      return quantities(event).some((q) => q.quantity !== undefined && (f.uom === undefined || q.uom === f.uom) && f.values.some((v) => compare(f.op, q.quantity!, v)));
    case 'eventID': return event.eventID !== undefined && f.values.includes(event.eventID);
    case 'existsErrorDeclaration': return event.errorDeclaration !== undefined;
    case 'correctiveEventID': return (event.errorDeclaration?.correctiveEventIDs ?? []).some((id) => f.values.includes(id));
    case 'typedIdentifier': {
      const wanted = canonicalSet(f.values);
      const list: { type?: string; id: string }[] = f.field === 'bizTransaction' ? (event.bizTransactionList ?? []).map((b) => ({ type: b.type, id: b.bizTransaction }))
        : f.field === 'source' ? (event.sourceList ?? []).map((s) => ({ type: s.type, id: s.source })) : (event.destinationList ?? []).map((d) => ({ type: d.type, id: d.destination }));
      return list.some((x) => x.type === f.type && wanted.has(canonicalEpc(x.id)));
    }
    case 'field': return fieldElements(event, f.scope, f.inner, f.field).some((el) => valueMatches(el.value, f.op, f.operands));
    case 'fieldExists': return fieldElements(event, f.scope, f.inner, f.field).length > 0;
    case 'hasAttribute':
      return fieldIds(event, f.field).some((id) => {
        const attributes = ctx.attributes?.(id);
        return attributes !== undefined && f.attributes.some((a) => attributeValue(attributes, a).found);
      });
    case 'attributeEquals':
      return fieldIds(event, f.field).some((id) => {
        const a = attributeValue(ctx.attributes?.(id) ?? new Map(), f.attribute);
        return a.found && valueMatches(a.value, 'EQ', f.operands);
      });
    case 'existsSensorElementList': return (event.sensorElementList ?? []).length > 0;
    case 'sensorTime': {
      const texts = f.field === 'time' ? [...metadata(event).map((m) => m.time), ...reports(event).map((r) => r.time)] : metadata(event).map((m) => m[f.field]);
      return texts.some((text) => {
        const t = text === undefined ? undefined : parseTimestamp(text);
        return t !== undefined && (f.op === 'GE' ? t >= f.value : t < f.value);
      });
    }
    case 'sensorString': return sensorString(event, f.field, f.values);
    case 'sensorBoolean': return reports(event).some((r) => r.booleanValue === f.value);
    case 'sensorNumber':
      return reports(event).some((r) => {
        const n = r[f.field];
        return n !== undefined && (f.uom === undefined || r.uom === f.uom) && f.values.some((v) => compare(f.op, n, v));
      });
  }
}

/** True when the event satisfies every filter of the query (ordering and limits are not filters). */
export function matchesQuery(event: EpcisEvent, query: Pick<EventQuery, 'filters'>, ctx: MatchContext = {}): boolean {
  return query.filters.every((f) => matchesFilter(event as Rec, f, ctx));
}

/** The value an event is ordered by (EPCIS 2.0 §8.2.7.1 orderBy), undefined when it lacks the field. */
export function orderKey(event: EpcisEvent, query: Pick<EventQuery, 'orderBy'>): number | string | undefined {
  const by = query.orderBy;
  if (by === undefined) return undefined;
  if (by === 'eventTime' || by === 'recordTime') {
    const text = event[by];
    return text === undefined ? undefined : parseTimestamp(text);
  }
  const el: ExtensionElement | undefined = fieldElements(event, 'event', false, by)[0];
  const v = el?.value;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  return parseTimestamp(v) ?? (/^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
}
