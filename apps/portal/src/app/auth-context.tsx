// The signed-in session: who the person is (GET /me), the CSRF token the API client sends, and what happens when
// the server says the session ended (401) or that an official must first enrol a second factor.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { api, onSessionEvent, setCsrfToken } from '../api/client.ts';
import { isProblemError } from '../api/problem.ts';
import { isOfficialRole, type Me } from '../api/types.ts';
import type { SessionInfo } from './navigation/types.ts';

export type AuthStatus = 'loading' | 'anonymous' | 'signed-in';

export interface AuthContextValue {
  readonly status: AuthStatus;
  readonly me: Me | null;
  readonly session: SessionInfo | null;
  /** After a successful POST /auth/login (or enrolment): keep the session and its CSRF token. */
  readonly signedIn: (me: Me) => void;
  readonly refresh: () => Promise<Me | null>;
  readonly signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Where a signed-in person lands: officials at the approval queue, businesses at their organisation. */
export function homePath(me: Me): string {
  if (me.mfaEnrolmentRequired) return '/enrol-totp';
  if (isOfficialRole(me.user.role)) return '/approvals';
  return me.user.organizationId ? `/organizations/${me.user.organizationId}` : '/account';
}

/** Only same-portal paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  const signedIn = useCallback((value: Me) => {
    setCsrfToken(value.csrfToken);
    setMe(value);
    setStatus('signed-in');
  }, []);

  const dropSession = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      const value = await api.get<Me>('/me', { anonymousOk: true });
      signedIn(value);
      return value;
    } catch (err) {
      if (isProblemError(err) && err.status === 401) {
        dropSession();
        return null;
      }
      // The server is unreachable: stay signed out, the sign-in page reports problems on its own.
      setStatus((s) => (s === 'loading' ? 'anonymous' : s));
      throw err;
    }
  }, [signedIn, dropSession]);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', undefined, { anonymousOk: true });
    } finally {
      dropSession();
      navigate('/sign-in', { replace: true });
    }
  }, [dropSession, navigate]);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  const path = location.pathname + location.search;
  useEffect(() => {
    onSessionEvent((event) => {
      if (event.kind === 'unauthenticated') {
        dropSession();
        navigate(`/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
      } else {
        setMe((m) => (m ? { ...m, mfaEnrolmentRequired: true } : m));
        navigate('/enrol-totp', { replace: true });
      }
    });
    return () => onSessionEvent(null);
  }, [dropSession, navigate, path]);

  const session = useMemo<SessionInfo | null>(() => (me ? { role: me.user.role, organizationId: me.user.organizationId } : null), [me]);
  const value = useMemo(() => ({ status, me, session, signedIn, refresh, signOut }), [status, me, session, signedIn, refresh, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in person, for screens that only render inside the shell. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
