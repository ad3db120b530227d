// What scans say about a stamp: the distance checks run when a consumer shares a coarse place, the rate check
// after each write, and the statistics owners and officials read (GET /stamps/{serial}/scans).
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import type { StampsDeps } from '../deps.ts';
import { StampErrors } from '../messages.ts';
import type { StampFlag } from '../model.ts';
import { canReadStamps } from '../policy.ts';
import type { FactsCache } from '../resolver/facts-cache.ts';
import type { ResolveStore } from '../resolver/resolve-store.ts';
import { normalizeSerial } from '../serials.ts';
import type { LocatedScan } from './scan-recorder.ts';
import { checkScanRates, distanceKm, impossibleTravel, raiseFlag, SON_LA_CENTRE } from './suspicion.ts';

export interface ScanStatistics {
  readonly serial: string;
  readonly scanCount: number;
  readonly firstScannedAt: Date | null;
  readonly lastScannedAt: Date | null;
  readonly distinctClients: number;
  readonly flags: StampFlag[];
  readonly codeVerifiedAt: Date | null;
  readonly byDay: { day: string; scans: number }[];
  readonly byUserAgent: { family: string; scans: number }[];
  readonly places: { at: Date; latitude: number; longitude: number; distanceKm: number | null }[];
  readonly expectedRegion: { latitude: number; longitude: number; radiusKm: number; source: 'lot' | 'product' | 'province' };
}

export function createScanInsights(deps: StampsDeps, store: ResolveStore, facts: FactsCache) {
  const { db, clock } = deps;

  /** The centre of a stamp's expected region: its lot's origin, else its product's, else Sơn La's centre. */
  async function expectedCentre(productId: string, lotId: string | null): Promise<{ latitude: number; longitude: number; source: 'lot' | 'product' | 'province' }> {
    const lot = lotId ? await facts.lot(lotId) : undefined;
    if (lot?.originPlace?.latitude != null && lot.originPlace.longitude != null) return { latitude: lot.originPlace.latitude, longitude: lot.originPlace.longitude, source: 'lot' };
    const product = await facts.product(productId);
    const o = product?.originPlace;
    if (o?.latitude != null && o.longitude != null) return { latitude: o.latitude, longitude: o.longitude, source: 'product' };
    return { ...SON_LA_CENTRE, source: 'province' };
  }

  async function onPlaces(scans: readonly LocatedScan[]): Promise<void> {
    for (const scan of scans) {
      const rec = await store.bySerial(scan.serial);
      if (!rec) continue;
      const centre = await expectedCentre(rec.productId, rec.lotId);
      const d = distanceKm(centre, scan);
      await db.orm.execute(sql`update stamps.scans set distance_km = ${Math.round(d)} where id = ${scan.id} and scanned_at = ${scan.at}`);
      if (d > rec.expectedRegionKm) await raiseFlag(db.orm, scan.serial, 'far_from_region', clock.now(), { distanceKm: Math.round(d), radiusKm: rec.expectedRegionKm });
      const others = await rows<{ at: Date; latitude: number; longitude: number }>(
        db.orm,
        sql`select scanned_at as at, latitude, longitude from stamps.scans where serial = ${scan.serial} and id <> ${scan.id} and latitude is not null
            and scanned_at between ${new Date(scan.at.getTime() - 86_400_000)} and ${new Date(scan.at.getTime() + 86_400_000)}`,
      );
      const apart = impossibleTravel(scan, others.map((o) => ({ ...o, at: new Date(o.at) })));
      if (apart) await raiseFlag(db.orm, scan.serial, 'scanned_far_apart', clock.now(), apart);
    }
  }

  async function onWritten(serials: readonly string[]): Promise<void> {
    await checkScanRates(db.orm, serials, clock.now());
  }

  async function statistics(ctx: RequestContext, rawSerial: string): Promise<ScanStatistics> {
    const serial = normalizeSerial(rawSerial);
    const [s] = serial
      ? await rows<{ organizationId: string; orgCommuneId: number; orgSectors: string[]; productId: string; lotId: string | null; scanCount: number; firstScannedAt: Date | null; lastScannedAt: Date | null; flags: StampFlag[]; codeVerifiedAt: Date | null; radiusKm: number }>(
          db.orm,
          sql`select s.organization_id as "organizationId", r.org_commune_id as "orgCommuneId", r.org_sectors as "orgSectors", s.product_id as "productId", s.lot_id as "lotId",
                s.scan_count as "scanCount", s.first_scanned_at as "firstScannedAt", s.last_scanned_at as "lastScannedAt", s.flags, s.code_verified_at as "codeVerifiedAt",
                r.expected_region_km as "radiusKm"
              from stamps.stamps s join stamps.requests r on r.id = s.request_id where s.serial = ${serial}`,
        )
      : [];
    if (!s || !serial || !canReadStamps(ctx.actor, s)) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: rawSerial });
    const [byDay, byUserAgent, places, [clients]] = await Promise.all([
      rows<{ day: string; scans: number }>(db.orm, sql`select to_char(scanned_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day, count(*)::int as scans from stamps.scans where serial = ${serial} group by 1 order by 1 desc limit 90`),
      rows<{ family: string; scans: number }>(db.orm, sql`select ua_family as family, count(*)::int as scans from stamps.scans where serial = ${serial} group by 1 order by 2 desc`),
      rows<{ at: Date; latitude: number; longitude: number; distanceKm: number | null }>(db.orm, sql`select scanned_at as at, latitude, longitude, distance_km as "distanceKm" from stamps.scans where serial = ${serial} and latitude is not null order by scanned_at desc limit 200`),
      rows<{ n: number }>(db.orm, sql`select count(distinct client_hash)::int as n from stamps.scans where serial = ${serial}`),
    ]);
    const centre = await expectedCentre(s.productId, s.lotId);
    return {
      serial,
      scanCount: s.scanCount,
      firstScannedAt: s.firstScannedAt,
      lastScannedAt: s.lastScannedAt,
      distinctClients: clients?.n ?? 0,
      flags: s.flags,
      codeVerifiedAt: s.codeVerifiedAt,
      byDay,
      byUserAgent,
      places,
      expectedRegion: { latitude: centre.latitude, longitude: centre.longitude, radiusKm: s.radiusKm, source: centre.source },
    };
  }

  return { onPlaces, onWritten, statistics };
}

export type ScanInsights = ReturnType<typeof createScanInsights>;
