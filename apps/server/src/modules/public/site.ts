// The public site's reads, composed from the catalog (published products only, diacritic-insensitive search),
// identity (producers) and geo (communes) services, the ledger and the stamps module's proofs; shaped for the
// page renderers. Lists are read per request (one query and a count); per-product facts come from the caches.
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { translate, translateBoth } from '../../platform/i18n/messages.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Stamps } from '../stamps/index.ts';
import { PUBLIC_CONTEXT, type PublicFacts, type ProductRow } from './facts/public-facts.ts';
import { Memo } from './facts/memo.ts';
import type { LedgerRecords, ProofOutcome } from './ledger/ledger-records.ts';
import { ledgerRefsOf } from './ledger/page-records.ts';
import { PAGE_SIZE, type CatalogueQuery, type Commune, type ListedProduct } from './pages/catalogue-page.ts';
import type { PassportInput } from './pages/passport-page.ts';
import { proofPage, type StampProofPart } from './pages/proof-page.ts';
import { SiteTexts } from './texts/site-texts.ts';

export interface SiteDeps {
  readonly catalog: Catalog;
  readonly geo: { getUnit(id: number): Promise<{ id: number; name: string } | undefined>; listUnits(): Promise<{ id: number; name: string }[]> };
  readonly facts: PublicFacts;
  readonly ledger: LedgerRecords;
  readonly stamps: Stamps;
  readonly clock: Clock;
  readonly log: Logger;
  readonly baseUrl: string;
  readonly perMinute: number;
}

export function createPublicSite(deps: SiteDeps) {
  const { catalog, facts, clock } = deps;

  async function listed(rows: readonly ProductRow[]): Promise<ListedProduct[]> {
    return Promise.all(rows.map(async (row) => ({ row, communeName: (await deps.geo.getUnit(row.orgCommuneId))?.name ?? null, producerName: (await facts.organizations.get(row.organizationId))?.name ?? '' })));
  }

  async function listProducts(query: CatalogueQuery & { organizationId?: string }): Promise<{ items: ListedProduct[]; total: number }> {
    const r = await catalog.products.list(PUBLIC_CONTEXT, {
      status: 'published',
      ...(query.q ? { q: query.q } : {}),
      ...(query.stars ? { ocopStars: query.stars } : {}),
      ...(query.commune ? { communeId: query.commune } : {}),
      ...(query.mark ? { protectedMark: query.mark } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.organizationId ? { organizationId: query.organizationId } : {}),
      sort: 'name',
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    });
    return { items: await listed(r.items), total: r.total };
  }

  // Which communes have published products, with counts: read at most once a minute.
  const communeCounts = new Memo<(Commune & { count: number })[]>(clock, async () => {
    const counts = new Map<number, number>();
    for (let offset = 0; ; offset += 500) {
      const r = await catalog.products.list(PUBLIC_CONTEXT, { status: 'published', limit: 500, offset });
      for (const p of r.items) counts.set(p.orgCommuneId, (counts.get(p.orgCommuneId) ?? 0) + 1);
      if (r.items.length < 500 || offset > 50_000) break;
    }
    const units = await deps.geo.listUnits();
    return units.filter((u) => counts.has(u.id)).map((u) => ({ id: u.id, name: u.name, count: counts.get(u.id)! }));
  }, { ttlMs: 60_000, max: 1 });

  async function passportBase(product: ProductRow, lang: Lang, originId: string | null) {
    const [producer, origin] = await Promise.all([facts.organizations.get(product.organizationId), originId ? facts.places.get(originId) : Promise.resolve(null)]);
    return producer ? { lang, baseUrl: deps.baseUrl, now: clock.now(), product, producer, origin } : null;
  }

  return {
    limiter: deps.stamps.limiter,
    perMinute: deps.perMinute,
    listProducts,
    communesWithProducts: () => communeCounts.get('all'),

    async home() {
      const [five, four, communes] = await Promise.all([listProducts({ stars: 5, page: 1 }), listProducts({ stars: 4, page: 1 }), communeCounts.get('all')]);
      const items = [...five.items, ...four.items].slice(0, 12);
      return { featured: { items, total: five.total + four.total }, communes };
    },

    async productPassport(id: string, lang: Lang): Promise<PassportInput | null> {
      const product = await facts.product(id);
      if (!product) return null;
      const base = await passportBase(product, lang, product.originPlaceId);
      if (!base) return null;
      const lots = (await catalog.lots.list(PUBLIC_CONTEXT, { productId: id, limit: 20, offset: 0 })).items;
      const tally = await deps.ledger.check(ledgerRefsOf({ product, lot: null, places: base.origin ? [base.origin] : [], journey: [] }));
      return { ...base, tally, lots };
    },

    async lotPassport(lotId: string, lang: Lang): Promise<PassportInput | null> {
      const found = await facts.lotWithProduct(lotId);
      if (!found) return null;
      const base = await passportBase(found.product, lang, found.lot.originPlaceId ?? found.product.originPlaceId);
      if (!base) return null;
      const journey = await facts.journey(found.lot.id, found.lot.version);
      const tally = await deps.ledger.check(ledgerRefsOf({ product: found.product, lot: found.lot, places: base.origin ? [base.origin] : [], journey: journey.steps }));
      return { ...base, tally, lot: { row: found.lot, journey } };
    },

    async producer(id: string, pageNo: number) {
      const org = await facts.organizations.get(id);
      if (!org || org.status !== 'approved') return null;
      const result = await listProducts({ organizationId: id, page: pageNo });
      return result.total > 0 ? { org, result } : null;
    },

    async commune(id: number, pageNo: number) {
      const unit = await deps.geo.getUnit(id);
      if (!unit) return null;
      const result = await listProducts({ commune: id, page: pageNo });
      const producers = new Map<string, string>();
      for (const i of result.items) producers.set(i.row.organizationId, i.producerName);
      return { commune: { id: unit.id, name: unit.name }, result, producers: [...producers].map(([pid, name]) => ({ id: pid, name })) };
    },

    /** The proof page of what a scan or passport showed: the same records as its badge, plus the stamp's own. */
    async proof(target: { product: string; lot: string | null; stamp: string | null }, lang: Lang, url: string): Promise<string | null> {
      const lotFound = target.lot ? await facts.lotWithProduct(target.lot) : null;
      const product = lotFound?.product ?? (await facts.product(target.product));
      if (!product || (lotFound && lotFound.product.id !== target.product)) return null;
      const originId = lotFound?.lot.originPlaceId ?? product.originPlaceId;
      const origin = originId ? await facts.places.get(originId) : null;
      const journey = lotFound ? await facts.journey(lotFound.lot.id, lotFound.lot.version) : null;
      const refs = ledgerRefsOf({ product, lot: lotFound?.lot ?? null, places: origin ? [origin] : [], journey: journey?.steps ?? [] });
      const records = await deps.ledger.proofs(refs);
      let stamp: { humanCode: string; parts: StampProofPart[] } | null = null;
      if (target.stamp) {
        const sp = await deps.stamps.proof(target.stamp).catch(() => null);
        if (sp) {
          const parts = [sp.issuance, ...sp.changes];
          const outcomes: ProofOutcome[] = await deps.ledger.proofs(parts.map((p) => ({
            kind: p.ledger.kind,
            id: p.ledger.id,
            label: p.ledger.kind === 'stamp.issue' ? translateBoth(SiteTexts.PUBLIC_KIND_stamp_issue) : translateBoth(SiteTexts.PUBLIC_KIND_stamp_status, { status: String((p.record as { toStatus?: unknown }).toStatus ?? p.inclusion.entry) }),
          })));
          stamp = { humanCode: sp.serial.replace(/(.{4})(?=.)/g, '$1-'), parts: parts.map((p, i) => ({ outcome: outcomes[i]!, record: p.record, inclusion: p.inclusion })) };
        }
      }
      const checkpoint = records.find((r) => r.proof)?.proof?.checkpoint.note ?? null;
      const name = lang === 'en' && product.nameEn ? product.nameEn : product.nameVi;
      return proofPage({ lang, path: url.replace(/([?&])lang=[^&]*/, '$1').replace(/[?&]$/, ''), title: `${name}${lotFound ? ` — ${lotFound.lot.lotCode}` : ''}`, keys: deps.ledger.keys(), records, stamp, checkpoint });
    },

    translate,
  };
}

export type PublicSite = ReturnType<typeof createPublicSite>;
