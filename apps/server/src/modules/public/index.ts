// public: what a consumer sees — the scan page (the stamps resolver's renderer), product and lot passports,
// the catalogue, producer and commune pages, the ledger proof page, the report form — and the officials' inbox
// of reports. Other modules import only this file.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Catalog } from '../catalog/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { Stamps } from '../stamps/index.ts';
import { createPublicFacts, type FactsSources } from './facts/public-facts.ts';
import { registerHtmlCompression } from './http/compress.ts';
import { pageRoutes } from './http/page-routes.ts';
import { createLedgerRecords } from './ledger/ledger-records.ts';
import { createStampRecords } from './ledger/stamp-records.ts';
import { FormTokens } from './reports/form-token.ts';
import { inboxRoutes } from './reports/inbox-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { createReportsService, type ReportsDeps } from './reports/reports-service.ts';
import { createScanPage } from './scan/scan-page.ts';
import { createScanWarmer } from './scan/scan-warmer.ts';
import { createSharedRefs, createTally } from './scan/shared-refs.ts';
import { createPublicSite } from './site.ts';
import { userAgentFamily } from './http/user-agent.ts';

// Schema `public_site`: `public` is PostgreSQL's default schema.
export const publicModule = { name: 'public_site', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export { PageTexts } from './texts/page-texts.ts';
export { SiteTexts } from './texts/site-texts.ts';
export { ReportTexts } from './reports/report-texts.ts';

export interface PublicDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly audit: AuditRecorder;
  readonly catalog: Catalog;
  readonly organizations: FactsSources['organizations'];
  readonly geo: FactsSources['geo'] & { listUnits(): Promise<{ id: number; name: string }[]> };
  readonly notifications: ReportsDeps['notifications'];
  readonly stamps: Stamps;
  readonly ledger: LedgerService;
  /** Key material for the report form's signed tokens (a secret of this installation). */
  readonly formSecret: Buffer;
  readonly baseUrl: string;
  readonly publicRateLimit: number;
}

export function createPublic(deps: PublicDeps) {
  const log = deps.log;
  const facts = createPublicFacts({ catalog: deps.catalog, organizations: deps.organizations, geo: deps.geo }, deps.clock, log);
  const ledger = createLedgerRecords({ ledger: deps.ledger, clock: deps.clock, log });
  const tokens = new FormTokens(deps.formSecret);
  const site = createPublicSite({ catalog: deps.catalog, geo: deps.geo, facts, ledger, stamps: deps.stamps, clock: deps.clock, log, baseUrl: deps.baseUrl, perMinute: deps.publicRateLimit });
  const reports = createReportsService({ db: deps.db, clock: deps.clock, audit: deps.audit, stamps: deps.stamps, facts, tokens, notifications: deps.notifications });
  const stampRecords = createStampRecords({ db: deps.db, clock: deps.clock, onError: (err) => log.warn({ err }, 'stamp ledger records could not be read') });
  // The renderer and the warm-up name the same ledger records: one cache of them.
  const sharedRefs = createSharedRefs();
  const tally = createTally(ledger);
  const scanPage = createScanPage({ facts, ledger, stampRecords, tokens, clock: deps.clock, sharedRefs, tally });
  const warm = createScanWarmer({ catalog: deps.catalog, facts, ledger, stampRecords, sharedRefs, tally });
  return { facts, ledger, stampRecords, tokens, site, reports, scanPage, warm, stamps: deps.stamps, now: () => deps.clock.now() };
}

export type Public = ReturnType<typeof createPublic>;

/**
 * Root-level wiring, called before the stamps resolver registers its routes: HTML compression for every page,
 * the scan page as the resolver's renderer, and cache warming ahead of the resolver's GET/POST on /01/… and /s/….
 */
export function registerPublicScanPage(app: FastifyInstance, pub: Public): void {
  registerHtmlCompression(app);
  pub.stamps.setRenderer(pub.scanPage);
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.url !== '/01/*' && request.routeOptions.url !== '/s/*') return;
    await pub.warm(request.url, pub.now().getTime()).catch((err) => request.log.warn({ err }, 'scan page warm-up failed'));
  });
}

/** The public pages at the root (/, /products, /lots/…, /producers/…, /communes/…, /proof, /report…). */
export async function publicRoutes(app: FastifyInstance, pub: Public): Promise<void> {
  await pageRoutes(app, pub.site);
  await reportRoutes(app, { reports: pub.reports, tokens: pub.tokens, site: pub.site, now: pub.now, userAgentFamily });
}

/** The officials' inbox under /api/v1. */
export async function publicApiRoutes(app: FastifyInstance, pub: Public): Promise<void> {
  await inboxRoutes(app, pub.reports);
}
