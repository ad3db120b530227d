// Read helpers over the raw index tables for the trace and recall capability: events naming an identity, a class
// or lot, a parent, a transformation input or output, each with its owning organisation. They apply no access
// rule (the caller's policy decides what to show) and return events in event-time order, at most `limit` after
// `after` (pass the last record of a page to get the next).
import { canonicalEpc, type EpcisEvent } from '@txng/epcis';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../../platform/db/database.ts';
import { EPC_ROLES, QUANTITY_ROLES } from './event-rows.ts';

export interface EventRecord {
  readonly seq: number;
  readonly eventId: string;
  readonly organizationId: string;
  readonly eventTime: Date;
  readonly recordTime: Date;
  readonly event: EpcisEvent;
}

export interface ReadPage {
  readonly limit?: number;
  readonly after?: Pick<EventRecord, 'eventTime' | 'seq'>;
}

export type EpcRole = keyof typeof EPC_ROLES;
export type QuantityRole = keyof typeof QUANTITY_ROLES;

async function select(db: Orm, where: SQL, page: ReadPage): Promise<EventRecord[]> {
  const list = await rows<{ seq: number; event_id: string; organization_id: string; event_time: Date | string; record_time: Date | string; body: EpcisEvent }>(db, sql`
    select e.seq, e.event_id, e.organization_id, e.event_time, e.record_time, e.body from epcis.events e
    where ${where} ${page.after ? sql`and (e.event_time, e.seq) > (${page.after.eventTime.toISOString()}::timestamptz, ${page.after.seq}::bigint)` : sql``}
    order by e.event_time, e.seq limit ${Math.min(page.limit ?? 1000, 10_000)}`);
  return list.map((r) => ({
    seq: Number(r.seq), eventId: r.event_id, organizationId: r.organization_id, eventTime: new Date(r.event_time), recordTime: new Date(r.record_time), event: r.body,
  }));
}

const roleCodes = <K extends string>(map: Readonly<Record<K, number>>, roles: readonly K[] | undefined) => (roles ?? Object.keys(map) as K[]).map((r) => map[r]);

/** Events naming an instance identity (EPC URN or Digital Link, either form), in the given lists (all by default). */
export function eventsByIdentity(db: Orm, id: string, roles?: readonly EpcRole[], page: ReadPage = {}): Promise<EventRecord[]> {
  return select(db, sql`e.seq in (select x.seq from epcis.event_epcs x where x.epc = ${canonicalEpc(id)} and x.role = any(${sql.param(roleCodes(EPC_ROLES, roles))}::smallint[]))`, page);
}

/** Events naming a class (LGTIN, GTIN or other class URI) in their quantity lists (all by default). */
export function eventsByClass(db: Orm, epcClass: string, roles?: readonly QuantityRole[], page: ReadPage = {}): Promise<EventRecord[]> {
  return select(db, sql`e.seq in (select q.seq from epcis.event_quantities q where q.epc_class = ${canonicalEpc(epcClass)} and q.role = any(${sql.param(roleCodes(QUANTITY_ROLES, roles))}::smallint[]))`, page);
}

/** Events about a lot (GTIN + batch/lot, AI 01 + 10): as a class in quantity lists or as a lot-level identity. */
export function eventsByLot(db: Orm, gtin: string, lot: string, page: ReadPage = {}): Promise<EventRecord[]> {
  const id = canonicalEpc(`https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lot)}`);
  return select(db, sql`(e.seq in (select q.seq from epcis.event_quantities q where q.epc_class = ${id}) or e.seq in (select x.seq from epcis.event_epcs x where x.epc = ${id}))`, page);
}

/** Aggregation, transaction and association events whose parentID is `parentId`. */
export function eventsByParent(db: Orm, parentId: string, page: ReadPage = {}): Promise<EventRecord[]> {
  return eventsByIdentity(db, parentId, ['parentID'], page);
}

/** Transformation events consuming `id` (an identity or a class). */
export function eventsByInput(db: Orm, id: string, page: ReadPage = {}): Promise<EventRecord[]> {
  const c = canonicalEpc(id);
  return select(db, sql`(e.seq in (select x.seq from epcis.event_epcs x where x.epc = ${c} and x.role = ${EPC_ROLES.inputEPCList})
    or e.seq in (select q.seq from epcis.event_quantities q where q.epc_class = ${c} and q.role = ${QUANTITY_ROLES.inputQuantityList}))`, page);
}

/** Transformation events producing `id` (an identity or a class). */
export function eventsByOutput(db: Orm, id: string, page: ReadPage = {}): Promise<EventRecord[]> {
  const c = canonicalEpc(id);
  return select(db, sql`(e.seq in (select x.seq from epcis.event_epcs x where x.epc = ${c} and x.role = ${EPC_ROLES.outputEPCList})
    or e.seq in (select q.seq from epcis.event_quantities q where q.epc_class = ${c} and q.role = ${QUANTITY_ROLES.outputQuantityList}))`, page);
}

/** Transformation events sharing a transformationID (EPCIS 2.0 §7.4.6). */
export function eventsByTransformationId(db: Orm, transformationId: string, page: ReadPage = {}): Promise<EventRecord[]> {
  return select(db, sql`e.transformation_id = ${canonicalEpc(transformationId)}`, page);
}

/** Events by eventID (missing IDs are left out). */
export function eventsByIds(db: Orm, eventIds: readonly string[], page: ReadPage = {}): Promise<EventRecord[]> {
  return select(db, sql`e.seq in (select i.seq from epcis.event_ids i where i.event_id = any(${sql.param([...eventIds])}::text[]))`, page);
}

/** Error declarations naming `eventId` among their correctiveEventIDs (EPCIS 2.0 §7.4.1.2). */
export function correctionsOf(db: Orm, eventId: string, page: ReadPage = {}): Promise<EventRecord[]> {
  return select(db, sql`e.seq in (select c.seq from epcis.event_corrections c where c.corrective_event_id = ${eventId})`, page);
}
