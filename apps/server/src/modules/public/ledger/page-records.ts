// The ledger records behind what a page shows: the product version, the lot version, the version of each place
// named, and every EPCIS event of the journey (the catalog's versions.ts and the epcis module log them with
// these ids). The stamp's own records (issue, status changes) are per stamp and are proved on the proof page.
import type { JourneyStep } from '../facts/journey.ts';
import { translateBoth } from '../../../platform/i18n/messages.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import type { LedgerRef } from './ledger-records.ts';

export interface ShownRecords {
  readonly product: { readonly id: string; readonly version: number };
  readonly lot: { readonly id: string; readonly version: number } | null;
  readonly places: readonly { readonly id: string; readonly version: number | null }[];
  readonly journey: readonly JourneyStep[] | undefined;
}

export function ledgerRefsOf(shown: ShownRecords): LedgerRef[] {
  const refs: LedgerRef[] = [{ kind: 'product.version', id: `${shown.product.id}@${shown.product.version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_product_version, { version: shown.product.version }) }];
  if (shown.lot) refs.push({ kind: 'lot.version', id: `${shown.lot.id}@${shown.lot.version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_lot_version, { version: shown.lot.version }) });
  const places = new Map<string, number>();
  for (const p of shown.places) if (p.version !== null) places.set(p.id, p.version);
  for (const s of shown.journey ?? []) if (s.placeId && s.placeVersion !== null) places.set(s.placeId, s.placeVersion);
  for (const [id, version] of places) refs.push({ kind: 'place.version', id: `${id}@${version}`, label: translateBoth(SiteTexts.PUBLIC_KIND_place_version, { version }) });
  for (const s of shown.journey ?? []) {
    for (const eventId of s.eventIds) refs.push({ kind: 'epcis.event', id: eventId, label: { vi: translateBoth(SiteTexts.PUBLIC_KIND_epcis_event, { what: s.title.vi }).vi, en: translateBoth(SiteTexts.PUBLIC_KIND_epcis_event, { what: s.title.en }).en } });
  }
  return refs;
}
