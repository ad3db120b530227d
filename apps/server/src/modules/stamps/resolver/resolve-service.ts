// resolve(uri | path): what a scanned code stands for — a stamp, a lot or a product — with its status, the
// facts a consumer sees and the scan statistics. The public scan page (and this module's resolver routes) call
// it; it never throws for input: malformed links answer 400 with GS1's reason, unknown ones 404.
//
// Cost of a stamp scan: one indexed read (resolve-store.ts, batched with concurrent scans) and cached facts
// (facts-cache.ts); a printed path is parsed once per request prefix (stamp-uri.ts createStampAddressReader);
// the scan is appended to the spool (grouped per turn of the event loop) before resolve() returns; the linkset
// is built only when someone reads it. When the read does not answer within `dbTimeoutMs`, the scan is still
// recorded and the page shows cached product facts with the status "unconfirmed": a slow database degrades a
// scan, it never fails it.
import { lotEpcClass } from '../../catalog/index.ts';
import type { StampsDeps } from '../deps.ts';
import type { StampFlag } from '../model.ts';
import type { RecallNotice } from '../recall-source.ts';
import { humanSerial } from '../serials.ts';
import { createStampAddressReader, type StampAddress } from '../stamp-uri.ts';
import type { ScanRecorder, ScanInput } from '../scans/scan-recorder.ts';
import type { FactsCache, LotFacts, ProductFacts } from './facts-cache.ts';
import { buildLinkset, type Linkset } from './linkset.ts';
import type { ResolveStore, StampRecord } from './resolve-store.ts';
import type { PublicStatus, ResolveOutcome, ResolvedTarget, ResolverProblem } from './types.ts';

export interface ResolveOptions {
  /** Record this resolution as a scan (serialised stamps only). */
  readonly record?: Omit<ScanInput, 'serial'>;
}

export interface ResolveServiceDeps {
  readonly deps: StampsDeps;
  readonly store: ResolveStore;
  readonly facts: FactsCache;
  readonly recorder: ScanRecorder;
  readonly dbTimeoutMs: number;
}

class Timeout extends Error {}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)))]).finally(() => clearTimeout(timer));
}

function statusOf(rec: Pick<StampRecord, 'status'> | null, flags: readonly StampFlag[], recall: RecallNotice | null): PublicStatus {
  if (!rec) return recall ? 'recalled' : 'unserialised';
  if (rec.status === 'recalled' || recall) return 'recalled';
  if (rec.status === 'void' || rec.status === 'lost') return rec.status;
  if (rec.status !== 'active') return 'inactive';
  return flags.length ? 'suspicious' : 'genuine';
}

const problem = (status: ResolverProblem['status'], code: string, input: string, params: Record<string, unknown> = {}, extra: Partial<ResolverProblem> = {}): ResolveOutcome => ({
  ok: false,
  problem: { status, code, params, input, ...extra },
});

export function createResolveService(r: ResolveServiceDeps) {
  const { deps, store, facts, recorder } = r;
  // Last stamp records read, for the degraded path only (a stale status is never shown as current).
  const lastKnown = new Map<string, StampRecord>();
  const remember = (rec: StampRecord) => {
    lastKnown.delete(rec.serial);
    lastKnown.set(rec.serial, rec);
    if (lastKnown.size > 50_000) lastKnown.delete(lastKnown.keys().next().value!);
  };

  async function recallOf(productId: string, lotId: string | null, gtin: string | null, serial: string | null = null): Promise<RecallNotice | null> {
    try {
      return await within(deps.recall.recallOf({ productId, lotId, gtin, serial }), r.dbTimeoutMs);
    } catch {
      return null;
    }
  }

  function target(path: string, input: { kind: ResolvedTarget['kind']; rec: StampRecord | null; serial: string | null; product: ProductFacts; lot: LotFacts | null; recall: RecallNotice | null; degraded: boolean; scanId: string | null; link: ResolvedTarget['digitalLink'] }): ResolvedTarget {
    const { rec, product, lot } = input;
    const flags = rec?.flags ?? [];
    const pending = input.serial ? recorder.pendingFor(input.serial) : { count: 0, first: null };
    let linkset: Linkset | undefined;
    return {
      kind: input.kind,
      path,
      digitalLink: input.link,
      stamp: input.serial
        ? {
            serial: input.serial,
            humanCode: humanSerial(input.serial),
            seq: rec?.seq ?? 0,
            lifecycle: input.degraded ? null : (rec?.status ?? null),
            kind: rec?.kind ?? null,
            hasCode: rec?.hasCode ?? false,
            codeVerifiedAt: rec?.codeVerifiedAt ?? null,
            activatedAt: rec?.activatedAt ?? null,
            printedUri: rec?.uriPrefix ? `${rec.uriPrefix}${input.serial}` : null,
          }
        : null,
      product: product.product,
      organization: product.organization,
      productOrigin: product.originPlace,
      lot: lot?.lot ?? null,
      lotOrigin: lot?.originPlace ?? null,
      status: { code: input.degraded ? 'unconfirmed' : statusOf(rec, flags, input.recall), flags, recall: input.recall },
      scanStats: input.serial
        ? {
            count: (rec?.scanCount ?? 0) + pending.count,
            firstScannedAt: rec?.firstScannedAt ?? pending.first,
            lastScannedAt: pending.count ? deps.clock.now() : (rec?.lastScannedAt ?? null),
          }
        : null,
      scanId: input.scanId,
      degraded: input.degraded,
      // Built when read (linkset answers, redirects, a renderer that shows links), not for every page.
      get linkset(): Linkset {
        if (!linkset) {
          const epcClass = lot && product.product.gtin ? lotEpcClass(product.product.gtin, lot.lot.lotCode, lot.lot.id, deps.publicBaseUrl) : null;
          linkset = buildLinkset({ baseUrl: deps.publicBaseUrl, path, product: product.product, organization: product.organization, serial: input.serial, epcClass });
        }
        return linkset;
      },
    };
  }

  async function resolveSerial(path: string, serial: string, address: Extract<StampAddress, { kind: 'digital-link' | 'short' }>, options: ResolveOptions, input: string): Promise<ResolveOutcome> {
    const link = address.kind === 'digital-link' ? address.link : null;
    let rec: StampRecord | undefined;
    let degraded = false;
    try {
      rec = await within(store.bySerial(serial), r.dbTimeoutMs);
      if (rec) remember(rec);
    } catch (err) {
      if (!(err instanceof Timeout)) deps.log.warn({ err }, 'stamp lookup failed; answering from the cache');
      degraded = true;
      rec = lastKnown.get(serial);
    }
    if (!degraded && !rec) return problem(404, 'RESOLVER_STAMP_UNKNOWN', input, { serial });
    if (rec && address.kind === 'digital-link') {
      // The code must belong to the product (and lot) the link names: a serial copied under another GTIN is unknown.
      if (rec.gtin !== address.gtin || (address.lotCode !== null && address.lotCode !== rec.lotCode)) return problem(404, 'RESOLVER_STAMP_UNKNOWN', input, { serial });
    }
    let product: ProductFacts | undefined;
    let lot: LotFacts | undefined;
    if (rec && !degraded) {
      [product, lot] = await Promise.all([
        facts.product(rec.productId, { productVersion: rec.productVersion, orgUpdatedAtMs: rec.orgUpdatedAtMs }),
        rec.lotId ? facts.lot(rec.lotId, rec.lotVersion) : Promise.resolve(undefined),
      ]);
    } else if (rec) {
      product = facts.staleProduct(rec.productId);
      lot = rec.lotId ? facts.staleLot(rec.lotId) : undefined;
    } else if (address.kind === 'digital-link' && address.gtin) {
      product = await productByGtin(address.gtin, true);
    }
    if (!product) return degraded ? problem(503, 'RESOLVER_UNAVAILABLE', input) : problem(404, 'RESOLVER_STAMP_UNKNOWN', input, { serial });
    const scanId = options.record ? recorder.record({ ...options.record, serial }) : null;
    const [recall] = await Promise.all([
      degraded || !rec ? null : recallOf(rec.productId, rec.lotId, rec.gtin, serial),
      // The scan is in the spool before anyone is answered (scan-spool.ts); a spool that cannot be written
      // (disk full) leaves the scan in the buffer, still written to the database by the next flush.
      scanId ? recorder.spooled().catch((err) => deps.log.error({ err }, 'scan spool not written; the scan waits in memory only')) : null,
    ]);
    return { ok: true, target: target(path, { kind: 'stamp', rec: rec ?? null, serial, product, lot: lot ?? null, recall, degraded, scanId, link }) };
  }

  const gtinProducts = new Map<string, { productId: string | null; at: number }>();
  async function productByGtin(gtin: string, staleOnly = false): Promise<ProductFacts | undefined> {
    const known = gtinProducts.get(gtin);
    if (staleOnly) return known?.productId ? facts.staleProduct(known.productId) : undefined;
    if (!known || deps.clock.now().getTime() - known.at > 30_000) {
      const found = await store.productsByGtin(gtin);
      gtinProducts.set(gtin, { productId: found[0]?.id ?? null, at: deps.clock.now().getTime() });
      if (gtinProducts.size > 20_000) gtinProducts.delete(gtinProducts.keys().next().value!);
    }
    const id = gtinProducts.get(gtin)?.productId;
    return id ? facts.product(id) : undefined;
  }

  const readStampAddress = createStampAddressReader();

  async function resolve(input: string, options: ResolveOptions = {}): Promise<ResolveOutcome> {
    const address = readStampAddress(input);
    if (address.kind === 'invalid') return problem(400, address.error.code, input, { position: address.error.position ?? null }, { gs1: address.error });
    if (address.kind === 'short') return resolveSerial(`/s/${address.serial}`, address.serial, address, options, input);
    const link = address.link;
    const path = link.uri.slice(link.stem.length).split(/[?#]/)[0]!;
    if (!address.servable || !address.gtin) return problem(404, 'RESOLVER_KEY_NOT_SERVED', input, { ai: link.primaryKey.ai, value: link.primaryKey.value });
    if (address.serial) return resolveSerial(path, address.serial, address, options, input);
    const product = await productByGtin(address.gtin).catch(() => productByGtin(address.gtin!, true));
    if (!product) return problem(404, 'RESOLVER_GTIN_UNKNOWN', input, { gtin: address.gtin });
    let lot: LotFacts | undefined;
    if (address.lotCode) {
      const found = await deps.catalog.lots.findByGtinAndLot(address.gtin, address.lotCode).catch(() => undefined);
      if (!found || found.product.id !== product.product.id) return problem(404, 'RESOLVER_LOT_UNKNOWN', input, { gtin: address.gtin, lotCode: address.lotCode });
      lot = await facts.lot(found.lot.id, found.lot.version);
    }
    const recall = await recallOf(product.product.id, lot?.lot.id ?? null, address.gtin);
    return { ok: true, target: target(path, { kind: lot ? 'lot' : 'product', rec: null, serial: null, product, lot: lot ?? null, recall, degraded: false, scanId: null, link }) };
  }

  return { resolve, facts };
}

export type ResolveService = ReturnType<typeof createResolveService>;
