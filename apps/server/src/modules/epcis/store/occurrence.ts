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
  const stored = await rows<{ t: Date | string; body: EpcisEvent }>(tx, sql`
    select e.event_time as t, e.body from epcis.events e
    join unnest(${sql.param(subjects.map((s) => new Date(s.t!).toISOString()))}::timestamptz[], ${sql.param(subjects.map((s) => s.e.eventTimeZoneOffset))}::text[],
      ${sql.param(subjects.map((s) => s.e.type))}::text[]) as u(t, tz, type)
      on e.event_time = u.t and e.event_type = u.type and e.body->>'eventTimeZoneOffset' <> u.tz`);
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
