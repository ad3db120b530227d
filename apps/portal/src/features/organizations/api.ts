import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Organization, OrganizationListQuery, Page } from '../../api/types.ts';

export type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (kind: 'registrations' | 'organizations', q: OrganizationListQuery) => ['organizations', kind, q] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
};

/** Registrations (the officials' queue) and organisations share one list shape and query. */
export function useOrganizationList(kind: 'registrations' | 'organizations', query: OrganizationListQuery) {
  return useQuery({
    queryKey: organizationKeys.list(kind, query),
    queryFn: ({ signal }) => api.get<Page<Organization>>(`/${kind}`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<Organization>(`/organizations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** approve | reject (registrations), suspend | reinstate (organisations); reject and suspend need a reason. */
export function useDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: Decision; reason?: string }) => {
      const base = decision === 'approve' || decision === 'reject' ? 'registrations' : 'organizations';
      return api.post<Organization>(`/${base}/${id}/${decision}`, reason ? { reason } : {});
    },
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.one(org.id), org);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Organization>) => api.patch<Organization>(`/organizations/${id}`, patch),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.one(org.id), org);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
