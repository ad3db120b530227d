// The EPCIS query AST (@txng/epcis EventQuery, EPCIS 2.0 §8.2.7.1) as SQL over the event and index tables.
// Each filter becomes one condition on `epcis.events e`; the translation selects exactly the events the reference
// evaluator `matchesQuery` accepts (query-oracle.test.ts), except for three families whose SQL condition is a
// superset and which are then checked exactly by `matchesQuery` on the candidate events ("residual" filters):
// EPC patterns with wildcards (urn:epc:idpat:…, matched field by field), HASATTR_ and EQ_ATTR_ (master data).
import { sql, type SQL } from 'drizzle-orm';
import { canonicalEpc, type Comparison, type EventQuery, type Operand, type QueryFilter } from '@txng/epcis';
import { EPC_ROLES, normaliseSensorString, PARTY_ROLES, QUANTITY_ROLES } from '../store/event-rows.ts';
import { FIELD_SCOPE_CODES } from '../store/field-scopes.ts';
import { elementsWithAttribute, type MasterData } from '../store/master-data.ts';
import { patternPrefixes } from './epc-patterns.ts';

export interface Translation {
  readonly conditions: SQL[];
  /** Filters whose SQL is a superset: checked again with matchesQuery on each candidate. */
  readonly residual: QueryFilter[];
}

const OPS: Readonly<Record<Comparison, string>> = { EQ: '=', GT: '>', GE: '>=', LT: '<', LE: '<=' };
const op = (c: Comparison) => sql.raw(OPS[c]);
const texts = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const canonicals = (values: readonly string[]) => texts([...new Set(values.map(canonicalEpc))]);
const instant = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
/**
 * `column = any(values)`, or `column = value` for one value: only the plain equality lets a (column, seq) or
 * (column, event_time) index hand rows out already in the page's order (PostgreSQL 15 does not treat an index
 * scan on `= any(array)` as ordered, even for a one-element array, so the planner sorted all matches first).
 */
const oneOf = (column: string, values: readonly string[]) => {
  const unique = [...new Set(values)];
  return unique.length === 1 ? sql`${sql.raw(column)} = ${unique[0]!}::text` : sql`${sql.raw(column)} = any(${texts(unique)})`;
};
const oneOfCanonical = (column: string, values: readonly string[]) => oneOf(column, values.map(canonicalEpc));

const EPC_FIELD_ROLES: Readonly<Record<string, readonly number[]>> = {
  epc: [EPC_ROLES.epcList, EPC_ROLES.childEPCs],
  parentID: [EPC_ROLES.parentID],
  inputEPC: [EPC_ROLES.inputEPCList],
  outputEPC: [EPC_ROLES.outputEPCList],
  anyEPC: Object.values(EPC_ROLES),
};
const CLASS_FIELD_ROLES: Readonly<Record<string, readonly number[]>> = {
  epcClass: [QUANTITY_ROLES.quantityList, QUANTITY_ROLES.childQuantityList],
  inputEPCClass: [QUANTITY_ROLES.inputQuantityList],
  outputEPCClass: [QUANTITY_ROLES.outputQuantityList],
  anyEPCClass: Object.values(QUANTITY_ROLES),
};

/** Identities or classes of an event matching any of `patterns` (exact values, or idpat patterns as a superset). */
function identityMatch(table: 'epcis.event_epcs' | 'epcis.event_quantities', column: 'epc' | 'epc_class', roles: readonly number[], patterns: readonly string[]): { condition: SQL; exact: boolean } {
  const plain = patterns.filter((p) => !/^urn:epc:idpat:/i.test(p));
  const likes = patterns.filter((p) => /^urn:epc:idpat:/i.test(p)).flatMap(patternPrefixes);
  const alternatives: SQL[] = [];
  if (plain.length) alternatives.push(sql`x.${sql.raw(column)} = any(${canonicals(plain)})`);
  if (likes.length) alternatives.push(sql`x.${sql.raw(column)} like any(${texts(likes)})`);
  const condition = sql`exists (select 1 from ${sql.raw(table)} x where x.seq = e.seq and x.role = any(${sql.param([...roles])}::smallint[]) and (${sql.join(alternatives, sql` or `)}))`;
  return { condition, exact: likes.length === 0 };
}

function operandCondition(o: Operand, c: Comparison): SQL {
  if (o.type === 'string') return c === 'EQ' ? sql`f.text_value = ${o.value}` : sql`false`;
  if (o.type === 'number') return sql`f.num_value ${op(c)} ${o.value}`;
  return sql`f.time_value ${op(c)} ${instant(o.value)}`;
}

function numberCondition(column: SQL, c: Comparison, values: readonly number[]): SQL {
  return c === 'EQ' ? sql`${column} = any(${sql.param([...values])}::float8[])` : sql`${column} ${op(c)} ${values[0]!}`;
}

function descendants(ids: readonly string[], md: MasterData | undefined): string[] {
  const out = new Set(ids);
  const queue = [...ids];
  while (queue.length) {
    for (const child of md?.children?.(queue.shift()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return [...out];
}

/** Events whose standard or extension field (as HASATTR_/EQ_ATTR_ read it) names one of `ids`. */
function fieldNames(field: string | { ns: string; name: string }, ids: readonly string[]): SQL {
  if (!ids.length) return sql`false`;
  if (typeof field !== 'string') {
    return sql`exists (select 1 from epcis.event_fields f where f.seq = e.seq and f.scope = 1 and f.top and f.ns = ${field.ns} and f.name = ${field.name} and f.text_value = any(${texts(ids)}))`;
  }
  switch (field) {
    case 'readPoint': return oneOfCanonical('e.read_point', ids);
    case 'bizLocation': return oneOfCanonical('e.biz_location', ids);
    case 'bizStep': return oneOf('e.biz_step', ids);
    case 'disposition': return oneOf('e.disposition', ids);
    case 'transformationID': return oneOfCanonical('e.transformation_id', ids);
    case 'parentID': return identityMatch('epcis.event_epcs', 'epc', [EPC_ROLES.parentID], ids).condition;
    case 'epc': return identityMatch('epcis.event_epcs', 'epc', Object.values(EPC_ROLES), ids).condition;
    case 'epcClass': return identityMatch('epcis.event_quantities', 'epc_class', Object.values(QUANTITY_ROLES), ids).condition;
    case 'bizTransaction': return sql`exists (select 1 from epcis.event_biz_transactions b where b.seq = e.seq and b.biz_transaction = any(${canonicals(ids)}))`;
    case 'source': case 'destination':
      return sql`exists (select 1 from epcis.event_parties p where p.seq = e.seq and p.role = ${PARTY_ROLES[field]} and p.party = any(${canonicals(ids)}))`;
    default: return sql`false`;
  }
}

function translate(f: QueryFilter, md: MasterData | undefined): { condition: SQL; exact: boolean } {
  const exact = (condition: SQL) => ({ condition, exact: true });
  switch (f.kind) {
    case 'eventType': return exact(oneOf('e.event_type', f.values));
    case 'time': {
      const column = sql.raw({ eventTime: 'e.event_time', recordTime: 'e.record_time', declarationTime: 'e.declaration_time' }[f.field]);
      return exact(sql`${column} ${op(f.op)} ${instant(f.value)}`);
    }
    case 'action': return exact(oneOf('e.action', f.values));
    case 'vocabulary':
      switch (f.field) {
        case 'bizStep': return exact(oneOf('e.biz_step', f.values));
        case 'disposition': return exact(oneOf('e.disposition', f.values));
        case 'errorReason': return exact(oneOf('e.error_reason', f.values));
        case 'persistentDispositionSet': return exact(sql`e.pd_set && ${texts(f.values)}`);
        case 'persistentDispositionUnset': return exact(sql`e.pd_unset && ${texts(f.values)}`);
      }
      break;
    case 'place': {
      const values = f.withDescendants ? f.values.flatMap((v) => descendants([v], md)) : f.values;
      return exact(oneOfCanonical(f.field === 'readPoint' ? 'e.read_point' : 'e.biz_location', values));
    }
    case 'transformationID': return exact(oneOfCanonical('e.transformation_id', f.values));
    case 'epcMatch': return identityMatch('epcis.event_epcs', 'epc', EPC_FIELD_ROLES[f.field]!, f.patterns);
    case 'epcClassMatch': return identityMatch('epcis.event_quantities', 'epc_class', CLASS_FIELD_ROLES[f.field]!, f.patterns);
    case 'quantity':
      return exact(sql`exists (select 1 from epcis.event_quantities q where q.seq = e.seq and q.quantity is not null
        ${f.uom === undefined ? sql`` : sql`and q.uom = ${f.uom}`} and ${numberCondition(sql`q.quantity`, f.op, f.values)})`);
    case 'eventID': return exact(sql`e.seq in (select i.seq from epcis.event_ids i where i.event_id = any(${texts(f.values)}))`);
    case 'existsErrorDeclaration': return exact(sql`e.declaration_time is not null`);
    case 'correctiveEventID':
      return exact(sql`exists (select 1 from epcis.event_corrections c where c.seq = e.seq and c.corrective_event_id = any(${texts(f.values)}))`);
    case 'typedIdentifier':
      if (f.field === 'bizTransaction') {
        return exact(sql`exists (select 1 from epcis.event_biz_transactions b where b.seq = e.seq and b.type = ${f.type} and b.biz_transaction = any(${canonicals(f.values)}))`);
      }
      return exact(sql`exists (select 1 from epcis.event_parties p where p.seq = e.seq and p.role = ${PARTY_ROLES[f.field]} and p.type = ${f.type} and p.party = any(${canonicals(f.values)}))`);
    case 'field':
      return exact(sql`exists (select 1 from epcis.event_fields f where f.seq = e.seq and f.scope = ${FIELD_SCOPE_CODES[f.scope]} and f.top = ${!f.inner}
        and f.ns = ${f.field.ns} and f.name = ${f.field.name} and (${sql.join(f.operands.map((o) => operandCondition(o, f.op)), sql` or `)}))`);
    case 'fieldExists':
      return exact(sql`exists (select 1 from epcis.event_fields f where f.seq = e.seq and f.scope = ${FIELD_SCOPE_CODES[f.scope]} and f.top = ${!f.inner}
        and f.ns = ${f.field.ns} and f.name = ${f.field.name})`);
    case 'hasAttribute':
    case 'attributeEquals': {
      const names = f.kind === 'hasAttribute' ? f.attributes : [f.attribute];
      const ids = md ? [...new Set(names.flatMap((a) => elementsWithAttribute(md, a)))] : [];
      return { condition: fieldNames(f.field, ids), exact: false };
    }
    case 'existsSensorElementList': return exact(sql`e.has_sensor`);
    case 'sensorTime':
      return exact(sql`exists (select 1 from epcis.event_sensor_values s where s.seq = e.seq and s.field = ${f.field} and s.time_value ${op(f.op)} ${instant(f.value)})`);
    case 'sensorString':
      return exact(sql`exists (select 1 from epcis.event_sensor_values s where s.seq = e.seq and s.field = ${f.field}
        and s.text_value = any(${texts(f.values.map((v) => normaliseSensorString(f.field, v)))}))`);
    case 'sensorBoolean':
      return exact(sql`exists (select 1 from epcis.event_sensor_values s where s.seq = e.seq and s.field = 'booleanValue' and s.text_value = ${String(f.value)})`);
    case 'sensorNumber':
      return exact(sql`exists (select 1 from epcis.event_sensor_values s where s.seq = e.seq and s.field = ${f.field}
        ${f.uom === undefined ? sql`` : sql`and s.uom = ${f.uom}`} and ${numberCondition(sql`s.num_value`, f.op, f.values)})`);
  }
  throw new Error(`untranslated query filter ${(f as QueryFilter).kind}`);
}

/** Whether answering the query needs master data (WD_ hierarchy, HASATTR_/EQ_ATTR_ attributes). */
export function needsMasterData(query: Pick<EventQuery, 'filters'>): boolean {
  return query.filters.some((f) => (f.kind === 'place' && f.withDescendants) || f.kind === 'hasAttribute' || f.kind === 'attributeEquals');
}

export function translateFilters(query: Pick<EventQuery, 'filters'>, md?: MasterData): Translation {
  const conditions: SQL[] = [];
  const residual: QueryFilter[] = [];
  for (const f of query.filters) {
    const t = translate(f, md);
    conditions.push(t.condition);
    if (!t.exact) residual.push(f);
  }
  return { conditions, residual };
}
