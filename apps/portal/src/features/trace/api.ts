// The trace API as the portal reads it (apps/server/src/modules/trace/http-schemas.ts, presenter.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client.ts';
import type { Bilingual } from '../../api/problem.ts';

export type TraceDirection = 'back' | 'forward' | 'both';
export type BalanceStatus = 'ok' | 'exceeds' | 'unknown';

export interface Quantity {
  readonly id: string;
  readonly quantity: number | null;
  readonly uom: string | null;
}

export interface MassBalance {
  readonly status: BalanceStatus;
  readonly transformations: readonly {
    eventIds: string[];
    time: string;
    organizationId: string;
    inputs: Quantity[];
    outputs: Quantity[];
    inputNeeded: number | null;
    inputGiven: number | null;
    dimension: string | null;
    tolerancePercent: number;
    status: BalanceStatus;
    reason: 'no_quantity' | 'unknown_unit' | 'mixed_units' | null;
  }[];
  readonly holdings: readonly { party: string; dimension: string | null; cameIn: number | null; wentOut: number | null; status: BalanceStatus }[];
}

export interface TraceNode {
  readonly id: string;
  readonly kind: string;
  readonly gtin: string | null;
  readonly lot: string | null;
  readonly serial: string | null;
  readonly sscc: string | null;
  readonly gln: string | null;
  readonly product: { id: string; nameVi: string; nameEn: string | null; unit: string } | null;
  readonly lotId: string | null;
  readonly depth: { back: number | null; forward: number | null };
  readonly side: 'origin' | 'back' | 'forward' | 'both';
  readonly containerOnly: boolean;
  readonly recordedBy: readonly string[];
  readonly eventCount: number;
  readonly massBalance: MassBalance | null;
}

export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'transformation' | 'contained_in' | 'contains';
  readonly eventId: string;
  readonly time: string;
  readonly quantity: number | null;
  readonly uom: string | null;
}

export interface Party {
  readonly key: string;
  readonly organizationId: string | null;
  readonly name: string;
  readonly gln: string | null;
  readonly uri: string | null;
  readonly registered: boolean;
}

export interface Movement {
  readonly eventId: string;
  readonly time: string;
  readonly bizStep: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly what: readonly Quantity[];
  readonly documents: readonly { type: string | null; id: string }[];
  readonly recordedBy: string;
}

export interface Truncation {
  readonly reason: 'depth' | 'size' | 'events' | 'start';
  readonly direction: string | null;
  readonly limit: number;
  readonly at: readonly string[];
  readonly count: number;
  readonly messages: Bilingual;
}

export interface TraceResult {
  readonly query: { input: string; id: string; kind: string; direction: TraceDirection; depth: number; limit: number };
  readonly origin: readonly string[];
  readonly truncated: boolean;
  readonly truncations: readonly Truncation[];
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
  readonly parties: readonly Party[];
  readonly movements: readonly Movement[];
  readonly events: readonly { eventId: string; bizStep: string | null; time: string }[];
  readonly cycles: readonly (readonly string[])[];
}

export interface TraceQuery {
  readonly id: string;
  readonly direction: TraceDirection;
  readonly depth: number;
}

/** The trace of one code; nothing is asked until a code is given. */
export function useTrace(q: TraceQuery) {
  return useQuery({
    queryKey: ['trace', q.id, q.direction, q.depth],
    enabled: q.id.trim() !== '',
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TraceResult>('/trace', { query: { id: q.id.trim(), direction: q.direction, depth: q.depth }, signal }),
  });
}

/** The trace as the screen shows it, as a spreadsheet (XLSX with every sheet, or the events as CSV). */
export const traceExportUrl = (q: TraceQuery, format: 'xlsx' | 'csv', lang: string) =>
  buildUrl('/trace/export', { id: q.id.trim(), direction: q.direction, depth: q.depth, format, lang });

/** The FDA FSMA 204 sortable spreadsheet of the lots in a trace (the server takes 200 lots at most). */
export const fsma204Url = (lots: readonly string[], lang: string) => buildUrl('/trace/fsma204', { lots: lots.slice(0, 200), format: 'xlsx', lang });
