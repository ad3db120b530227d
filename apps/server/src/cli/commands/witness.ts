// `txng witness`: a c2sp.org/tlog-witness server (POST /add-checkpoint, GET /<origin hash>/checkpoint) with its
// own Ed25519 key and state in one folder. Departments that vouch for the ledger run it on their own machines
// and give the log operator the verifier key it prints (TXNG_WITNESSES).
import { parseVerifierKey, SIGNATURE_TYPE_ED25519, type NoteVerifier } from '@txng/tlog';
import { nodeCrypto } from '@txng/tlog/node';
import { systemClock } from '../../platform/clock.ts';
import { lockDataDir } from '../../platform/db/data-dir-lock.ts';
import { loadOrCreateWitnessKey, serveWitness, Witness } from '../../modules/ledger/index.ts';
import type { Command } from '../command.ts';

const USAGE = `Usage:
  txng witness --dir <folder> [--name <key name>] --log <log vkey> [--log <vkey>]... [--listen <host:port>]
        run the witness; the first run creates <folder>/witness-key for --name (e.g. witness.snnmt.sonla.gov.vn)
  txng witness key --dir <folder> [--name <key name>]
        create the key if needed and print the witness's cosignature verifier key
The log's verifier key is printed by \`txng ledger key\` and served at /api/v1/ledger/key.`;

interface Options {
  dir?: string;
  name?: string;
  logs: string[];
  listen: string;
  keyOnly: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { logs: [], listen: '127.0.0.1:7380', keyOnly: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = args[i + 1];
    if (['--dir', '--name', '--log', '--listen'].includes(a)) {
      if (value === undefined) return `${a} needs a value`;
      i++;
      if (a === '--dir') o.dir = value;
      else if (a === '--name') o.name = value;
      else if (a === '--log') o.logs.push(value);
      else o.listen = value;
    } else if (a === 'key') o.keyOnly = true;
    else if (a === '--help' || a === '-h') return '';
    else return `unknown argument ${a}`;
  }
  if (!o.dir) return '--dir is required';
  return o;
}

export const command: Command = {
  summary: 'Run a tlog-witness that cosigns the ledger\'s checkpoints (c2sp.org/tlog-witness)',
  async run(args, io) {
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr.write(o ? `txng witness: ${o}\n${USAGE}\n` : `${USAGE}\n`);
      return o ? 2 : 0;
    }
    const key = await loadOrCreateWitnessKey(o.dir!, o.name).catch((err: Error) => err);
    if (key instanceof Error) return (io.stderr.write(`txng witness: ${key.message}\n`), 1);
    if (o.keyOnly) return (io.stdout.write(`${key.vkey}\n`), 0);
    const logs: NoteVerifier[] = [];
    for (const vkey of o.logs) {
      const parsed = parseVerifierKey(nodeCrypto, vkey);
      // tlog-checkpoint: logs sign with Ed25519 (type 0x01).
      if (!parsed.ok || parsed.value.type !== SIGNATURE_TYPE_ED25519) return (io.stderr.write(`txng witness: not an Ed25519 log verifier key: ${vkey}\n`), 2);
      logs.push(parsed.value);
    }
    if (logs.length === 0) return (io.stderr.write(`txng witness: give at least one --log\n${USAGE}\n`), 2);
    const match = /^(.*):(\d+)$/.exec(o.listen);
    if (!match) return (io.stderr.write(`txng witness: --listen takes host:port\n`), 2);
    // One process per witness folder: two would race on the state file (the spec's rollback race).
    const unlock = lockDataDir(o.dir!);
    const witness = await Witness.open({
      key,
      logs,
      dir: o.dir!,
      clock: systemClock,
      onRefusal: (origin, status, reason) => io.stderr.write(`refused a validly signed checkpoint of ${origin}: ${status} ${reason}\n`),
    });
    const running = await serveWitness(witness, { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) });
    io.stdout.write(`witness ${key.name} listening on ${running.url}\nverifier key: ${key.vkey}\n`);
    return new Promise<number>((resolve) => {
      const stop = () => {
        void running.close().then(() => {
          unlock();
          resolve(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
