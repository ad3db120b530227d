import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type ReportStatus = 'new' | 'in_progress' | 'closed';

export interface Report {
  id: string;
  number: number;
  category: 'fake_stamp' | 'wrong_info' | 'quality' | 'expired' | 'other';
  message: string;
  contact: string | null;
  photoUrl: string | null;
  ref: string;
  context: { productName?: string | null; stampCode?: string | null; stampStatus?: string | null; lotCode?: string | null; organizationName?: string | null; scanCount?: number | null };
  status: ReportStatus;
  note: string | null;
  createdAt: string;
}

/** Consumers' reports in the caller's scope, newest first. */
export function useReports(status?: ReportStatus) {
  return useQuery({ queryKey: ['reports', status], queryFn: ({ signal }) => api.get<{ items: Report[]; total: number }>('/reports', { query: { status, limit: 100 }, signal }) });
}

export function useUpdateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; status: ReportStatus }) => api.patch<Report>(`/reports/${v.id}`, { status: v.status }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
}
