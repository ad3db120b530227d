// Resolves the actor of every API request: an API key (Authorization: Bearer txng_…) or a portal session cookie.
// Cookie-authenticated requests that change state must echo the session's CSRF token in X-CSRF-Token.
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../../platform/auth/actor.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { safeEqual } from '../../platform/security/crypto.ts';
import { SESSION_COOKIE, type AuthService } from './auth-service.ts';
import { IdentityErrors } from './messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's CSRF token when the request came with a valid session cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Public routes (pages, resolver, health) skip session and key lookup entirely. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean }): void {
  // Fastify 5 refuses object decorations shared by reference; every request gets its actor in the hook.
  app.decorateRequest('actor');
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const url = request.routeOptions.url;
    if (request.routeOptions.config?.public || url === '/metrics' || url === undefined) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+([A-Za-z0-9_-]+)$/.exec(header.trim());
      const actor = match ? await deps.auth.resolveApiKey(match[1]!) : undefined;
      if (!actor) throw new AppError('unauthorized', IdentityErrors.API_KEY_INVALID);
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await deps.auth.resolveSession(token);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: deps.secureCookies, sameSite: 'lax' });
      return;
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('forbidden', CommonErrors.CSRF_TOKEN_INVALID);
    }
  });
}
