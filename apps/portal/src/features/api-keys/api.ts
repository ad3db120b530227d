import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiKey, ApiPermission, CreatedApiKey, Items } from '../../api/types.ts';

const key = (orgId: string) => ['api-keys', orgId] as const;

export function useApiKeys(orgId: string) {
  return useQuery({ queryKey: key(orgId), queryFn: ({ signal }) => api.get<Items<ApiKey>>(`/organizations/${orgId}/api-keys`, { signal }).then((r) => r.items) });
}

export function useCreateApiKey(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; permissions: ApiPermission[]; expiresAt: string | null }) => api.post<CreatedApiKey>(`/organizations/${orgId}/api-keys`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }),
  });
}

export function useRevokeApiKey(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => api.delete<ApiKey>(`/organizations/${orgId}/api-keys/${keyId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }),
  });
}
