// CPU time a PostgreSQL server has spent, from /proc (Linux): the postmaster (with its exited children, through
// cutime/cstime, proc(5)) and its live children (backends, WAL writer, checkpointer). Wall clock on a shared
// machine includes other processes' time; this does not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Orm } from '../../apps/server/src/platform/db/database.ts';

const TICK = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** Fields of /proc/<pid>/stat after the command name (field 3 onward), or undefined when unreadable. */
export function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds of the server whose postmaster is `postmaster` so far; NaN when /proc cannot be read. */
export function serverCpuSeconds(postmaster: number): number {
  const own = statFields(postmaster);
  if (!own) return NaN;
  // Fields 14–17 (utime, stime, cutime, cstime) are indexes 11–14 after the command name.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICK;
}

/** CPU seconds of the PostgreSQL server behind `orm` so far (found by its data directory); NaN elsewhere. */
export async function postgresCpuSeconds(orm: Orm): Promise<number> {
  try {
    const [dir] = await rows<{ d: string }>(orm, sql`select current_setting('data_directory') as d`);
    return serverCpuSeconds(Number(readFileSync(path.join(dir!.d, 'postmaster.pid'), 'utf8').split('\n')[0]));
  } catch {
    return NaN;
  }
}
