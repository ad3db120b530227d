// COPY FROM STDIN (PostgreSQL text format, "COPY" in the PostgreSQL manual) of a chunk's event and index rows, for
// captures on PostgreSQL: the rows reach the tables without a statement to parse, without array or JSON parameters
// to expand (unnest, jsonb_to_recordset), in the capture's transaction. PGlite has no COPY FROM STDIN through this
// driver: there the rows go as multi-row INSERTs (bulk-insert.ts). bench/epcis uses the same text as its raw COPY.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ColumnSpec } from './bulk-insert.ts';
import type { ChunkRows } from './event-rows.ts';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

/** One value in COPY text format: \N for null, array literals for arrays, backslash escapes. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = Array.isArray(v) ? `{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}` : String(v);
  // Most values (identifiers, times, codes) have nothing to escape: a test is cheaper than a replace.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c]!) : text;
}

export interface CopyData {
  readonly columns: readonly string[];
  readonly text: string;
}

export const EVENT_COPY_COLUMNS = ['seq', 'event_id', 'organization_id', 'capture_id', 'event_type', 'action', 'event_time', 'record_time', 'biz_step',
  'disposition', 'read_point', 'biz_location', 'transformation_id', 'pd_set', 'pd_unset', 'declaration_time', 'error_reason', 'has_sensor', 'body'] as const;

/** The event rows of a chunk (txid takes its default, the capturing transaction). */
export function eventsCopy(chunk: ChunkRows, organizationId: string, captureId: string | null, recordTime: Date): CopyData {
  const e = chunk.events;
  const at = recordTime.toISOString();
  const lines: string[] = new Array(chunk.count);
  // Organisation, capture and record time are the same on every row: written once.
  const common = `\t${copyField(organizationId)}\t${copyField(captureId)}\t`;
  const f = copyField;
  for (let i = 0; i < chunk.count; i++) {
    lines[i] = `${f(e.seq[i])}\t${f(e.eventId[i])}${common}${f(e.eventType[i])}\t${f(e.action[i])}\t${f(e.eventTime[i])}\t${f(at)}\t${f(e.bizStep[i])}\t` +
      `${f(e.disposition[i])}\t${f(e.readPoint[i])}\t${f(e.bizLocation[i])}\t${f(e.transformationId[i])}\t${f(e.pdSet[i])}\t${f(e.pdUnset[i])}\t` +
      `${f(e.declarationTime[i])}\t${f(e.errorReason[i])}\t${f(e.hasSensor[i])}\t${f(e.body[i])}`;
  }
  return { columns: EVENT_COPY_COLUMNS, text: lines.length ? `${lines.join('\n')}\n` : '' };
}

/** The rows of one index table of a chunk; `data[i]` holds the values of `columns[i]`. */
export function columnsCopy(columns: readonly ColumnSpec[], data: readonly unknown[][]): CopyData {
  const n = data[0]?.length ?? 0;
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let line = copyField(data[0]![i]);
    for (let c = 1; c < data.length; c++) line += '\t' + copyField(data[c]![i]);
    lines[i] = line;
  }
  return { columns: columns.map((c) => c.name), text: n ? `${lines.join('\n')}\n` : '' };
}

export async function copyInto(client: pg.ClientBase, table: string, { columns, text }: CopyData): Promise<void> {
  if (!text) return;
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

