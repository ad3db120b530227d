// What the public pages show beyond the resolver's facts, read through the catalog, identity and geo services
// (never their tables) and cached (memo.ts): the product's remaining Circular 02 / Decree 37 fields, the
// producer's IDs, places, and each lot's journey in plain words. Only published products are ever shown.
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import type { Message } from '../../../platform/i18n/messages.ts';
import { systemContext } from '../../../platform/request-context.ts';
import type { Catalog, catalogTables } from '../../catalog/index.ts';
import { describeJourney, type JourneyStep } from './journey.ts';
import { Memo } from './memo.ts';

export type ProductRow = typeof catalogTables.products.$inferSelect;
export type LotRow = typeof catalogTables.lots.$inferSelect;
export type PlaceRow = typeof catalogTables.places.$inferSelect;

export interface OrganizationFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly taxCode: string | null;
  readonly address: string;
  readonly communeId: number;
  readonly communeName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly gln: string | null;
  readonly sectors: readonly string[];
  readonly status: string;
  readonly updatedAt: Date;
}

export interface PlaceFacts {
  readonly id: string;
  readonly version: number;
  readonly kind: string;
  readonly name: string;
  readonly address: string | null;
  readonly communeId: number | null;
  readonly communeName: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly plantingAreaCode: string | null;
  readonly gln: string | null;
}

export interface Journey {
  readonly lotId: string;
  readonly lotVersion: number;
  readonly steps: readonly JourneyStep[];
}

/** What the facts service reads of identity and geo (OrganizationService and GeoService satisfy it). */
export interface FactsSources {
  readonly catalog: Catalog;
  readonly organizations: {
    findById(id: string): Promise<{ id: string; name: string; kind: string; taxCode: string | null; address: string; communeId: number; phone: string | null; email: string | null; website: string | null; gln: string | null; sectors: readonly string[]; status: string; updatedAt: Date } | undefined>;
  };
  readonly geo: { getUnit(id: number): Promise<{ id: number; name: string } | undefined> };
}

export const PUBLIC_CONTEXT = systemContext('public-pages');

export function createPublicFacts(src: FactsSources, clock: Clock, log: Logger) {
  const onError = (err: unknown) => log.warn({ err }, 'public facts could not be loaded');
  const communeName = async (id: number | null) => (id === null ? null : ((await src.geo.getUnit(id))?.name ?? null));

  const products = new Memo<ProductRow | null>(clock, async (id) => {
    const p = await src.catalog.products.get(PUBLIC_CONTEXT, id).catch(() => undefined);
    return p && p.status === 'published' ? p : null;
  }, { ttlMs: 60_000, max: 20_000, onError, versionOf: (p) => String(p?.version ?? '') });

  const organizations = new Memo<OrganizationFacts | null>(clock, async (id) => {
    const o = await src.organizations.findById(id);
    if (!o) return null;
    return { id: o.id, name: o.name, kind: o.kind, taxCode: o.taxCode, address: o.address, communeId: o.communeId, communeName: await communeName(o.communeId), phone: o.phone, email: o.email, website: o.website, gln: o.gln, sectors: o.sectors, status: o.status, updatedAt: o.updatedAt };
  }, { ttlMs: 60_000, max: 20_000, onError, versionOf: (o) => String(o?.updatedAt.getTime() ?? '') });

  const places = new Memo<PlaceFacts | null>(clock, async (id) => {
    const p = await src.catalog.places.findById(id);
    if (!p) return null;
    return { id: p.id, version: p.version, kind: p.kind, name: p.name, address: p.address, communeId: p.communeId, communeName: await communeName(p.communeId), latitude: p.latitude, longitude: p.longitude, plantingAreaCode: p.plantingAreaCode, gln: p.gln };
  }, { ttlMs: 60_000, max: 50_000, onError });

  const lots = new Memo<LotRow | null>(clock, async (id) => (await src.catalog.lots.findById(id)) ?? null, { ttlMs: 60_000, max: 50_000, onError, versionOf: (l) => String(l?.version ?? '') });

  // A new diary step changes no lot version, so journeys are refreshed by age (30 s) as well as by lot version.
  const journeys = new Memo<Journey>(clock, async (lotId) => {
    const read = await src.catalog.diary.stepsOf(PUBLIC_CONTEXT, lotId);
    const orgNames = new Map<string, string>();
    for (const id of new Set(read.steps.map((s) => s.organizationId))) orgNames.set(id, (await organizations.get(id))?.name ?? '');
    const communes = new Map<number, string>();
    for (const p of read.places.values()) if (p.communeId !== null && !communes.has(p.communeId)) communes.set(p.communeId, (await communeName(p.communeId)) ?? '');
    return { lotId, lotVersion: read.lot.version, steps: describeJourney(read.lot, read.steps, read.places, orgNames, communes) };
  }, { ttlMs: 30_000, max: 20_000, onError, versionOf: (j) => String(j.lotVersion) });

  return {
    products,
    organizations,
    places,
    lots,
    journeys,
    /** A published product read now (one indexed read: pages use it as the version of everything cached
     * behind it), or null — drafts and unknown ids alike, their existence is not revealed. */
    product: (id: string) => products.reload(id),
    /** A lot (read now) of a published product, with that product, or null. */
    async lotWithProduct(lotId: string): Promise<{ lot: LotRow; product: ProductRow } | null> {
      const lot = await lots.reload(lotId);
      const product = lot ? await products.get(lot.productId, undefined) : null;
      return lot && product ? { lot, product } : null;
    },
    journey: (lotId: string, lotVersion: number) => journeys.get(lotId, String(lotVersion)),
  };
}

export type PublicFacts = ReturnType<typeof createPublicFacts>;
export type { JourneyStep, Message };
