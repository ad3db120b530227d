// Records scans off the request path: a scan is spooled (scan-spool.ts) and buffered in memory, and a timer
// writes the buffer in one statement (insert … select from unnest) that also moves each stamp's counters. A
// slow or failing database delays the write, never the page: failed batches stay buffered and are retried with
// backoff; at shutdown the buffer is written once more, and what still cannot be written stays in the spool
// for the next start. Places shared by consumers are attached to their scan the same way.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import { rows, type Database } from '../../../platform/db/database.ts';
import { ScanSpool, type SpooledScan } from './scan-spool.ts';
import { pgArray } from '../sql-arrays.ts';

export interface ScanInput {
  readonly serial: string;
  readonly channel: 'page' | 'linkset' | 'redirect' | 'api';
  readonly uaFamily: string;
  readonly clientHash: string | null;
}

export interface PlaceInput {
  readonly scanId: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface LocatedScan {
  readonly id: string;
  readonly serial: string;
  readonly at: Date;
  readonly latitude: number;
  readonly longitude: number;
}

export interface ScanRecorderOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly spoolDir: string;
  readonly flushMs?: number;
  readonly maxBatch?: number;
  /** Called after scans were written (their serials), for rate checks. */
  readonly afterWrite?: (serials: readonly string[]) => Promise<void>;
  /** Called when shared places were attached to written scans, for distance checks. */
  readonly afterPlaces?: (scans: readonly LocatedScan[]) => Promise<void>;
}

/** How long a place may be shared after a scan. */
const PLACE_WINDOW_MS = 10 * 60_000;

export class ScanRecorder {
  private buffer: SpooledScan[] = [];
  private places: (PlaceInput & { queuedAt: number })[] = [];
  private readonly pending = new Map<string, { count: number; first: number }>();
  private readonly recent = new Map<string, { serial: string; at: number }>();
  private readonly spool: ScanSpool;
  private spoolFiles: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<boolean> | undefined;
  private failures = 0;
  /** Scans written so far by this process (tests and the benchmark read it). */
  written = 0;

  constructor(private readonly o: ScanRecorderOptions) {
    this.spool = new ScanSpool(o.spoolDir);
  }

  /** Replays the spools of processes that stopped without writing them, then writes on a timer. */
  async start(): Promise<void> {
    for (const file of this.spool.orphans()) {
      const scans = ScanSpool.read(file);
      await this.write(scans);
      this.spool.remove([file]);
      this.o.log.info({ file, scans: scans.length }, 'replayed scans from a stopped process');
    }
    this.schedule(this.o.flushMs ?? 500);
  }

  /** Records a scan; returns its id. Synchronous: nothing here waits for the database. The scan is in the
   * spool once `spooled()` resolves (within this turn of the event loop). */
  record(scan: ScanInput): string {
    const s: SpooledScan = { id: randomUUID(), serial: scan.serial, at: this.o.clock.now().toISOString(), channel: scan.channel, uaFamily: scan.uaFamily, clientHash: scan.clientHash };
    this.spool.append(s);
    this.buffer.push(s);
    const p = this.pending.get(s.serial);
    if (p) p.count++;
    else this.pending.set(s.serial, { count: 1, first: Date.parse(s.at) });
    this.recent.set(s.id, { serial: s.serial, at: Date.parse(s.at) });
    if (this.recent.size > 50_000) this.recent.delete(this.recent.keys().next().value!);
    if (this.buffer.length >= (this.o.maxBatch ?? 2000)) void this.flush();
    return s.id;
  }

  /** write(2) calls to the spool so far (a burst of scans is one). */
  get spoolWrites(): number {
    return this.spool.writes;
  }

  /** Resolves when every scan recorded so far is in the spool file: answer a scan only after it. */
  spooled(): Promise<void> {
    return this.spool.whenWritten();
  }

  /** Scans of a serial not yet in the database (this process's), so a page counts them. */
  pendingFor(serial: string): { count: number; first: Date | null } {
    const p = this.pending.get(serial);
    return p ? { count: p.count, first: new Date(p.first) } : { count: 0, first: null };
  }

  /** The serial of a recent scan of this process, while its place may still be shared. */
  recentScan(scanId: string): string | undefined {
    const r = this.recent.get(scanId);
    return r && this.o.clock.now().getTime() - r.at < PLACE_WINDOW_MS ? r.serial : undefined;
  }

  /** Attaches a shared place to a scan (coordinates already rounded by the caller). */
  place(p: PlaceInput): void {
    this.places.push({ ...p, queuedAt: this.o.clock.now().getTime() });
  }

  /** Writes what is buffered; false when the database did not take it (it stays buffered and spooled). */
  async flush(): Promise<boolean> {
    // A flush already running took an earlier buffer: wait for it, then write what came since.
    while (this.flushing) await this.flushing;
    this.flushing = this.flushOnce().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    if (!(await this.flush())) this.o.log.warn({ left: this.buffer.length }, 'scans left in the spool for the next start');
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      void this.flush().then(() => {
        if (this.timer) this.schedule(this.failures ? Math.min(30_000, 500 * 2 ** this.failures) : (this.o.flushMs ?? 500));
      });
    }, ms);
    this.timer.unref();
  }

  private async flushOnce(): Promise<boolean> {
    const batch = this.buffer;
    const places = this.places;
    if (!batch.length && !places.length) return true;
    this.buffer = [];
    this.places = [];
    if (batch.length) {
      const rotated = this.spool.rotate();
      if (rotated) this.spoolFiles.push(rotated);
      try {
        await this.write(batch);
      } catch (err) {
        this.failures++;
        this.buffer = batch.concat(this.buffer);
        this.places = places.concat(this.places);
        this.o.log.warn({ err, buffered: this.buffer.length }, 'scans not written yet; will retry');
        return false;
      }
      // Every rotated file's scans were in this batch (failed batches stay buffered): the files can go.
      this.spool.remove(this.spoolFiles);
      this.spoolFiles = [];
      for (const s of batch) {
        const p = this.pending.get(s.serial);
        if (p && --p.count <= 0) this.pending.delete(s.serial);
      }
      this.failures = 0;
      await this.o.afterWrite?.([...new Set(batch.map((s) => s.serial))]).catch((err) => this.o.log.warn({ err }, 'scan rate check failed'));
    }
    if (places.length) {
      await this.attachPlaces(places).catch((err) => {
        this.places = places.concat(this.places);
        this.o.log.warn({ err }, 'shared places not attached yet; will retry');
      });
    }
    return true;
  }

  /** One statement: insert the scans of known stamps (a replayed scan is skipped by its id) and count them. */
  private async write(batch: readonly SpooledScan[]): Promise<void> {
    if (!batch.length) return;
    await this.o.db.orm.execute(sql`
      with input as (
        select * from unnest(${pgArray(batch.map((s) => s.id))}::uuid[], ${pgArray(batch.map((s) => s.serial))}::text[], ${pgArray(batch.map((s) => s.at))}::timestamptz[],
                             ${pgArray(batch.map((s) => s.channel))}::text[], ${pgArray(batch.map((s) => s.uaFamily))}::text[], ${pgArray(batch.map((s) => s.clientHash ?? ''))}::text[])
          as t(id, serial, scanned_at, channel, ua_family, client_hash)
      ), inserted as (
        insert into stamps.scans (id, serial, organization_id, scanned_at, channel, ua_family, client_hash)
        select i.id, i.serial, s.organization_id, i.scanned_at, i.channel, i.ua_family, nullif(i.client_hash, '')
        from input i join stamps.stamps s on s.serial = i.serial
        on conflict do nothing
        returning serial, scanned_at
      )
      update stamps.stamps s set scan_count = s.scan_count + a.n,
        first_scanned_at = least(coalesce(s.first_scanned_at, a.first), a.first),
        last_scanned_at = greatest(coalesce(s.last_scanned_at, a.last), a.last)
      from (select serial, count(*)::int as n, min(scanned_at) as first, max(scanned_at) as last from inserted group by serial) a
      where s.serial = a.serial`);
    this.written += batch.length;
  }

  private async attachPlaces(places: (PlaceInput & { queuedAt: number })[]): Promise<void> {
    const found = await rows<{ id: string; serial: string; at: Date; latitude: number; longitude: number }>(
      this.o.db.orm,
      sql`update stamps.scans c set latitude = v.lat, longitude = v.lon
          from unnest(${pgArray(places.map((p) => p.scanId))}::uuid[], ${pgArray(places.map((p) => p.latitude))}::float8[], ${pgArray(places.map((p) => p.longitude))}::float8[]) as v(id, lat, lon)
          where c.id = v.id and c.latitude is null and c.scanned_at > ${new Date(this.o.clock.now().getTime() - 2 * PLACE_WINDOW_MS)}
          returning c.id, c.serial, c.scanned_at as at, c.latitude, c.longitude`,
    );
    const done = new Set(found.map((f) => f.id));
    // A place can arrive before its scan is written (another process's buffer): retried for a minute.
    const now = this.o.clock.now().getTime();
    this.places.push(...places.filter((p) => !done.has(p.scanId) && now - p.queuedAt < 60_000));
    if (found.length) await this.o.afterPlaces?.(found.map((f) => ({ ...f, at: new Date(f.at) })));
  }
}
