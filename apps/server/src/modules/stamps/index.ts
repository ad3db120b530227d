// stamps: requests and approval, issuance, printing, lifecycle, scans, verification codes and the GS1 Digital
// Link resolver. Other modules import only this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { StampsDeps } from './deps.ts';
import { issuanceJob, ISSUE_JOB } from './issuance-job.ts';
import { createLifecycleService } from './lifecycle-service.ts';
import { createPrintService } from './print-service.ts';
import { publicApiRoutes } from './public-api-routes.ts';
import { requestRoutes } from './request-routes.ts';
import { createRequestService } from './requests-service.ts';
import { defaultScanPage } from './resolver/default-scan-page.ts';
import { FactsCache } from './resolver/facts-cache.ts';
import { PublicRateLimiter } from './resolver/public-rate-limit.ts';
import { createResolveService } from './resolver/resolve-service.ts';
import { createResolveStore } from './resolver/resolve-store.ts';
import { resolverRoutes } from './resolver/resolver-routes.ts';
import type { ScanPageRenderer } from './resolver/types.ts';
import { createScanInsights, type ScanInsights } from './scans/scan-insights.ts';
import { ScanRecorder } from './scans/scan-recorder.ts';
import { stampRoutes } from './stamp-routes.ts';
import { createStampQueryService } from './stamps-query-service.ts';
import { createVerifyService } from './verify-service.ts';

export const stampsModule = { name: 'stamps', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;

export type { StampsDeps } from './deps.ts';
export { ISSUE_JOB } from './issuance-job.ts';
export { NO_RECALLS, type RecallNotice, type RecallQuery, type RecallStatusSource } from './recall-source.ts';
export type { PublicStatus, RenderContext, ResolveOutcome, ResolvedStamp, ResolvedTarget, ResolverProblem, ScanPageRenderer, ScanStats, VerifyOutcome } from './resolver/types.ts';
export type { PublicLot, PublicOrganization, PublicPlace, PublicProduct } from './public-facts.ts';
export type { Linkset, LinkTarget } from './resolver/linkset.ts';
export type { ScanStatistics } from './scans/scan-insights.ts';
export { defaultScanPage } from './resolver/default-scan-page.ts';
export { verificationCodeKey } from './serials.ts';
export { StampErrors } from './messages.ts';
export { verifyStampInclusion } from './merkle.ts';
export * as stampsTables from './tables.ts';
/** A PostgreSQL array literal in one parameter (the public module batches reads over serials with it). */
export { pgArray } from './sql-arrays.ts';

export interface CreateStampsOptions extends Omit<StampsDeps, 'dataDir'> {
  readonly dataDir: string;
  /** How long a scan waits for the stamp's read before answering from the cache (default 1000 ms). */
  readonly dbTimeoutMs?: number;
  /** Scan buffer flush interval (default 500 ms). */
  readonly scanFlushMs?: number;
}

export function createStamps(options: CreateStampsOptions) {
  const deps: StampsDeps = options;
  const store = createResolveStore(deps.db);
  const facts = new FactsCache({ catalog: deps.catalog, organizations: deps.organizations, communes: deps.communes }, deps.clock);
  const insights: ScanInsights = createScanInsights(deps, store, facts);
  const recorder = new ScanRecorder({
    db: deps.db,
    clock: deps.clock,
    log: deps.log.child({ worker: 'scans' }),
    spoolDir: path.join(deps.dataDir, 'scan-spool'),
    ...(options.scanFlushMs ? { flushMs: options.scanFlushMs } : {}),
    afterWrite: (serials) => insights.onWritten(serials),
    afterPlaces: (scans) => insights.onPlaces(scans),
  });
  const resolver = createResolveService({ deps, store, facts, recorder, dbTimeoutMs: options.dbTimeoutMs ?? 1000 });
  const verify = createVerifyService(deps);
  const limiter = new PublicRateLimiter(deps.db, deps.clock, deps.log.child({ worker: 'resolver-rate' }));
  const query = createStampQueryService(deps);
  let renderer: ScanPageRenderer = defaultScanPage;

  return {
    deps,
    requests: createRequestService(deps),
    lifecycle: createLifecycleService(deps),
    query,
    print: createPrintService(deps),
    verify,
    resolver,
    insights,
    recorder,
    limiter,
    facts,
    jobs: new Map([[ISSUE_JOB, issuanceJob(deps)]]),

    // --- The seam the public scan page uses (issue 8) ---
    /** What a URI or path stands for; records a scan when `record` is given (see ResolveOptions). */
    resolve: resolver.resolve,
    /** Check a scratch-off code (`clientHash`: request.clientHash). */
    verifyCode: verify.verify,
    /** Scan statistics and flags of a stamp, for owners and officials (scope-checked). */
    scanStatistics: insights.statistics,
    /** Ledger records and inclusion proofs of a stamp (public). */
    proof: query.proof,
    /** Replace the page browsers get from the resolver (the public module's scan page). */
    setRenderer(next: ScanPageRenderer): void {
      renderer = next;
    },
    renderer: () => renderer,

    /** Recovers spooled scans of stopped processes, then starts writing scans and syncing rate counters. */
    async start(): Promise<void> {
      await recorder.start();
      limiter.start();
    },
    /** Writes buffered scans (what cannot be written stays spooled for the next start). */
    async stop(): Promise<void> {
      await limiter.stop();
      await recorder.stop();
    },
  };
}

export type Stamps = ReturnType<typeof createStamps>;

export async function stampsApiRoutes(app: FastifyInstance, stamps: Stamps, publicRateLimit: number): Promise<void> {
  await requestRoutes(app, { requests: stamps.requests, print: stamps.print, query: stamps.query });
  await stampRoutes(app, { query: stamps.query, lifecycle: stamps.lifecycle, insights: stamps.insights, publicRateLimit });
  await publicApiRoutes(app, { verify: stamps.verify, resolver: stamps.resolver, recorder: stamps.recorder, perMinute: publicRateLimit });
}

/** The resolver at the public root (/01/…, /s/…, /.well-known/gs1resolver). */
export async function stampsResolverRoutes(app: FastifyInstance, stamps: Stamps, options: { publicRateLimit: number; publicBaseUrl: string }): Promise<void> {
  await resolverRoutes(app, { resolver: stamps.resolver, verify: stamps.verify, limiter: stamps.limiter, perMinute: options.publicRateLimit, publicBaseUrl: options.publicBaseUrl, renderer: stamps.renderer });
}
