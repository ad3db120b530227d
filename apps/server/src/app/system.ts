// The composition root: creates every service with its dependencies passed explicitly, registers routes and
// background workers, and owns start-up and shutdown. Nothing else constructs services.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { createHttpServer } from '../platform/http/server.ts';
import { JobRunner, type JobHandler } from '../platform/jobs/jobs.ts';
import { createMailHandler, MAIL_TOPIC } from '../platform/mail/mailer.ts';
import { OutboxWorker, type OutboxHandler } from '../platform/outbox/outbox.ts';
import { purgeExpiredRateLimits } from '../platform/http/rate-limit-store.ts';
import type { Secrets } from '../platform/security/secrets.ts';
import { watchBucket } from '../platform/object-storage/bucket-watch.ts';
import { s3ClientFor } from '../platform/object-storage/s3-for-config.ts';
import { catalogRoutes, createCatalog } from '../modules/catalog/index.ts';
import { createEpcis } from '../modules/epcis/index.ts';
import { createGeoService, geoRoutes } from '../modules/geo/index.ts';
import {
  authRoutes,
  createApiKeyService,
  createAuditRecorder,
  createAuditService,
  createAuthService,
  createNotificationService,
  createOrganizationService,
  createUserService,
  organizationRoutes,
  peopleRoutes,
  registerAuthentication,
} from '../modules/identity/index.ts';
import { createLedger, ledgerRoutes, type Ledger } from '../modules/ledger/index.ts';
import { createPublic, publicApiRoutes, publicRoutes, registerPublicScanPage } from '../modules/public/index.ts';
import { createTrace, traceRoutes } from '../modules/trace/index.ts';
import { createRecall, createRecallStatus, recallRoutes } from '../modules/recall/index.ts';
import { createStamps, stampsApiRoutes, stampsResolverRoutes, verificationCodeKey } from '../modules/stamps/index.ts';

export interface SystemOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Database;
  readonly secrets: Secrets;
  readonly clock: Clock;
  /** Folder of the built portal; served at /portal when it exists. */
  readonly portalDir?: string;
}

export function createServices(options: SystemOptions) {
  const { db, clock, config, secrets } = options;
  const audit = createAuditRecorder();
  const geo = createGeoService({ db, audit });
  const notifications = createNotificationService({ db });
  const auth = createAuthService({ db, clock, config, secrets, audit });
  const organizations = createOrganizationService({ db, clock, audit, geo, notifications });
  const users = createUserService({ db, clock, audit, geo, auth, organizations, notifications });
  const apiKeys = createApiKeyService({ db, clock, audit, organizations });
  const auditLog = createAuditService({ db });
  const epcis = createEpcis({
    db, clock, audit, secrets, log: options.log.child({ module: 'epcis' }), allowPrivateWebhooks: config.nodeEnv !== 'production',
    organizations: {
      get: async (id) => {
        const o = await organizations.findById(id);
        return o && { organizationId: o.id, communeId: o.communeId, sectors: o.sectors, gs1CompanyPrefix: o.gs1CompanyPrefix, gln: o.gln };
      },
    },
  });
  const catalog = createCatalog({ db, clock, audit, organizations, communes: geo, config, events: epcis.events });
  // Every scan asks whether the goods are recalled: the recall module's marks, created before the stamps.
  const recallStatus = createRecallStatus({ db, clock, log: options.log.child({ module: 'recall' }), publicBaseUrl: config.publicBaseUrl });
  const stamps = createStamps({
    db, clock, audit, catalog, organizations, communes: geo, log: options.log.child({ module: 'stamps' }), publicBaseUrl: config.publicBaseUrl,
    codeKey: verificationCodeKey(secrets.pseudonym), recall: recallStatus, dataDir: config.dataDir,
  });
  const trace = createTrace({ db, audit, clock, publicBaseUrl: config.publicBaseUrl });
  const recall = createRecall({
    db, clock, audit, log: options.log.child({ module: 'recall' }), trace, events: epcis.events, notifications, status: recallStatus,
    publicBaseUrl: config.publicBaseUrl, publicRateLimit: config.rateLimitPublicPerMinute,
  });
  return { audit, geo, notifications, auth, organizations, users, apiKeys, auditLog, catalog, epcis, stamps, trace, recall };
}

export type Services = ReturnType<typeof createServices>;

export interface System {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly outbox: OutboxWorker;
  readonly jobs: JobRunner;
  readonly ledger: Ledger;
  startWorkers(): void;
  stop(): Promise<void>;
}

export const DEFAULT_PORTAL_DIR = fileURLToPath(new URL('../../../portal/dist/', import.meta.url));

export async function createSystem(options: SystemOptions): Promise<System> {
  const { config, log, db, secrets, clock } = options;
  const services = createServices(options);
  const ledger = await createLedger({ db, config, clock, log: log.child({ module: 'ledger' }) });
  let ready = true;
  // Files or ledger tiles in a bucket: its state is checked from the start and shown in /readyz.
  const bucket = config.s3 ? watchBucket(s3ClientFor(config.s3), log.child({ component: 'object-storage' })) : undefined;
  const app = await createHttpServer({
    config, log, db, secrets, isReady: () => ready,
    componentStates: () => ({ ledger: ledger.halted ? 'halted' : ledger.leading ? 'sequencing' : 'standby', ...(bucket ? { objectStorage: bucket.state } : {}) }),
  });
  const secureCookies = !config.insecureCookies;
  registerAuthentication(app, { auth: services.auth, secureCookies });
  const pub = createPublic({
    db, clock, log: log.child({ module: 'public' }), audit: services.audit, catalog: services.catalog, organizations: services.organizations, geo: services.geo,
    notifications: services.notifications, stamps: services.stamps, ledger: ledger.service, formSecret: secrets.pseudonym, baseUrl: config.publicBaseUrl,
    publicRateLimit: config.rateLimitPublicPerMinute,
  });

  await app.register(
    async (api) => {
      await geoRoutes(api, { geo: services.geo });
      await authRoutes(api, { auth: services.auth, users: services.users, organizations: services.organizations, secureCookies, authRateLimit: config.rateLimitAuthPerMinute });
      await organizationRoutes(api, {
        organizations: services.organizations,
        users: services.users,
        apiKeys: services.apiKeys,
        authRateLimit: config.rateLimitAuthPerMinute,
        now: () => clock.now(),
      });
      await peopleRoutes(api, { users: services.users, audit: services.auditLog, notifications: services.notifications });
      await catalogRoutes(api, services.catalog);
      await stampsApiRoutes(api, services.stamps, config.rateLimitPublicPerMinute);
      await publicApiRoutes(api, pub);
      await traceRoutes(api, services.trace);
      await recallRoutes(api, services.recall);
    },
    { prefix: '/api/v1' },
  );
  await ledgerRoutes(app, { ledger: ledger.service, publicRateLimit: config.rateLimitPublicPerMinute });
  // The EPCIS 2.0 REST binding lives under its own base path, as GS1's OpenAPI describes it.
  await app.register((api) => services.epcis.routes(api), { prefix: '/epcis' });
  // The public module renders the resolver's pages (and warms its caches ahead of it), so it goes first.
  registerPublicScanPage(app, pub);
  // The GS1 Digital Link resolver answers at the public root (/01/…, /s/…, /.well-known/gs1resolver).
  await stampsResolverRoutes(app, services.stamps, { publicRateLimit: config.rateLimitPublicPerMinute, publicBaseUrl: config.publicBaseUrl });
  // Scans are written by every process that serves them, workers or not.
  await services.stamps.start();

  const portalDir = options.portalDir ?? DEFAULT_PORTAL_DIR;
  if (existsSync(`${portalDir}/index.html`)) {
    await app.register(fastifyStatic, { root: portalDir, prefix: '/portal/', wildcard: false, index: ['index.html'], decorateReply: true });
    // Client-side routes of the single-page portal all load its index.html.
    app.get('/portal/*', { config: { public: true }, schema: { hide: true } }, (_request, reply) => reply.type('text/html').sendFile('index.html', portalDir));
  } else {
    app.get('/portal*', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The portal is not built yet. Run `npm run build` (npm start does it for you).\n'),
    );
  }
  // The public home, catalogue, passports, proof and report pages (the home links to the portal).
  await publicRoutes(app, pub);

  const outboxHandlers = new Map<string, OutboxHandler>([
    [MAIL_TOPIC, createMailHandler({ smtpUrl: config.smtpUrl, from: config.mailFrom, log })],
    ...services.epcis.outboxHandlers,
  ]);
  const jobHandlers = new Map<string, JobHandler>([...services.catalog.jobHandlers, ...services.stamps.jobs]);
  const outbox = new OutboxWorker({ db, log: log.child({ worker: 'outbox' }), handlers: outboxHandlers });
  const jobs = new JobRunner({ db, log: log.child({ worker: 'jobs' }), handlers: jobHandlers });
  let housekeeping: NodeJS.Timeout | undefined;

  return {
    app,
    services,
    outbox,
    jobs,
    ledger,
    startWorkers() {
      outbox.start();
      jobs.start();
      ledger.start();
      services.epcis.startWorkers();
      housekeeping = setInterval(() => {
        purgeExpiredRateLimits(db).catch((err) => log.warn({ err }, 'rate-limit purge failed'));
      }, 60_000);
      housekeeping.unref();
    },
    async stop() {
      ready = false;
      if (housekeeping) clearInterval(housekeeping);
      bucket?.stop();
      await app.close();
      await services.stamps.stop();
      await Promise.all([outbox.stop(), jobs.stop(), ledger.stop(), services.epcis.stop()]);
    },
  };
}
