// epcis: the EPCIS 2.0 event repository (capture, storage, query, subscriptions). Other modules import only this file.
import { fileURLToPath } from 'node:url';

export const epcisModule = { name: 'epcis', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export { createEpcis, type Epcis, type EpcisDeps } from './module.ts';
export type { OrganizationDirectory, OrganizationFacts } from './access/organization-directory.ts';
export type { CaptureLimits } from './capture/capture-service.ts';
// Service API (see README.md): capture inside a caller's transaction, typed queries, get by id.
export type { EventsService, CapturedEventResult, CaptureInTransactionOptions } from './events-service.ts';
export type { QueryPage, StoredEvent } from './query/event-query.ts';
// Read helpers over the index tables for trace and recall (no access rule applied: callers decide).
export {
  eventsByIdentity, eventsByClass, eventsByLot, eventsByParent, eventsByInput, eventsByOutput, eventsByTransformationId, eventsByIds, correctionsOf,
  type EventRecord, type ReadPage, type EpcRole, type QuantityRole,
} from './store/event-reads.ts';
export { EpcisErrors } from './messages.ts';
export { WEBHOOK_TOPIC } from './subscriptions/stream-matcher.ts';
export { verifySignature, signBody } from './subscriptions/signature.ts';
export * as epcisTables from './tables.ts';
