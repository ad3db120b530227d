// What the PostgreSQL server spent during a measured step: CPU time of the postmaster and all its processes
// (backends, WAL writer, checkpointer; exited children through the postmaster's cutime/cstime, proc(5)) and the
// WAL bytes written. Wall clock on a shared machine includes other processes' time; these do not.
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const TICK = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** Fields of /proc/<pid>/stat after the command name (field 3 onward), or undefined when unreadable. */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function serverCpuSeconds(postmaster: number): number {
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

export interface ServerUsage {
  /** CPU seconds of the PostgreSQL processes, NaN when /proc cannot be read. */
  readonly cpuSeconds: number;
  readonly walBytes: number;
}

/** Starts measuring; the returned function gives the usage since then. */
export async function measureServer(pool: pg.Pool): Promise<() => Promise<ServerUsage>> {
  const { rows: [me] } = await pool.query<{ pid: number; lsn: string }>('select pg_backend_pid() as pid, pg_current_wal_lsn()::text as lsn');
  const postmaster = Number(statFields(me!.pid)?.[1]);
  const cpu0 = serverCpuSeconds(postmaster);
  return async () => {
    const cpu = serverCpuSeconds(postmaster) - cpu0;
    const { rows: [wal] } = await pool.query<{ bytes: string }>('select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text as bytes', [me!.lsn]);
    return { cpuSeconds: cpu, walBytes: Number(wal!.bytes) };
  };
}
