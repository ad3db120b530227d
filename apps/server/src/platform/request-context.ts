// What a service needs to know about the request it serves, without importing anything HTTP.
import type { FastifyRequest } from 'fastify';
import type { Actor } from './auth/actor.ts';
import type { Lang } from './i18n/messages.ts';

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
  /** Keyed hash of the client address: links attempts from one client without keeping the address. */
  readonly clientHash: string | null;
  readonly lang: Lang;
}

declare module 'fastify' {
  interface FastifyRequest {
    clientHash: string;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: String(request.id), clientHash: request.clientHash, lang: request.lang };
}

export function systemContext(reason: string): RequestContext {
  return { actor: { type: 'system', reason }, requestId: `system:${reason}`, clientHash: null, lang: 'vi' };
}
