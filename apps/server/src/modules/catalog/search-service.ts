// One search box over products, organisations, places and lots, ignoring diacritics and case. Anyone finds
// published products; signed-in people also find what they may read (their organisation's records, or an
// official's scope); organisations come from the identity service with its own scope rules.
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { foldForSearch } from '../../platform/text/fold.ts';
import { readScope } from './policy.ts';
import { searchCondition, searchWords } from './search-terms.ts';
import { lots, places, products } from './tables.ts';

export const SEARCH_TYPES = ['product', 'organization', 'place', 'lot'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchQuery {
  readonly q: string;
  readonly types?: SearchType[];
  readonly communeId?: number;
  readonly sector?: string;
  readonly ocopStars?: number;
  readonly riskClass?: 'low' | 'medium' | 'high';
  /** Geographical indication or protected mark: any, or one kind. */
  readonly gi?: 'any' | 'geographical_indication' | 'collective_mark' | 'certification_mark';
  readonly limit: number;
}

export interface SearchHit {
  readonly type: SearchType;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly communeId: number | null;
  readonly organizationId: string;
  readonly status?: string;
  readonly ocopStars?: number | null;
  readonly gtin?: string | null;
}

/** What search needs from the identity module (OrganizationService.list satisfies it). */
export interface OrganizationSearch {
  list(ctx: RequestContext, q: { q?: string; communeId?: number; sector?: 'agriculture-environment' | 'industry-trade' | 'health'; status?: 'approved'; limit: number; offset: number }): Promise<{ items: { id: string; name: string; address: string; communeId: number }[] }>;
}

/** How many matches are ranked at most (see searchProducts). */
const CANDIDATES = 400;

const signedIn = (a: Actor) => a.type === 'user' || a.type === 'api_key';

export function createSearchService(deps: { db: Database; organizations: OrganizationSearch }) {
  const { db } = deps;

  async function searchProducts(actor: Actor, q: SearchQuery, folded: string): Promise<SearchHit[]> {
    const scope = signedIn(actor) ? readScope(actor, products) : false;
    // Public: published products. Signed in: also those within reach (drafts of one's own organisation…).
    const visible: SQL | undefined = scope === false ? eq(products.status, 'published') : scope === undefined ? undefined : or(eq(products.status, 'published'), scope);
    const where = and(
      visible,
      searchCondition(products.search, q.q),
      q.communeId ? eq(products.orgCommuneId, q.communeId) : undefined,
      q.sector ? eq(products.sector, q.sector) : undefined,
      q.ocopStars ? eq(products.ocopStars, q.ocopStars) : undefined,
      q.riskClass ? eq(products.riskClass, q.riskClass) : undefined,
      q.gi === 'any' ? sql`${products.protectedMarkKind} is not null` : q.gi ? eq(products.protectedMarkKind, q.gi) : undefined,
    );
    // Ranking every match of a broad word ("xoai" in a national catalogue) by similarity costs a heap visit and a
    // similarity per match; the best 20 of the first CANDIDATES matches keep the p99 bounded (issue 5: ≤ 30 ms).
    const candidates = db.replica
      .select({
        id: products.id,
        nameVi: products.nameVi,
        nameEn: products.nameEn,
        brand: products.brand,
        communeId: products.orgCommuneId,
        organizationId: products.organizationId,
        status: products.status,
        ocopStars: products.ocopStars,
        gtin: products.gtin,
        search: products.search,
      })
      .from(products)
      .where(where)
      .limit(CANDIDATES)
      .as('candidates');
    // With the LIMIT above, the planner prefers a sequential scan whenever it expects many matches; when few of
    // them are visible (a word found mostly in drafts) that scan reads the whole table (173 ms at 100,000 rows).
    // The trigram index is always the better path here, so sequential scans are switched off for this query only.
    const rowsFound = await db.replica.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.select().from(candidates).orderBy(desc(sql`similarity(${candidates.search}, ${folded})`), candidates.id).limit(q.limit);
    });
    return rowsFound.map((r) => ({ type: 'product', id: r.id, title: r.nameVi, subtitle: r.nameEn ?? r.brand, communeId: r.communeId, organizationId: r.organizationId, status: r.status, ocopStars: r.ocopStars, gtin: r.gtin }));
  }

  async function searchPlaces(actor: Actor, q: SearchQuery, folded: string): Promise<SearchHit[]> {
    const scope = readScope(actor, places);
    if (scope === false) return [];
    const found = await db.replica
      .select({ id: places.id, name: places.name, code: places.internalCode, area: places.plantingAreaCode, communeId: places.communeId, organizationId: places.organizationId })
      .from(places)
      .where(and(scope, searchCondition(places.search, q.q), q.communeId ? eq(places.communeId, q.communeId) : undefined))
      .orderBy(desc(sql`similarity(${places.search}, ${folded})`), places.id)
      .limit(q.limit);
    return found.map((r) => ({ type: 'place', id: r.id, title: r.name, subtitle: r.area ?? r.code, communeId: r.communeId, organizationId: r.organizationId }));
  }

  async function searchLots(actor: Actor, q: SearchQuery, folded: string): Promise<SearchHit[]> {
    const scope = readScope(actor, lots);
    if (scope === false) return [];
    const found = await db.replica
      .select({ id: lots.id, lotCode: lots.lotCode, productName: products.nameVi, communeId: lots.orgCommuneId, organizationId: lots.organizationId })
      .from(lots)
      .innerJoin(products, eq(products.id, lots.productId))
      .where(and(scope, searchCondition(lots.search, q.q), q.communeId ? eq(lots.orgCommuneId, q.communeId) : undefined))
      .orderBy(desc(sql`similarity(${lots.search}, ${folded})`), lots.id)
      .limit(q.limit);
    return found.map((r) => ({ type: 'lot', id: r.id, title: r.lotCode, subtitle: r.productName, communeId: r.communeId, organizationId: r.organizationId }));
  }

  async function searchOrganizations(ctx: RequestContext, q: SearchQuery): Promise<SearchHit[]> {
    if (!signedIn(ctx.actor)) return [];
    try {
      const sector = q.sector as 'agriculture-environment' | 'industry-trade' | 'health' | undefined;
      const page = await deps.organizations.list(ctx, { q: q.q, ...(q.communeId ? { communeId: q.communeId } : {}), ...(sector ? { sector } : {}), limit: q.limit, offset: 0 });
      return page.items.map((o) => ({ type: 'organization', id: o.id, title: o.name, subtitle: o.address, communeId: o.communeId, organizationId: o.id }));
    } catch {
      // The identity policy refuses some actors any organisation list (e.g. a key without organization:read).
      return [];
    }
  }

  return {
    async search(ctx: RequestContext, q: SearchQuery): Promise<{ items: SearchHit[] }> {
      if (searchWords(q.q).length === 0) return { items: [] };
      const folded = foldForSearch(q.q);
      const productOnly = q.ocopStars !== undefined || q.riskClass !== undefined || q.gi !== undefined;
      const wanted = new Set<SearchType>(productOnly ? ['product'] : (q.types ?? SEARCH_TYPES));
      const [p, o, pl, l] = await Promise.all([
        wanted.has('product') ? searchProducts(ctx.actor, q, folded) : [],
        wanted.has('organization') ? searchOrganizations(ctx, q) : [],
        wanted.has('place') ? searchPlaces(ctx.actor, q, folded) : [],
        wanted.has('lot') ? searchLots(ctx.actor, q, folded) : [],
      ]);
      return { items: [...p, ...o, ...pl, ...l] };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
