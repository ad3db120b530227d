// The scan spool: every scan is appended (one JSON line) to this process's spool file before the page is
// answered, and the file is removed only after its scans are committed to the database. Appends are grouped:
// the scans recorded within one turn of the event loop are written with one write(2) (`whenWritten()` resolves
// after it; the resolver answers only then), so a burst of scans costs one system call, not one each.
//
// Guarantee: a scan whose page was served survives a slow or unavailable database, a shutdown and a crash of
// the process (the line is in the operating system's page cache); at the next start, spool files of processes
// that are gone are replayed (scan ids make the replay idempotent). Each rotation fsyncs the file it closes (on
// the thread pool), so
// a power cut or kernel crash can lose at most the scans of the last flush interval (~½ s).
import { close, existsSync, fsync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SpooledScan {
  readonly id: string;
  readonly serial: string;
  /** ISO time. */
  readonly at: string;
  readonly channel: string;
  readonly uaFamily: string;
  readonly clientHash: string | null;
}

const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_');

export class ScanSpool {
  private fd: number | undefined;
  private current: string | undefined;
  /** Lines appended but not yet written, and who waits for them. */
  private pending = '';
  private waiters: { resolve(): void; reject(err: unknown): void }[] = [];
  private scheduled = false;
  /** write(2) calls so far (tests check that a burst is one write). */
  writes = 0;

  constructor(private readonly dir: string) {}

  /** Appends a scan; it is in the file at the latest when the current turn of the event loop ends. */
  append(scan: SpooledScan): void {
    this.pending += `${JSON.stringify(scan)}\n`;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.writePending());
    }
  }

  /** Resolves once every scan appended so far is in the file (the operating system's page cache). */
  whenWritten(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Writes the appended lines now (one write), and releases whoever waits for them. */
  writePending(): void {
    this.scheduled = false;
    if (!this.pending) return;
    const data = this.pending;
    const waiters = this.waiters;
    this.pending = '';
    this.waiters = [];
    try {
      if (this.fd === undefined) {
        mkdirSync(this.dir, { recursive: true });
        this.current = path.join(this.dir, `${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.ndjson`);
        this.fd = openSync(this.current, 'a', 0o600);
      }
      const bytes = Buffer.from(data);
      for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off);
      this.writes++;
    } catch (err) {
      for (const w of waiters) w.reject(err);
      return;
    }
    for (const w of waiters) w.resolve();
  }

  /** Closes the current file and returns its path: its scans are the ones now being flushed. The file is
   * fsynced on the thread pool, not on the event loop (a slow disk must not stall every request). */
  rotate(): string | undefined {
    this.writePending();
    if (this.fd === undefined) return undefined;
    const fd = this.fd;
    fsync(fd, () => close(fd, () => {}));
    const closed = this.current;
    this.fd = undefined;
    this.current = undefined;
    return closed;
  }

  remove(files: readonly string[]): void {
    for (const f of files) rmSync(f, { force: true });
  }

  /** Spool files left by processes of this host that are no longer running (a data folder is per host). */
  orphans(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.ndjson'))
      .filter((f) => {
        const m = /^(.+)-(\d+)-[0-9a-f]{8}\.ndjson$/.exec(f);
        if (!m) return false;
        if (m[1] !== HOST) return false;
        const pid = Number(m[2]);
        if (pid === process.pid) return false;
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      })
      .map((f) => path.join(this.dir, f));
  }

  static read(file: string): SpooledScan[] {
    const out: SpooledScan[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as SpooledScan);
      } catch {
        // A line cut short by a crash in mid-write: the scan before it is complete, this one never was served.
      }
    }
    return out;
  }
}
