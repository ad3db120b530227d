// In-process cache of the public facts behind a scan (product, producer, origin place, lot), so the per-stamp
// part of a resolution is the one indexed read of the stamp (resolve-store.ts).
//
// Invalidation: that read also returns the current product version, lot version and organisation update time;
// an entry whose versions differ is reloaded at once, in every process, with no message bus. Facts with no
// version of their own in that read (the origin place, the commune name) are refreshed after `ttlMs`. When the
// database is slow or down, the last loaded facts are served as they are (`stale`).
import type { Clock } from '../../../platform/clock.ts';
import { loadLot, loadOrganization, loadPlace, loadProduct, type FactsSources, type PublicLot, type PublicOrganization, type PublicPlace, type PublicProduct } from '../public-facts.ts';

export interface ProductFacts {
  readonly product: PublicProduct;
  readonly organization: PublicOrganization;
  readonly originPlace: PublicPlace | null;
}

export interface LotFacts {
  readonly lot: PublicLot;
  readonly originPlace: PublicPlace | null;
}

/** The versions read with a stamp; null = unknown (the record vanished or was not joined). */
export interface ProductVersions {
  readonly productVersion: number | null;
  readonly orgUpdatedAtMs: number | null;
}

interface Entry<T> {
  value: T;
  loadedAt: number;
}

class Lru<T> {
  private readonly map = new Map<string, Entry<T>>();
  constructor(private readonly max: number) {}
  get(key: string): Entry<T> | undefined {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }
  set(key: string, value: T, loadedAt: number): void {
    this.map.delete(key);
    this.map.set(key, { value, loadedAt });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

export class FactsCache {
  private readonly products: Lru<ProductFacts>;
  private readonly lots: Lru<LotFacts>;
  private readonly loading = new Map<string, Promise<unknown>>();
  /** Loads counted, so tests and the benchmark can see the cache work. */
  loads = 0;

  constructor(
    private readonly src: FactsSources,
    private readonly clock: Clock,
    private readonly options: { ttlMs: number; maxEntries: number } = { ttlMs: 60_000, maxEntries: 20_000 },
  ) {
    this.products = new Lru(options.maxEntries);
    this.lots = new Lru(options.maxEntries);
  }

  /** Current facts of a product; a version read with the stamp that differs from the cached one reloads. */
  async product(productId: string, expect?: ProductVersions): Promise<ProductFacts | undefined> {
    const hit = this.products.get(productId);
    if (hit && this.fresh(hit) && matches(hit.value, expect)) return hit.value;
    return this.once(`p:${productId}`, async () => {
      const facts = await this.loadProductFacts(productId);
      if (facts) this.products.set(productId, facts, this.clock.now().getTime());
      else this.products.delete(productId);
      return facts;
    });
  }

  async lot(lotId: string, expectVersion?: number | null): Promise<LotFacts | undefined> {
    const hit = this.lots.get(lotId);
    if (hit && this.fresh(hit) && (expectVersion == null || hit.value.lot.version === expectVersion)) return hit.value;
    return this.once(`l:${lotId}`, async () => {
      this.loads++;
      const lot = await loadLot(this.src, lotId);
      if (!lot) {
        this.lots.delete(lotId);
        return undefined;
      }
      const facts = { lot, originPlace: lot.originPlaceId ? ((await loadPlace(this.src, lot.originPlaceId)) ?? null) : null };
      this.lots.set(lotId, facts, this.clock.now().getTime());
      return facts;
    });
  }

  /** The last facts loaded for a product, however old: what a scan shows while the database does not answer. */
  staleProduct(productId: string): ProductFacts | undefined {
    return this.products.get(productId)?.value;
  }

  staleLot(lotId: string): LotFacts | undefined {
    return this.lots.get(lotId)?.value;
  }

  invalidateProduct(productId: string): void {
    this.products.delete(productId);
  }

  clear(): void {
    this.products.clear();
    this.lots.clear();
  }

  private fresh(e: Entry<unknown>): boolean {
    return this.clock.now().getTime() - e.loadedAt < this.options.ttlMs;
  }

  private async loadProductFacts(productId: string): Promise<ProductFacts | undefined> {
    this.loads++;
    const product = await loadProduct(this.src, productId);
    if (!product) return undefined;
    const [organization, originPlace] = await Promise.all([loadOrganization(this.src, product.organizationId), product.originPlaceId ? loadPlace(this.src, product.originPlaceId) : undefined]);
    if (!organization) return undefined;
    return { product, organization, originPlace: originPlace ?? null };
  }

  /** One load per key at a time: a burst of scans of one new product reads it once. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key) as Promise<T> | undefined;
    if (running) return running;
    const p = load().finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }
}

function matches(f: ProductFacts, expect: ProductVersions | undefined): boolean {
  if (!expect) return true;
  if (expect.productVersion !== null && expect.productVersion !== f.product.version) return false;
  if (expect.orgUpdatedAtMs !== null && expect.orgUpdatedAtMs !== f.organization.updatedAtMs) return false;
  return true;
}
