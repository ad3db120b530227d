// The recall API as the portal reads it (apps/server/src/modules/recall/http-schemas.ts, presenter.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client.ts';
import type { Bilingual } from '../../api/problem.ts';

export type Severity = 'class_1' | 'class_2' | 'class_3';
export const SEVERITIES: readonly Severity[] = ['class_1', 'class_2', 'class_3'];
export type HolderStatus = 'notified' | 'unreachable' | 'acknowledged' | 'completed';
export type HolderAction = 'acknowledged' | 'returned' | 'destroyed' | 'completed' | 'note';
/** UN/CEFACT Rec. 20 units the server takes for returned and destroyed quantities. */
export const UNITS = ['KGM', 'GRM', 'TNE', 'LTR', 'MLT', 'H87'] as const;

export interface RecallSummary {
  readonly id: string;
  readonly number: string;
  readonly status: 'open' | 'closed';
  readonly severity: Severity;
  readonly severityLabel: Bilingual;
  readonly reason: string;
  readonly instructions: string | null;
  readonly contact: string | null;
  readonly organizationId: string;
  readonly openerKind: 'official' | 'producer';
  readonly openedByLabel: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly criteria: { ids?: string[]; productId?: string; from?: string | null; to?: string | null };
  readonly targets: readonly string[];
  readonly truncated: boolean;
}

export interface Holder {
  readonly key: string;
  readonly visible: boolean;
  readonly organizationId: string | null;
  readonly name: string | null;
  readonly contact: { address: string | null; phone: string | null; email: string | null; representative: string | null; gln: string | null; uri: string | null } | null;
  readonly communeId: number | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly registered: boolean;
  readonly direct: boolean;
  readonly suppliedBy: readonly string[];
  readonly amounts: readonly { id: string; container: boolean; dimension: string | null; received: number | null; passedOn: number | null; held: number | null }[];
  readonly held: Readonly<Record<string, number>>;
  readonly returned: Readonly<Record<string, number>>;
  readonly destroyed: Readonly<Record<string, number>>;
  readonly status: HolderStatus;
  readonly notifiedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly firstReceivedAt: string | null;
  readonly canAct: boolean;
}

export interface RecallReport {
  readonly affected: number;
  readonly holders: number;
  readonly registeredHolders: number;
  readonly unreachable: number;
  readonly acknowledged: number;
  readonly completed: number;
  readonly truncated: boolean;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly hoursOpen: number;
  readonly quantities: Readonly<Record<string, { held: number; returned: number; destroyed: number }>>;
}

export interface Recall extends RecallSummary {
  readonly closingNote: string | null;
  readonly closedByLabel: string | null;
  readonly scopeComputedAt: string;
  readonly truncations: readonly { reason: string; direction: string | null; limit: number; at: string[]; count: number; messages: Bilingual }[];
  readonly report: RecallReport | null;
  readonly affectedCount: number;
  readonly summary: { holders: number; direct: number; notified: number; unreachable: number; acknowledged: number; completed: number };
  readonly holders: readonly Holder[];
  readonly actions: readonly { id: number; holderKey: string; action: HolderAction; quantity: number | null; uom: string | null; note: string | null; recordedByLabel: string | null; recordedAt: string }[];
  readonly canClose: boolean;
}

export interface OpenRecallInput {
  readonly targets: { ids?: string[]; productId?: string; from?: string | null; to?: string | null };
  readonly reason: string;
  readonly severity: Severity;
  readonly instructions?: string | null;
  readonly contact?: string | null;
}

export interface ActionInput {
  readonly holder: string;
  readonly action: HolderAction;
  readonly quantity?: number | null;
  readonly uom?: string | null;
  readonly note?: string | null;
}

export function useRecalls(status?: 'open' | 'closed') {
  return useQuery({ queryKey: ['recalls', 'list', status], queryFn: ({ signal }) => api.get<{ items: RecallSummary[]; total: number }>('/recalls', { query: { status, limit: 200 }, signal }) });
}

export function useRecall(id: string) {
  return useQuery({ queryKey: ['recalls', 'one', id], queryFn: ({ signal }) => api.get<Recall>(`/recalls/${id}`, { signal }) });
}

/** Every change answers the whole recall again: it replaces the cached one, and the list is read again. */
function useRecallChange<V>(call: (v: V) => Promise<Recall>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (r) => {
      client.setQueryData(['recalls', 'one', r.id], r);
      void client.invalidateQueries({ queryKey: ['recalls', 'list'] });
    },
  });
}

export const useOpenRecall = () => useRecallChange((v: OpenRecallInput) => api.post<Recall>('/recalls', v));
export const useRecallAction = (id: string) => useRecallChange((v: ActionInput) => api.post<Recall>(`/recalls/${id}/actions`, v));
export const useRefreshScope = (id: string) => useRecallChange(() => api.post<Recall>(`/recalls/${id}/refresh`));
export const useCloseRecall = (id: string) => useRecallChange((note: string | null) => api.post<Recall>(`/recalls/${id}/close`, { note }));

export const scopeUrl = (id: string, format: 'xlsx' | 'csv', lang: string) => buildUrl(`/recalls/${id}/scope`, { format, lang });
/** The printed notice is public (it is meant to be posted): a plain link opens it. */
export const noticeUrl = (number: string) => buildUrl(`/recalls/notices/${number}`);
