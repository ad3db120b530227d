// The catalog records events name (products by GTIN, lots by GTIN + lot code or TXNG URI, places by GLN or TXNG
// URI), loaded once from the catalog API, so that an event reads "Lô XY-2026-01 — Xoài tròn Yên Châu" rather
// than a Digital Link; and the query parameters a product, lot or place filter becomes.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { Lot, Place, Product } from '../catalog/api.ts';
import { gtin14, lotClassUri, placeUri, productPattern } from './identifiers.ts';

/** A lot as the catalog API answers it, with the identifier events name it by (catalog presenter.ts). */
export type EventLot = Lot & { readonly epcClass?: string };
/** A place as the catalog API answers it, with the identifier events name it by. */
export type EventPlace = Place & { readonly epcisId?: string };

export interface CatalogLookup {
  readonly products: readonly Product[];
  readonly lots: readonly EventLot[];
  readonly places: readonly EventPlace[];
  readonly productByGtin: ReadonlyMap<string, Product>;
  readonly productById: ReadonlyMap<string, Product>;
  readonly lotByKey: ReadonlyMap<string, EventLot>;
  readonly lotById: ReadonlyMap<string, EventLot>;
  readonly placeByGln: ReadonlyMap<string, EventPlace>;
  readonly placeById: ReadonlyMap<string, EventPlace>;
  readonly loading: boolean;
}

export const lotKey = (gtin: string, lotCode: string): string => `${gtin14(gtin)}|${lotCode}`;
export const placeKey = (gln: string, extension: string | null): string => `${gln}|${extension ?? ''}`;

// The catalog answers at most 200 records a page (http-schemas.ts `limit`); the newest are the ones events name.
const LIMIT = 200;

export function useCatalogLookup(): CatalogLookup {
  const products = useQuery({ queryKey: ['catalog', 'products', 'events-lookup'], queryFn: ({ signal }) => api.get<Page<Product>>('/products', { query: { limit: LIMIT }, signal }), staleTime: 60_000 });
  const lots = useQuery({ queryKey: ['catalog', 'lots', 'events-lookup'], queryFn: ({ signal }) => api.get<Page<EventLot>>('/lots', { query: { limit: LIMIT }, signal }), staleTime: 60_000 });
  const places = useQuery({ queryKey: ['catalog', 'places', 'events-lookup'], queryFn: ({ signal }) => api.get<Page<EventPlace>>('/places', { query: { limit: LIMIT }, signal }), staleTime: 60_000 });
  return useMemo(() => {
    const p = products.data?.items ?? [];
    const l = lots.data?.items ?? [];
    const pl = places.data?.items ?? [];
    return {
      products: p,
      lots: l,
      places: pl,
      productByGtin: new Map(p.filter((x) => x.gtin).map((x) => [gtin14(x.gtin!), x])),
      productById: new Map(p.map((x) => [x.id, x])),
      lotByKey: new Map(l.filter((x) => x.gtin).map((x) => [lotKey(x.gtin!, x.lotCode), x])),
      lotById: new Map(l.map((x) => [x.id, x])),
      placeByGln: new Map(pl.filter((x) => x.gln).map((x) => [placeKey(x.gln!, x.glnExtension), x])),
      placeById: new Map(pl.map((x) => [x.id, x])),
      loading: products.isLoading || lots.isLoading || places.isLoading,
    };
  }, [products.data, lots.data, places.data, products.isLoading, lots.isLoading, places.isLoading]);
}

export interface EventFilters {
  readonly productId: string;
  /** 'class': the product's lots (quantities); 'item': its serialised items (EPC lists). */
  readonly productBy: string;
  readonly lotId: string;
  readonly placeId: string;
  readonly bizStep: string;
  /** YYYY-MM-DD, inclusive. */
  readonly from: string;
  readonly to: string;
}

/** Records a filter can name: products by GTIN; lots and places by the identifier events use for them. */
export const filterable = {
  product: (p: Product) => p.gtin !== null,
  lot: (l: EventLot) => l.epcClass !== undefined || l.gtin !== null,
  place: (p: EventPlace) => p.epcisId !== undefined || p.gln !== null,
};

/** The EPCIS query parameters (EPCIS 2.0 §8.2.7.1) of the chosen filters, newest events first. */
export function queryParameters(f: EventFilters, lookup: CatalogLookup, companyPrefix: string | null): URLSearchParams {
  const params = new URLSearchParams({ orderBy: 'eventTime', orderDirection: 'DESC', perPage: '20' });
  const lot = f.lotId ? lookup.lotById.get(f.lotId) : undefined;
  const product = f.productId ? lookup.productById.get(f.productId) : undefined;
  const lotClass = lot?.epcClass ?? (lot?.gtin ? lotClassUri(lot.gtin, lot.lotCode) : undefined);
  if (lotClass) {
    params.set('MATCH_anyEPCClass', lotClass);
  } else if (product?.gtin) {
    const g = gtin14(product.gtin);
    const length = companyPrefix && g.slice(1).startsWith(companyPrefix) ? companyPrefix.length : undefined;
    params.set(f.productBy === 'item' ? 'MATCH_anyEPC' : 'MATCH_anyEPCClass', productPattern(g, length));
  }
  const place = f.placeId ? lookup.placeById.get(f.placeId) : undefined;
  const placeId = place?.epcisId ?? (place?.gln ? placeUri(place.gln, place.glnExtension) : undefined);
  if (placeId) params.set('EQ_bizLocation', placeId);
  if (f.bizStep) params.set('EQ_bizStep', f.bizStep);
  // Dates are the viewer's calendar days: from 00:00 of the first to 00:00 after the last.
  if (f.from) params.set('GE_eventTime', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    params.set('LT_eventTime', end.toISOString());
  }
  return params;
}
