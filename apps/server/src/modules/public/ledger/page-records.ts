// The ledger records behind what a page shows: the product version, the lot version, the version of each place
// named, and every EPCIS event of the journey (the catalog's versions.ts and the epcis module log them with
// these ids), and on a scan page the stamp's own records (its issuance chunk and status changes: stamp-records.ts).
// What a page shows but cannot name yet (a place whose version is not cached, a journey still loading, a stamp
// whose records are being read) is counted as unresolved: the badge then cannot say that everything is in.
import type { JourneyStep } from '../facts/journey.ts';
import { translateBoth } from '../../../platform/i18n/messages.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import type { LedgerRef } from './ledger-records.ts';

export interface ShownRecords {
  readonly product: { readonly id: string; readonly version: number };
  readonly lot: { readonly id: string; readonly version: number } | null;
  readonly places: readonly { readonly id: string; readonly version: number | null }[];
  readonly journey: readonly JourneyStep[] | undefined;
  /** Scan pages: the stamp's own records, or 'unknown' while they are read. */
  readonly stamp?: readonly LedgerRef[] | 'unknown' | null;
}

export interface ShownLedger {
  readonly refs: LedgerRef[];
  readonly unresolved: number;
}

/** The ledger records behind a page, and how many shown records cannot be named yet. */
export function shownLedger(shown: ShownRecords): ShownLedger {
  let unresolved = 0;
  for (const p of shown.places) if (p.version === null) unresolved++;
  if (shown.lot && shown.journey === undefined) unresolved++;
  if (shown.stamp === 'unknown') unresolved++;
  return { refs: ledgerRefsOf(shown), unresolved };
}

export function ledgerRefsOf(shown: ShownRecords): LedgerRef[] {
  const refs: LedgerRef[] = [{ kind: 'product.version', id: `${shown.product.id}@${shown.product.version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_product_version, { version: shown.product.version }) }];
  if (shown.lot) refs.push({ kind: 'lot.version', id: `${shown.lot.id}@${shown.lot.version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_lot_version, { version: shown.lot.version }) });
  // Each version shown once: the origin as it is now, and each journey step's place as it was at that step.
  const places = new Map<string, { id: string; version: number }>();
  const place = (id: string, version: number) => places.set(`${id}@${version}`, { id, version });
  for (const p of shown.places) if (p.version !== null) place(p.id, p.version);
  for (const s of shown.journey ?? []) if (s.placeId && s.placeVersion !== null) place(s.placeId, s.placeVersion);
  for (const { id, version } of places.values()) refs.push({ kind: 'place.version', id: `${id}@${version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_place_version, { version }) });
  for (const s of shown.journey ?? []) {
    for (const eventId of s.eventIds) refs.push({ kind: 'epcis.event', id: eventId, label: { vi: translateBoth(SiteTexts.PUBLIC_KIND_epcis_event, { what: s.title.vi }).vi, en: translateBoth(SiteTexts.PUBLIC_KIND_epcis_event, { what: s.title.en }).en } });
  }
  if (Array.isArray(shown.stamp)) refs.push(...(shown.stamp as readonly LedgerRef[]));
  return refs;
}
