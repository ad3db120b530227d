// The stamps API as the portal uses it (apps/server/src/modules/stamps/http-schemas.ts): requests and the
// approver's queue, print files, activation, stock, stamps and their scan statistics.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, buildUrl } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

export type StampKind = 'qr' | 'qr_code';
export type StampStatus = 'issued' | 'printed' | 'active' | 'void' | 'lost' | 'recalled';
export const LAYOUT_PRESETS = ['a4-65', 'a4-40', 'a4-24', 'a4-21', 'roll-40x30', 'roll-50x30', 'roll-30x30'] as const;
export type LayoutPreset = (typeof LAYOUT_PRESETS)[number];

export interface Check {
  readonly code: string;
  readonly passed: boolean | null;
  readonly label: string;
  readonly params: Record<string, unknown>;
}

export interface StampRequest {
  readonly id: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
  readonly quantity: number;
  readonly kind: StampKind;
  readonly layout: Record<string, unknown>;
  readonly expectedRegionKm: number;
  readonly note: string | null;
  readonly status: 'pending' | 'approved' | 'rejected' | 'issuing' | 'issued' | 'failed';
  readonly checks: Check[] | null;
  readonly canDecide: boolean;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly uriPrefix: string | null;
  readonly gtin: string | null;
  readonly lotCode: string | null;
  readonly issuedCount: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface Flag {
  readonly code: string;
  readonly at: string;
  readonly message: string;
}

export interface Stamp {
  readonly serial: string;
  readonly humanCode: string;
  readonly seq: number;
  readonly uri: string;
  readonly status: StampStatus;
  readonly requestId: string;
  readonly lotId: string | null;
  readonly printedAt: string | null;
  readonly activatedAt: string | null;
  readonly codeVerifiedAt: string | null;
  readonly scanCount: number;
  readonly firstScannedAt: string | null;
  readonly flags: Flag[];
}

export interface ChangeResult {
  readonly changed: number;
  readonly skipped: Partial<Record<StampStatus, number>>;
  readonly notFound?: string[];
}

export interface ScanStatistics {
  readonly serial: string;
  readonly scanCount: number;
  readonly firstScannedAt: string | null;
  readonly lastScannedAt: string | null;
  readonly distinctClients: number;
  readonly codeVerifiedAt: string | null;
  readonly flags: Flag[];
  readonly byDay: { day: string; scans: number }[];
  readonly byUserAgent: { family: string; scans: number }[];
  readonly places: { at: string; latitude: number; longitude: number; distanceKm: number | null }[];
  readonly expectedRegion: { radiusKm: number; source: string };
}

export interface PrintJob {
  readonly id: string;
  readonly format: 'pdf' | 'zip';
  readonly from: number;
  readonly to: number;
  readonly labels: number;
  readonly reprint: boolean;
  readonly reason: string | null;
  readonly printedBy: string | null;
  readonly createdAt: string;
}

const keys = { all: ['stamps'] as const };

export function useStampRequests(query: { status?: string; decidable?: boolean; page: number }) {
  return useQuery({
    queryKey: ['stamps', 'requests', query],
    queryFn: ({ signal }) => api.get<Page<StampRequest>>('/stamp-requests', { query: { status: query.status, decidable: query.decidable, limit: 20, offset: (query.page - 1) * 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStampRequest(id: string) {
  // While stamps are being issued, the page follows the job's progress.
  return useQuery({ queryKey: ['stamps', 'request', id], queryFn: ({ signal }) => api.get<StampRequest>(`/stamp-requests/${id}`, { signal }), refetchInterval: (q) => (q.state.data?.status === 'issuing' ? 1500 : false) });
}

export const usePrintJobs = (id: string) => useQuery({ queryKey: ['stamps', 'request', id, 'print-jobs'], queryFn: ({ signal }) => api.get<{ items: PrintJob[] }>(`/stamp-requests/${id}/print-jobs`, { signal }) });

export function useStamps(query: { requestId?: string; status?: string; flagged?: boolean; page: number }) {
  return useQuery({
    queryKey: ['stamps', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Stamp>>('/stamps', { query: { requestId: query.requestId, status: query.status, flagged: query.flagged, limit: 50, offset: (query.page - 1) * 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useStock = () => useQuery({ queryKey: ['stamps', 'stock'], queryFn: ({ signal }) => api.get<{ items: { organizationId: string; counts: Record<StampStatus, number> }[] }>('/stamps/stock', { signal }) });
export const useScanStatistics = (serial: string) => useQuery({ queryKey: ['stamps', 'scans', serial], queryFn: ({ signal }) => api.get<ScanStatistics>(`/stamps/${encodeURIComponent(serial)}/scans`, { signal }) });

/** A write; afterwards every stamps query is fetched again. */
export function useStampsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

/**
 * A decision on a request. The answer is shown at once (after an approval: "issuing" and its progress, which
 * the page then follows) rather than after every stamps query is fetched again: on a busy server that refetch
 * can wait for the issuance job itself.
 */
export function useDecisionMutation<I>(fn: (input: I) => Promise<StampRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      queryClient.setQueryData(['stamps', 'request', r.id], r);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export const createRequest = (body: Record<string, unknown>) => api.post<StampRequest>('/stamp-requests', body);
export const approveRequest = (id: string) => api.post<StampRequest>(`/stamp-requests/${id}/approve`, {});
export const rejectRequest = (input: { id: string; reason: string }) => api.post<StampRequest>(`/stamp-requests/${input.id}/reject`, { reason: input.reason });
export const activate = (body: { lotId: string; serials?: string[]; range?: { requestId: string; from: number; to: number } }) => api.post<ChangeResult>('/stamps/activate', body);
export const voidStamp = (input: { serial: string; reason: string; status: 'void' | 'lost' }) => api.post<ChangeResult>(`/stamps/${encodeURIComponent(input.serial)}/void`, { reason: input.reason, status: input.status });

/** The URL of a print file (a plain link: the browser downloads it with the session cookie). */
export function labelsUrl(id: string, format: 'pdf' | 'zip', q: { from?: number; to?: number; reprint?: boolean; reason?: string; preset?: string }): string {
  return buildUrl(`/stamp-requests/${id}/labels.${format}`, q).replace(API_BASE, API_BASE);
}
