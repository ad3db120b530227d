import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CreatedUser, Items, OfficialRole, OrganizationRole, Sector, User, UserStatus } from '../../api/types.ts';

export interface NewPerson {
  email: string;
  fullName: string;
  phone?: string | null;
  /** Without a password, the server answers with a one-time set-up link. */
  password?: string;
  locale?: 'vi' | 'en';
}

export interface UserPatch {
  fullName?: string;
  phone?: string | null;
  role?: string;
  status?: Extract<UserStatus, 'active' | 'disabled'>;
  sector?: Sector | null;
  communeId?: number | null;
  departmentCode?: string | null;
  resetTotp?: boolean;
}

const keys = {
  org: (orgId: string) => ['users', 'organization', orgId] as const,
  officials: ['users', 'officials'] as const,
};

export function useOrganizationUsers(orgId: string) {
  return useQuery({ queryKey: keys.org(orgId), queryFn: ({ signal }) => api.get<Items<User>>(`/organizations/${orgId}/users`, { signal }).then((r) => r.items) });
}

export function useCreateOrganizationUser(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPerson & { role: OrganizationRole }) => api.post<CreatedUser>(`/organizations/${orgId}/users`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.org(orgId) }),
  });
}

export function useUpdateOrganizationUser(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: UserPatch }) => api.patch<User>(`/organizations/${orgId}/users/${userId}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.org(orgId) }),
  });
}

export function useOfficials() {
  return useQuery({ queryKey: keys.officials, queryFn: ({ signal }) => api.get<Items<User>>('/users', { signal }).then((r) => r.items) });
}

export function useCreateOfficial() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPerson & { role: OfficialRole; sector?: Sector | null; communeId?: number | null; departmentCode?: string | null }) =>
      api.post<CreatedUser>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.officials }),
  });
}

export function useUpdateOfficial() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: UserPatch }) => api.patch<User>(`/users/${userId}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.officials }),
  });
}
