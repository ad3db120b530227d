// COPY (PostgreSQL text format) of the rows a capture writes — events, the index tables, the event-id registry —
// from ChunkRows: the same-run reference of the capture benchmark, and the bulk loader of its 10^6-event dataset.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EpcisEvent } from '@txng/epcis';
import { ChunkRows } from '../../apps/server/src/modules/epcis/store/event-rows.ts';
import { INDEX_TABLES } from '../../apps/server/src/modules/epcis/store/event-store.ts';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const text = Array.isArray(v) ? `{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}` : String(v);
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** COPY text of a chunk, per table (schema given), for events owned by `organizationId`. */
export function copyText(chunk: ChunkRows, schema: string, organizationId: string, recordTime: Date, hashes: readonly string[]): Map<string, { columns: string[]; text: string }> {
  const out = new Map<string, { columns: string[]; text: string }>();
  const e = chunk.events;
  const lines: string[] = [];
  const ids: string[] = [];
  const at = recordTime.toISOString();
  for (let i = 0; i < chunk.count; i++) {
    lines.push([e.seq[i], e.eventId[i], organizationId, e.eventType[i], e.action[i], e.eventTime[i], at, e.bizStep[i], e.disposition[i], e.readPoint[i],
      e.bizLocation[i], e.transformationId[i], e.pdSet[i], e.pdUnset[i], e.declarationTime[i], e.errorReason[i], e.hasSensor[i], e.body[i]].map(field).join('\t'));
    ids.push([e.eventId[i], e.seq[i], `\\\\x${hashes[i]}`, 'f'].map((x, k) => (k === 2 ? x : field(x))).join('\t'));
  }
  out.set(`${schema}.events`, {
    columns: ['seq', 'event_id', 'organization_id', 'event_type', 'action', 'event_time', 'record_time', 'biz_step', 'disposition', 'read_point', 'biz_location',
      'transformation_id', 'pd_set', 'pd_unset', 'declaration_time', 'error_reason', 'has_sensor', 'body'],
    text: `${lines.join('\n')}\n`,
  });
  out.set(`${schema}.event_ids`, { columns: ['event_id', 'seq', 'hash', 'declaration'], text: `${ids.join('\n')}\n` });
  for (const t of INDEX_TABLES) {
    const cols = chunk[t.key] as unknown as Record<string, unknown[]>;
    const names = t.columns.map((c) => c.name.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()));
    const n = cols[names[0]!]!.length;
    const rows: string[] = [];
    for (let i = 0; i < n; i++) rows.push(names.map((name) => field(cols[name]![i])).join('\t'));
    out.set(`${schema}.${t.table.split('.')[1]}`, { columns: t.columns.map((c) => c.name), text: rows.length ? `${rows.join('\n')}\n` : '' });
  }
  return out;
}

export async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], text: string): Promise<void> {
  if (!text) return;
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
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
