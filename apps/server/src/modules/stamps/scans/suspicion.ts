// When a stamp looks copied. Three signals from scans, besides a verification code entered twice
// (verify-service.ts):
// - far_from_region: a shared place farther from the lot's origin than the request's expected region;
// - scanned_far_apart: two shared places of one stamp farther apart than anyone travels in the time between
//   (a copied label in two markets at once);
// - high_scan_rate: many different devices within an hour (one product is scanned by few people).
// A raised flag stays on the stamp with when and why; the page, the owner and officials see it.
import { sql } from 'drizzle-orm';
import { rows, type Orm } from '../../../platform/db/database.ts';
import type { FlagCode, StampFlag } from '../model.ts';
import { pgArray } from '../sql-arrays.ts';

/** Sơn La's centre (the provincial capital): the expected origin when neither lot nor product names a place. */
export const SON_LA_CENTRE = { latitude: 21.3256, longitude: 103.9188 } as const;
/** Faster than this between two scans is not one stamp travelling (by road in Vietnam; flights are rare). */
export const MAX_TRAVEL_KMH = 150;
/** Two scans closer than this are one town: never "far apart", whatever the time. */
export const APART_MIN_KM = 100;
export const RATE_WINDOW_MINUTES = 60;
export const RATE_MAX_CLIENTS = 8;

/** Great-circle distance (haversine, mean Earth radius 6371.0088 km). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A shared place, rounded to 0.1° (about 11 km): enough for these checks, too coarse to find a home. */
export function coarsePlace(latitude: number, longitude: number): { latitude: number; longitude: number } | undefined {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude: Math.round(latitude * 10) / 10, longitude: Math.round(longitude * 10) / 10 };
}

export interface PlacedScan {
  readonly at: Date;
  readonly latitude: number;
  readonly longitude: number;
}

/** Two scans too far apart for the time between them, if any pair of `others` with `scan` is. */
export function impossibleTravel(scan: PlacedScan, others: readonly PlacedScan[]): { distanceKm: number; hours: number } | undefined {
  for (const o of others) {
    const d = distanceKm(scan, o);
    const hours = Math.abs(scan.at.getTime() - o.at.getTime()) / 3_600_000;
    if (d >= APART_MIN_KM && d / Math.max(hours, 1 / 60) > MAX_TRAVEL_KMH) return { distanceKm: Math.round(d), hours: Math.round(hours * 10) / 10 };
  }
  return undefined;
}

/** Adds a flag to a stamp unless one of that code is there already; returns whether it was added. */
export async function raiseFlag(tx: Orm, serial: string, code: FlagCode, at: Date, params: Record<string, string | number>): Promise<boolean> {
  const flag: StampFlag = { code, at: at.toISOString(), params };
  const updated = await rows<{ serial: string }>(
    tx,
    sql`update stamps.stamps set flags = flags || ${JSON.stringify([flag])}::jsonb
        where serial = ${serial} and not flags @> ${JSON.stringify([{ code }])}::jsonb returning serial`,
  );
  return updated.length > 0;
}

/** Flags stamps among `serials` that many different devices scanned within the last hour. */
export async function checkScanRates(db: Orm, serials: readonly string[], now: Date): Promise<string[]> {
  if (!serials.length) return [];
  const busy = await rows<{ serial: string; clients: number }>(
    db,
    sql`select serial, count(distinct client_hash)::int as clients from stamps.scans
        where serial = any(${pgArray(serials)}::text[]) and scanned_at > ${new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000)} and client_hash is not null
        group by serial having count(distinct client_hash) >= ${RATE_MAX_CLIENTS}`,
  );
  const flagged: string[] = [];
  for (const b of busy) if (await raiseFlag(db, b.serial, 'high_scan_rate', now, { clients: b.clients })) flagged.push(b.serial);
  return flagged;
}
