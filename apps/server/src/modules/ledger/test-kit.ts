// Test support for the ledger's tests: writing records through the outbox, reading the log over HTTP as a
// client would, and the independent implementations (Go's golang.org/x/mod via packages/tlog/test/go, OpenSSL).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import {
  entryBundlePath,
  fullTileCount,
  parseEntryBundle,
  parseVerifierKey,
  partialEntryBundle,
  tileLevelCount,
  tilePath,
  TILE_WIDTH,
  toBase64,
  type NoteVerifier,
  type TileId,
} from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import type { Database } from '../../platform/db/database.ts';
import { recordInLedger, type LedgerEntryMessage, type LedgerKind } from '../../platform/ledger/ledger-entry.ts';

/** Commits `count` records (`perTransaction` to a transaction) through recordInLedger; returns their messages. */
export async function recordMany(db: Database, count: number, prefix: string, perTransaction = 50, kind: LedgerKind = 'epcis.event'): Promise<LedgerEntryMessage[]> {
  const out: LedgerEntryMessage[] = [];
  for (let at = 0; at < count; at += perTransaction) {
    const batch = await db.transaction(async (tx) => {
      const made: LedgerEntryMessage[] = [];
      for (let i = at; i < Math.min(count, at + perTransaction); i++) {
        made.push(await recordInLedger(tx, { kind, id: `${prefix}-${i}`, content: { prefix, i, note: 'xoài Yên Châu' } }));
      }
      return made;
    });
    out.push(...batch);
  }
  return out;
}

export async function logKeyOf(app: FastifyInstance): Promise<NoteVerifier> {
  const { vkey } = (await app.inject('/api/v1/ledger/key')).json() as { vkey: string };
  const key = parseVerifierKey(nodeCrypto, vkey);
  if (!key.ok) throw new Error(key.error.code);
  return key.value;
}

/** Every hash tile of a tree of `size` leaves (full tiles, then the partial one of each level). */
export function tilesOf(size: bigint): TileId[] {
  const tiles: TileId[] = [];
  for (let level = 0; level < tileLevelCount(size); level++) {
    for (let n = 0n; n < fullTileCount(size, level); n++) tiles.push({ level, index: n, width: TILE_WIDTH });
    const hashes = size >> BigInt(8 * level);
    if (hashes % 256n > 0n) tiles.push({ level, index: hashes / 256n, width: Number(hashes % 256n) });
  }
  return tiles;
}

/** The log's entries and tiles as a client downloads them through /ledger. */
export async function downloadLog(app: FastifyInstance, size: bigint): Promise<{ entries: Uint8Array[]; tiles: Map<string, Uint8Array> }> {
  const entries: Uint8Array[] = [];
  const bundles = Array.from({ length: Number(size / 256n) }, (_, i) => ({ index: BigInt(i), width: 256 }));
  const partial = partialEntryBundle(size);
  if (partial) bundles.push(partial);
  for (const b of bundles) {
    const res = await app.inject(`/ledger/${entryBundlePath(b)}`);
    if (res.statusCode !== 200) throw new Error(`${entryBundlePath(b)}: ${res.statusCode}`);
    const parsed = parseEntryBundle(new Uint8Array(res.rawPayload), b.width);
    if (!parsed.ok) throw new Error(parsed.error.code);
    entries.push(...parsed.value.map((e) => e.slice()));
  }
  const tiles = new Map<string, Uint8Array>();
  for (const tile of tilesOf(size)) {
    const res = await app.inject(`/ledger/${tilePath(tile)}`);
    if (res.statusCode !== 200) throw new Error(`${tilePath(tile)}: ${res.statusCode}`);
    tiles.set(tilePath(tile), new Uint8Array(res.rawPayload));
  }
  return { entries, tiles };
}

const GO_CHECK = fileURLToPath(new URL('../../../../../packages/tlog/test/go/main.go', import.meta.url));

export function hasGo(): boolean {
  return spawnSync('go', ['version']).status === 0 && existsSync('/usr/share/gocode/src/golang.org/x/mod/sumdb/note/note.go') && existsSync(GO_CHECK);
}

export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version']).status === 0;
}

/** Skips loudly on a developer machine, fails in CI (the same rule as packages/tlog/test/tools.ts). */
export function requireTool(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`${what} is required in CI`);
  console.warn(`\n!!! SKIPPED: ${what} is not installed; the independent cross-check cannot run. !!!\n`);
  return false;
}

export interface GoTreeCheck {
  readonly entries: readonly Uint8Array[];
  readonly size: bigint;
  readonly root: Uint8Array;
  readonly tiles: ReadonlyMap<string, Uint8Array>;
  readonly inclusion: readonly { index: number; proof: readonly Uint8Array[] }[];
  readonly consistency: readonly { index: number; root: Uint8Array; proof: readonly Uint8Array[] }[];
}

interface GoResult {
  ok: boolean;
  err?: string;
  verified?: string[];
}

/**
 * Runs packages/tlog's Go cross-check (golang.org/x/mod sumdb/note and sumdb/tlog) on our notes and tree:
 * note.Open with the verifier key, tlog.TileHashReader over the served tiles, CheckRecord and CheckTree.
 */
export function goCrossCheck(notes: readonly { vkey: string; msg: string }[], tree: GoTreeCheck) {
  const b64 = (b: Uint8Array) => toBase64(b);
  const request = {
    notes,
    signs: [],
    trees: [
      {
        entries: tree.entries.map(b64),
        size: Number(tree.size),
        root: b64(tree.root),
        tiles: Object.fromEntries([...tree.tiles].map(([p, d]) => [p, b64(d)])),
        inclusion: tree.inclusion.map((p) => ({ index: p.index, proof: p.proof.map(b64) })),
        consistency: tree.consistency.map((p) => ({ index: p.index, root: b64(p.root), proof: p.proof.map(b64) })),
      },
    ],
    // The tool also generates its own material; give it a seed and nothing to build.
    generate: { seed: b64(new Uint8Array(32).fill(1)), name: 'crosscheck', text: 'x\n', entries: [] },
  };
  const gocache = path.join(os.tmpdir(), 'txng-go-cache');
  const go = spawnSync('go', ['run', GO_CHECK], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '', GOPROXY: 'off', GOCACHE: process.env.GOCACHE ?? gocache },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (go.status !== 0) throw new Error(`go cross-check failed: ${go.stderr}`);
  return JSON.parse(go.stdout) as {
    notes: GoResult[];
    trees: { root: string; tilePaths: GoResult; tileReads: GoResult; inclusion: GoResult[] | null; consistency: GoResult[] | null }[];
  };
}

/** OpenSSL's verdict on an Ed25519 signature (RFC 8032), independently of node:crypto and @noble. */
export function opensslVerifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-openssl-'));
  try {
    // RFC 8410 SubjectPublicKeyInfo for Ed25519, as PEM.
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey)]);
    writeFileSync(path.join(dir, 'pub.pem'), `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`);
    writeFileSync(path.join(dir, 'msg'), message);
    writeFileSync(path.join(dir, 'sig'), signature);
    const r = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', path.join(dir, 'msg'), '-sigfile', path.join(dir, 'sig')], { encoding: 'utf8' });
    return r.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
