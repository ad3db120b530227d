import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AuditOutcome, AuditPage } from '../../api/types.ts';

export interface AuditFilters {
  action?: string;
  outcome?: AuditOutcome;
  organizationId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, paged backwards with `beforeId` (a cursor, so new events never shift pages). */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/audit-events', { query: { ...filters, limit: AUDIT_PAGE_SIZE, beforeId: pageParam }, signal }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}

/** Actions the identity module records (apps/server/src/modules/identity/*-service.ts); other modules add theirs. */
export const KNOWN_ACTIONS = [
  'organization.register',
  'organization.approve',
  'organization.reject',
  'organization.suspend',
  'organization.reinstate',
  'organization.update',
  'user.create',
  'user.update',
  'api_key.create',
  'api_key.revoke',
  'auth.login',
  'auth.logout',
  'auth.totp.setup',
  'auth.totp.enable',
  'auth.totp.disable',
  'auth.password.change',
  'auth.password.reset_request',
  'auth.password.reset',
  'auth.password.setup',
  'auth.password.set',
  'geo.unit.update',
] as const;
