import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AppNotification, Items } from '../../api/types.ts';

export function useNotifications(unreadOnly: boolean, limit: number, poll = false) {
  return useQuery({
    queryKey: ['notifications', unreadOnly, limit],
    queryFn: ({ signal }) => api.get<Items<AppNotification> & { unreadCount: number }>('/notifications', { query: { unread: unreadOnly || undefined, limit }, signal }),
    ...(poll ? { refetchInterval: 60_000 } : {}),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => api.post<{ updated: number }>('/notifications/read', which),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** Notification links are absolute portal paths (/portal/registrations/…); the router wants them without the base. */
export function routerPath(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/portal/')) return link.slice('/portal'.length);
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}
