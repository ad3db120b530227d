// Builds the epcis capability from its dependencies (the composition root passes them): services, the REST
// binding's routes, the outbox handler for webhooks, and the background work (scheduled subscriptions, the
// sweeper of capture jobs whose process died).
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { OutboxHandler } from '../../platform/outbox/outbox.ts';
import type { Secrets } from '../../platform/security/secrets.ts';
import { cachedDirectory, type OrganizationDirectory } from './access/organization-directory.ts';
import { createCaptureService, type CaptureLimits } from './capture/capture-service.ts';
import { createEventsService } from './events-service.ts';
import { captureRoutes } from './http/capture-routes.ts';
import type { PrefixLengths } from './http/epc-format.ts';
import { eventRoutes } from './http/event-routes.ts';
import { queryRoutes } from './http/query-routes.ts';
import { createNamedQueryService } from './query/named-queries.ts';
import { createQueryService } from './query/query-service.ts';
import { createScheduledRunner } from './subscriptions/scheduled-runner.ts';
import { streamListener, WEBHOOK_TOPIC } from './subscriptions/stream-matcher.ts';
import { createSubscriptionService } from './subscriptions/subscription-service.ts';
import { webhookHandler } from './subscriptions/webhook-delivery.ts';

export interface EpcisDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRecorder;
  readonly log: Logger;
  readonly secrets: Secrets;
  /** Organisations' placement and GS1 identities (identity's OrganizationService, wired by system.ts). */
  readonly organizations: OrganizationDirectory;
  readonly limits?: Partial<CaptureLimits>;
  /** Webhooks to loopback and private addresses (tests, demos); refused in production. */
  readonly allowPrivateWebhooks: boolean;
  readonly webhookTimeoutMs?: number;
}

export function createEpcis(deps: EpcisDeps) {
  const { db, clock, audit, log, secrets } = deps;
  const directory = cachedDirectory(deps.organizations);
  const onStored = streamListener(directory);
  const capture = createCaptureService({ db, clock, audit, log, directory, onStored, ...(deps.limits ? { limits: deps.limits } : {}) });
  const queries = createQueryService({ db, directory, audit });
  const namedQueries = createNamedQueryService({ db, audit });
  const subscriptions = createSubscriptionService({ db, clock, audit, secrets, namedQueries, allowPrivateWebhooks: deps.allowPrivateWebhooks });
  const scheduler = createScheduledRunner({ db, clock, directory, log });
  const events = createEventsService({ clock, audit, queries, onStored });
  // Digital Link → EPC URN needs the GS1 Company Prefix length, which only a key's structure or a known
  // prefix tells; the platform's own organisations' prefixes are the ones worth knowing.
  const prefixLengths: PrefixLengths = () => undefined;
  let sweeper: NodeJS.Timeout | undefined;

  return {
    capture,
    queries,
    namedQueries,
    subscriptions,
    scheduler,
    /** The service API for other modules (events-service.ts). */
    events,
    outboxHandlers: new Map<string, OutboxHandler>([[WEBHOOK_TOPIC, webhookHandler({ secrets, clock, prefixLengths, ...(deps.webhookTimeoutMs ? { timeoutMs: deps.webhookTimeoutMs } : {}) })]]),

    /** The REST binding, to be registered under /epcis. */
    async routes(app: FastifyInstance): Promise<void> {
      const routeDeps = { queries, clock, prefixLengths };
      // Capture has its own body parsers (JSON-LD and XML, streamed with the file-size limit).
      await app.register(async (scope) => captureRoutes(scope, { capture }));
      await eventRoutes(app, routeDeps);
      await queryRoutes(app, { ...routeDeps, namedQueries, subscriptions });
    },

    startWorkers(): void {
      scheduler.start();
      const sweep = () => capture.sweepInterrupted().catch((err) => log.warn({ err }, 'capture job sweep failed'));
      void sweep();
      sweeper = setInterval(sweep, 60_000);
      sweeper.unref();
    },

    async stop(): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      await scheduler.stop();
      await capture.drain();
    },
  };
}

export type Epcis = ReturnType<typeof createEpcis>;
