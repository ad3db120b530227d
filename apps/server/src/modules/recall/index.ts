// recall: recall campaigns (open, scope, notify, mark every scan, follow holders, close with a report) on top of
// the trace graph. Other modules import only this file. The stamps module's RecallStatusSource is `status`
// (recallOf); `recallStatusOf(identifier)` answers for any code.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { EventsService } from '../epcis/index.ts';
import type { NotificationService } from '../identity/index.ts';
import type { Trace } from '../trace/index.ts';
import { createHolderActions } from './holder-actions.ts';
import { createRecallService } from './recall-service.ts';
import type { RecallStatus } from './recall-status.ts';
import { recallRoutes as routes } from './routes.ts';

export const recallModule = { name: 'recall', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;

export { createRecallStatus, type RecallStatus, type RecallMark, type RecallNotice, type RecallStatusQuery } from './recall-status.ts';
export { RecallErrors } from './messages.ts';
export type { Campaign, HolderRecord, Severity } from './model.ts';

export interface RecallOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRecorder;
  readonly log: Logger;
  readonly trace: Trace;
  readonly events: Pick<EventsService, 'captureEvents'>;
  readonly notifications: Pick<NotificationService, 'notifyOrganizationAdmins' | 'notifyOfficialsInCharge'>;
  /** The marks every scan reads (create it first: the stamps module needs it before the recall service exists). */
  readonly status: RecallStatus;
  readonly publicBaseUrl: string;
  readonly publicRateLimit: number;
}

export function createRecall(o: RecallOptions) {
  const recalls = createRecallService({ db: o.db, clock: o.clock, audit: o.audit, log: o.log, trace: o.trace.service, directory: o.trace.directory, events: o.events, notifications: o.notifications, status: o.status });
  const actions = createHolderActions({ db: o.db, clock: o.clock, audit: o.audit, recalls });
  return { recalls, actions, status: o.status, options: o };
}

export type Recall = ReturnType<typeof createRecall>;

export async function recallRoutes(app: FastifyInstance, recall: Recall): Promise<void> {
  const o = recall.options;
  await routes(app, { recalls: recall.recalls, actions: recall.actions, status: recall.status, db: o.db, publicBaseUrl: o.publicBaseUrl, publicRateLimit: o.publicRateLimit });
}
