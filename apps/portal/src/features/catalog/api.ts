// The catalog API as the portal uses it (apps/server/src/modules/catalog/http-schemas.ts): products, places,
// lots, the diary and its timeline, imports and exports.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../api/client.ts';
import { ProblemError, parseProblem } from '../../api/problem.ts';
import type { Page } from '../../api/types.ts';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export interface Product {
  readonly id: string;
  readonly version: number;
  readonly organizationId: string;
  readonly status: 'draft' | 'published';
  readonly gtin: string | null;
  readonly noGtinYet: boolean;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly descriptionVi: string | null;
  readonly descriptionEn: string | null;
  readonly category: string;
  readonly sector: string | null;
  readonly unit: string;
  readonly shelfLifeDays: number | null;
  readonly brand: string | null;
  readonly trademark: string | null;
  readonly modelCode: string | null;
  readonly standards: { kind: string; code: string; title?: string | null }[];
  readonly certifications: { kind: string; name?: string | null; number: string; issuer: string; validFrom?: string | null; validTo?: string | null; fileId?: string | null }[];
  readonly ocop: { stars: number; certificateNumber: string | null; decision: string | null; expiresOn: string | null } | null;
  readonly protectedMark: { kind: string; name: string } | null;
  readonly keyProduct: boolean;
  readonly riskClass: string | null;
  readonly safetyWarnings: string | null;
  readonly originPlaceId: string | null;
  readonly images: { fileId: string; url: string; thumbnailUrl: string; width: number; height: number }[];
  readonly updatedAt: string;
}

export interface Place {
  readonly id: string;
  readonly version: number;
  readonly kind: string;
  readonly name: string;
  readonly communeId: number | null;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly gln: string | null;
  readonly glnExtension: string | null;
  readonly internalCode: string;
  readonly plantingAreaCode: string | null;
  readonly areaHa: number | null;
}

export interface Lot {
  readonly id: string;
  readonly productId: string;
  readonly lotCode: string;
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
  readonly expiryDate: string | null;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly originPlaceId: string | null;
  readonly gtin: string | null;
  readonly digitalLink: string | null;
  readonly createdAt: string;
}

export interface Completeness {
  readonly complete: boolean;
  readonly missing: { field: string; basis: string[]; messages: Bilingual }[];
}

export interface TimelineItem {
  readonly id: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly title: Bilingual;
  readonly who: { recordedBy: string | null };
  readonly what: Bilingual;
  readonly where: { placeName: string | null } | null;
  readonly why: Bilingual;
  readonly warnings: { code: string; messages: Bilingual }[];
}

export interface ImportMessage {
  readonly code: string;
  readonly messages: Bilingual;
}

export interface ImportView {
  readonly id: string;
  readonly list: string;
  readonly fileName: string;
  readonly status: 'validating' | 'validated' | 'rejected' | 'committing' | 'committed' | 'failed';
  readonly progress: { done: number; total: number | null };
  readonly totalRows: number | null;
  readonly validRows: number | null;
  readonly invalidRows: number | null;
  readonly committedRows: number | null;
  readonly fileError: ImportMessage | null;
  readonly notices: ImportMessage[];
  readonly errors: (ImportMessage & { row: number; column: string | null; header: string | null })[];
  readonly moreErrors: number;
}

export const catalogKeys = { all: ['catalog'] as const };

export function useProducts(q: string, page: number) {
  return useQuery({ queryKey: ['catalog', 'products', q, page], queryFn: ({ signal }) => api.get<Page<Product>>('/products', { query: { q, limit: 20, offset: (page - 1) * 20 }, signal }), placeholderData: keepPreviousData });
}
export const useProduct = (id: string) => useQuery({ queryKey: ['catalog', 'product', id], queryFn: ({ signal }) => api.get<Product>(`/products/${id}`, { signal }) });
export const useCompleteness = (id: string) => useQuery({ queryKey: ['catalog', 'product', id, 'completeness'], queryFn: ({ signal }) => api.get<Completeness>(`/products/${id}/completeness`, { signal }) });
export function usePlaces(q = '') {
  return useQuery({ queryKey: ['catalog', 'places', q], queryFn: ({ signal }) => api.get<Page<Place>>('/places', { query: { q, limit: 200 }, signal }), placeholderData: keepPreviousData });
}
export function useLots(q = '', productId?: string) {
  return useQuery({ queryKey: ['catalog', 'lots', q, productId ?? ''], queryFn: ({ signal }) => api.get<Page<Lot>>('/lots', { query: { q, productId, limit: 100 }, signal }), placeholderData: keepPreviousData });
}
export const useLot = (id: string) => useQuery({ queryKey: ['catalog', 'lot', id], queryFn: ({ signal }) => api.get<Lot>(`/lots/${id}`, { signal }) });
export const useTimeline = (id: string) => useQuery({ queryKey: ['catalog', 'lot', id, 'timeline'], queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(`/lots/${id}/timeline`, { signal }) });

/** A write to the catalog; afterwards every catalog query is fetched again. */
export function useCatalogMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.all }) });
}

/** multipart/form-data upload of one file (field `file`), with the session's CSRF token. */
export async function uploadFile<T>(path: string, file: File, csrfToken: string, language: string): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`${API_BASE}${path}`, { method: 'POST', body, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, 'accept-language': language } });
  const parsed = await response.json().catch(() => undefined);
  if (!response.ok) throw new ProblemError(parseProblem(response.status, parsed));
  return parsed as T;
}

export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['catalog', 'import', id ?? ''],
    queryFn: ({ signal }) => api.get<ImportView>(`/imports/${id}`, { signal }),
    enabled: Boolean(id),
    // A running import is asked again every second; its progress lives on the server, so a reload shows it too.
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'validating' || query.state.data.status === 'committing') ? 1000 : false),
  });
}
