// What the PostgreSQL server spent during a measured step: CPU time of the postmaster and all its processes
// (backends, WAL writer, checkpointer; exited children through the postmaster's cutime/cstime, proc(5)) and the
// WAL bytes written. Wall clock on a shared machine includes other processes' time; these do not.
import type pg from 'pg';
import { serverCpuSeconds, statFields } from '../lib/postgres-cpu.ts';

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
