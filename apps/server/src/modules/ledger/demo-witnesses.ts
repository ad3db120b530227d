// Demo mode without TXNG_WITNESSES: two witnesses run inside the server process on loopback ports, each with
// its own key and state under TXNG_DATA_DIR/witnesses/, standing in for the provincial Department of Agriculture
// and Environment and the national traceability portal. Production runs `txng witness` on their own machines.
import path from 'node:path';
import type { Logger } from 'pino';
import type { NoteVerifier } from '@txng/tlog';
import type { WitnessConfig } from '../../config/config.ts';
import type { Clock } from '../../platform/clock.ts';
import { lockDataDir } from '../../platform/db/data-dir-lock.ts';
import { loadOrCreateWitnessKey, Witness } from './witness.ts';
import { serveWitness } from './witness-http.ts';

export const DEMO_WITNESSES = [
  { slug: 'so-nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường', keyName: 'witness.snnmt.sonla.demo' },
  { slug: 'cong-txng-quoc-gia', name: 'Cổng TXNG quốc gia', keyName: 'witness.txng-quoc-gia.demo' },
] as const;

export interface RunningDemoWitnesses {
  readonly witnesses: readonly WitnessConfig[];
  close(): Promise<void>;
}

export async function startDemoWitnesses(options: { dataDir: string; logKey: NoteVerifier; clock: Clock; log: Logger }): Promise<RunningDemoWitnesses> {
  const started: WitnessConfig[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  for (const demo of DEMO_WITNESSES) {
    const dir = path.join(options.dataDir, 'witnesses', demo.slug);
    let unlock: () => void;
    try {
      // Another server process on the same data folder already runs this witness.
      unlock = lockDataDir(dir);
    } catch (err) {
      options.log.warn({ err, witness: demo.name }, 'ledger: demo witness not started here');
      continue;
    }
    const key = await loadOrCreateWitnessKey(dir, demo.keyName);
    const witness = await Witness.open({
      key,
      logs: [options.logKey],
      dir,
      clock: options.clock,
      onRefusal: (origin, status, reason) => options.log.error({ witness: demo.name, origin, status, reason }, 'ledger: demo witness refused a checkpoint'),
    });
    const running = await serveWitness(witness, { host: '127.0.0.1', port: 0 });
    closers.push(() => running.close(), unlock);
    started.push({ name: demo.name, vkey: key.vkey, url: running.url });
  }
  return {
    witnesses: started,
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
