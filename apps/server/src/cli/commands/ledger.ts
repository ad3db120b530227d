// `txng ledger <verify-proof|monitor|key>`: the transparency ledger's verification tools. verify-proof checks a
// c2sp.org/tlog-proof offline against the log's verifier key; monitor downloads the log, rebuilds it and reports
// a split view, a rewritten entry or a tampered tile; key prints this installation's log verifier key.
import { readFile, writeFile } from 'node:fs/promises';
import { formatError, merkleHasher, parseTlogProof, parseVerifierKey, verifyTlogProof } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { loadConfig } from '../../config/config.ts';
import { translate, type Lang } from '../../platform/i18n/messages.ts';
import { contentHash } from '../../platform/ledger/ledger-entry.ts';
import { loadLogKey, monitorLog, type MonitorState } from '../../modules/ledger/index.ts';
import type { Command, CommandIo } from '../command.ts';

const USAGE = `Usage:
  txng ledger verify-proof <file> --vkey <log vkey> [--witness <vkey>]... [--quorum <k>] [--content <json file>]
        <file>: a c2sp.org/tlog-proof, or the JSON of GET /api/v1/ledger/proof; --content checks that the record's
        RFC 8785 content hashes to the logged sha256
  txng ledger monitor <base URL> [--vkey <log vkey>] [--state <file>] [--witness <vkey>]... [--quorum <k>]
        [--checkpoint <file>]...   rebuild the log from its tiles and check every checkpoint seen
  txng ledger key                  print this installation's log verifier key (for witnesses and verifiers)
Options: --lang vi|en (default vi), --json`;

interface Options {
  positional: string[];
  vkey?: string;
  witnesses: string[];
  quorum: number;
  content?: string;
  state?: string;
  checkpoints: string[];
  lang: Lang;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { positional: [], witnesses: [], quorum: 0, checkpoints: [], lang: 'vi', json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--vkey') o.vkey = value();
      else if (a === '--witness') o.witnesses.push(value());
      else if (a === '--quorum') o.quorum = Number(value());
      else if (a === '--content') o.content = value();
      else if (a === '--state') o.state = value();
      else if (a === '--checkpoint') o.checkpoints.push(value());
      else if (a === '--lang') o.lang = value() === 'en' ? 'en' : 'vi';
      else if (a === '--json') o.json = true;
      else if (a === '--help' || a === '-h') return '';
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else o.positional.push(a);
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (!Number.isInteger(o.quorum) || o.quorum < 0) return '--quorum must be a whole number';
  return o;
}

/** The tlog-proof text of a file holding either the proof or the JSON of /api/v1/ledger/proof. */
function proofText(file: string): string {
  if (!file.trimStart().startsWith('{')) return file;
  const json = JSON.parse(file) as { tlogProof?: unknown };
  if (typeof json.tlogProof !== 'string') throw new Error('the JSON has no tlogProof field');
  return json.tlogProof;
}

async function verifyProof(o: Options, io: CommandIo): Promise<number> {
  const [, file] = o.positional;
  if (!file || !o.vkey) return (io.stderr.write(`${USAGE}\n`), 2);
  const text = proofText(await readFile(file, 'utf8'));
  const parsed = parseTlogProof(text);
  if (!parsed.ok) return fail(io, formatError(parsed.error, o.lang));
  if (!parsed.value.extra) return fail(io, o.lang === 'vi' ? 'bằng chứng không kèm bản ghi (dòng extra)' : 'the proof carries no leaf (extra line)');
  const leaf = parsed.value.extra;
  const hasher = merkleHasher(nodeCrypto);
  const keys = [o.vkey, ...o.witnesses].map((k) => parseVerifierKey(nodeCrypto, k));
  for (const k of keys) if (!k.ok) return fail(io, formatError(k.error, o.lang));
  const [logKey, ...witnessKeys] = keys.map((k) => (k.ok ? k.value : undefined!));
  // tlog-proof §Verifying: step 1 is the caller's — the leaf hash of the entry it is shown (here, `extra`).
  const verified = verifyTlogProof(hasher, text, hasher.leafHash(leaf), {
    origin: logKey!.name,
    logKeys: [logKey!],
    witnessKeys,
    quorum: o.quorum,
  });
  if (!verified.ok) return fail(io, formatError(verified.error, o.lang));
  const entry = JSON.parse(new TextDecoder().decode(leaf)) as { kind: string; id: string; sha256: string };
  if (o.content !== undefined) {
    const actual = contentHash(JSON.parse(await readFile(o.content, 'utf8')));
    if (actual !== entry.sha256) {
      return fail(io, o.lang === 'vi' ? `nội dung bản ghi có SHA-256 ${actual}, khác với ${entry.sha256} đã ghi sổ` : `the record's content hashes to ${actual}, not the logged ${entry.sha256}`);
    }
  }
  const cp = verified.value.checkpoint;
  const result = {
    ok: true,
    kind: entry.kind,
    id: entry.id,
    sha256: entry.sha256,
    index: Number(verified.value.proof.index),
    treeSize: Number(cp.checkpoint.size),
    origin: cp.checkpoint.origin,
    cosigners: cp.cosignatures.map((s) => s.name),
  };
  io.stdout.write(o.json ? `${JSON.stringify(result)}\n` : `OK: ${entry.kind} ${entry.id} is entry ${result.index} of ${result.origin} (size ${result.treeSize}); cosigned by ${result.cosigners.join(', ') || 'no witness'}\n`);
  return 0;
}

function fail(io: CommandIo, message: string): number {
  io.stderr.write(`FAILED: ${message}\n`);
  return 1;
}

async function monitor(o: Options, io: CommandIo): Promise<number> {
  const [, baseUrl] = o.positional;
  if (!baseUrl) return (io.stderr.write(`${USAGE}\n`), 2);
  const server = baseUrl.replace(/\/+$/, '').replace(/\/ledger$/, '');
  const stateFile = o.state ?? 'ledger-monitor.json';
  const state = await readFile(stateFile, 'utf8').then((t) => JSON.parse(t) as MonitorState).catch(() => undefined);
  const leaves = await readFile(`${stateFile}.leaves`).then((b) => new Uint8Array(b)).catch(() => undefined);
  let vkey = o.vkey ?? state?.vkey;
  if (state && o.vkey && state.vkey !== o.vkey) return fail(io, `the state file pins another log key (${state.vkey})`);
  if (!vkey) {
    // Trust on first use, said out loud: compare it with the key the province publishes.
    const response = await fetch(`${server}/api/v1/ledger/key`);
    vkey = ((await response.json()) as { vkey: string }).vkey;
    io.stderr.write(`warning: no --vkey given; pinning the key the server announces: ${vkey}\n`);
  }
  const extra = await Promise.all(
    o.checkpoints.map(async (f) => {
      const text = await readFile(f, 'utf8');
      const proof = parseTlogProof(text.trimStart().startsWith('{') ? proofText(text) : text);
      return { source: f, note: proof.ok ? proof.value.checkpoint : text };
    }),
  );
  const report = await monitorLog({
    logUrl: `${server}/ledger`,
    vkey,
    witnessKeys: o.witnesses,
    quorum: o.quorum,
    ...(state ? { state } : {}),
    ...(leaves ? { knownLeaves: leaves } : {}),
    extraCheckpoints: extra,
  });
  await writeFile(stateFile, `${JSON.stringify(report.state, null, 2)}\n`);
  await writeFile(`${stateFile}.leaves`, report.leaves);
  const lines = report.findings.map((f) => `${f.code}: ${translate(f.code, o.lang, f.params)}`);
  if (o.json) io.stdout.write(`${JSON.stringify({ ok: lines.length === 0, size: Number(report.size), findings: report.findings })}\n`);
  else if (lines.length === 0) io.stdout.write(`OK: ${report.size} entries rebuilt; ${report.state.checkpoints.length} checkpoint(s) consistent\n`);
  else io.stdout.write(`${lines.join('\n')}\n`);
  return lines.length === 0 ? 0 : 1;
}

export const command: Command = {
  summary: 'Transparency ledger tools: verify-proof (offline), monitor (rebuild and check the log), key',
  async run(args, io) {
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr.write(o ? `txng ledger: ${o}\n${USAGE}\n` : `${USAGE}\n`);
      return o ? 2 : 0;
    }
    switch (o.positional[0]) {
      case 'verify-proof':
        return verifyProof(o, io);
      case 'monitor':
        return monitor(o, io);
      case 'key': {
        const key = await loadLogKey(loadConfig(io.env));
        io.stdout.write(`${key.vkey}\n`);
        return 0;
      }
      default:
        io.stderr.write(`${USAGE}\n`);
        return 2;
    }
  },
};

