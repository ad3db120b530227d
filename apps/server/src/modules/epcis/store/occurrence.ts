// One occurrence recorded in two time zones. The CBV 2.0 event hash includes eventTimeZoneOffset (CBV 2.0
// §8.9.2), so the same event captured with another offset — GS1's WithEventHashID example 2, "different time zone
// but exactly identical event" — gets another hash ID. For events identified only by their hash (no eventID in the
// input), the repository treats such a capture as a repeat of the stored event: same instant, and equal hashes
// once the offset is set aside. Only candidates at the same instant with another offset are hashed again, so
// captures without such a twin pay one indexed query per chunk. (Two such twins captured concurrently in two
// transactions are both kept: no unique constraint spans time zones.)
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { eventHashId, parseTimestamp, type EpcisEvent } from '@txng/epcis';
import { rows, type Orm } from '../../../platform/db/database.ts';

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();
const occurrence = (event: EpcisEvent): string => eventHashId({ ...event, eventTimeZoneOffset: '+00:00' }, { sha256 });

/** Indexes (into `events`) of hash-identified events that repeat a stored event, or an earlier one of the list, in another time zone. */
export async function repeatedOccurrences(tx: Orm, events: readonly (EpcisEvent | undefined)[]): Promise<Set<number>> {
  const subjects = events.flatMap((e, i) => (e ? [{ e, i, t: parseTimestamp(e.eventTime) }] : [])).filter((s) => s.t !== undefined);
  const out = new Set<number>();
  if (!subjects.length) return out;
  // One index probe (events_event_time_idx) per subject: the lateral subquery, kept apart by `offset 0`, is run
  // for each row of the list. As a plain join the planner chose to scan and sort the whole events table for every
  // chunk (a cost growing with the table) whenever it had no statistics for it: rows written by the running
  // transaction (a spreadsheet import's earlier chunks, or a new installation's first captures) have none until
  // committed and analysed. Without statistics the planner also expects hundreds of rows per probe, and the
  // estimate of the whole statement passes jit_above_cost: compiling it (100–400 ms) would cost far more than the
  // probes themselves (a few ms for a thousand), so JIT is off for this statement only (restored after it; a
  // failure rolls the local setting back with the transaction).
  const [setting] = await rows<{ jit: string }>(tx, sql`select current_setting('jit') as jit, set_config('jit', 'off', true)`);
  const stored = await rows<{ t: Date | string; body: EpcisEvent }>(tx, sql`
    select u.t, x.body
    from unnest(${sql.param(subjects.map((s) => new Date(s.t!).toISOString()))}::timestamptz[], ${sql.param(subjects.map((s) => s.e.eventTimeZoneOffset))}::text[],
      ${sql.param(subjects.map((s) => s.e.type))}::text[]) as u(t, tz, type)
    cross join lateral (select e.body from epcis.events e
      where e.event_time = u.t and e.event_type = u.type and e.body->>'eventTimeZoneOffset' <> u.tz offset 0) as x`);
  if (setting!.jit !== 'off') await tx.execute(sql`select set_config('jit', ${setting!.jit}, true)`);
  const byInstant = new Map<number, EpcisEvent[]>();
  for (const r of stored) {
    const t = new Date(r.t).getTime();
    byInstant.set(t, [...(byInstant.get(t) ?? []), r.body]);
  }
  const seen = new Map<number, EpcisEvent[]>();
  for (const s of subjects) {
    const twins = [...(byInstant.get(s.t!) ?? []), ...(seen.get(s.t!) ?? [])].filter((x) => x.type === s.e.type && x.eventTimeZoneOffset !== s.e.eventTimeZoneOffset);
    if (twins.length && twins.some((x) => occurrence(x) === occurrence(s.e))) out.add(s.i);
    else seen.set(s.t!, [...(seen.get(s.t!) ?? []), s.e]);
  }
  return out;
}
