// ledger: the transparency ledger (issue 9). Other modules put records into it with `recordInLedger` from
// platform/ledger/ledger-entry.ts inside their own transactions; they read proofs through `Ledger.service`.
import { fileURLToPath } from 'node:url';

export const ledgerModule = { name: 'ledger', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export { createLedger, type Ledger, type LedgerDeps } from './runtime.ts';
export { ledgerRoutes } from './routes.ts';
export type { LedgerService, LedgerKeys, RecordProof } from './service.ts';
export type { StoredCheckpoint } from './checkpoints.ts';
export { noAnchor, type AnchoredCheckpoint, type CheckpointAnchor } from './anchor.ts';
export { originFor, type LogKey } from './log-key.ts';
export { LedgerErrors } from './messages.ts';
export * as ledgerTables from './tables.ts';
export { loadLogKey } from './log-key.ts';
export { monitorLog, type Finding, type MonitorReport, type MonitorState } from './monitor.ts';
export { loadOrCreateWitnessKey, Witness, type WitnessKey, type WitnessReply } from './witness.ts';
export { serveWitness, type RunningWitness } from './witness-http.ts';
