// COPY (PostgreSQL text format) of the rows a capture writes — events, the index tables, the event-id registry —
// from ChunkRows: the same-run reference of the capture benchmark, and the bulk loader of its 10^6-event dataset.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { EpcisEvent } from '@txng/epcis';
import { ChunkRows } from '../../apps/server/src/modules/epcis/store/event-rows.ts';
import { INDEX_TABLES } from '../../apps/server/src/modules/epcis/store/event-store.ts';
import { columnsCopy, copyField, copyInto as copyRows, eventsCopy } from '../../apps/server/src/modules/epcis/store/copy-rows.ts';

/** COPY text of a chunk, per table (schema given), for events owned by `organizationId`: the text a capture on
 * PostgreSQL sends (store/copy-rows.ts), plus the event-id registry rows. */
export function copyText(chunk: ChunkRows, schema: string, organizationId: string, recordTime: Date, hashes: readonly string[]): Map<string, { columns: string[]; text: string }> {
  const out = new Map<string, { columns: string[]; text: string }>();
  const e = chunk.events;
  const ids: string[] = [];
  for (let i = 0; i < chunk.count; i++) ids.push([copyField(e.eventId[i]), copyField(e.seq[i]), `\\\\x${hashes[i]}`, 'f'].join('\t'));
  const events = eventsCopy(chunk, organizationId, null, recordTime);
  out.set(`${schema}.events`, { columns: [...events.columns], text: events.text });
  out.set(`${schema}.event_ids`, { columns: ['event_id', 'seq', 'hash', 'declaration'], text: ids.length ? `${ids.join('\n')}\n` : '' });
  for (const t of INDEX_TABLES) {
    const cols = chunk[t.key] as unknown as Record<string, unknown[]>;
    const data = columnsCopy(t.columns, t.columns.map((c) => cols[c.name.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())]!));
    out.set(`${schema}.${t.table.split('.')[1]}`, { columns: [...data.columns], text: data.text });
  }
  return out;
}

export async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], text: string): Promise<void> {
  await copyRows(client, table, { columns, text });
}

/** ChunkRows of model events under consecutive seqs from `firstSeq`, with their bodies as stored. */
export function chunkOf(events: readonly EpcisEvent[], firstSeq: number, recordTime: Date): { chunk: ChunkRows; hashes: string[] } {
  const chunk = new ChunkRows();
  const hashes: string[] = [];
  events.forEach((event, i) => {
    const stored = { ...event, recordTime: recordTime.toISOString() };
    chunk.add(firstSeq + i, stored, JSON.stringify(stored));
    hashes.push(createHash('sha256').update(stored.eventID ?? String(firstSeq + i)).digest('hex'));
  });
  return { chunk, hashes };
}
