// Route-level guards: the coarse "who may call this at all" checks; fine-grained checks live in each module's
// policy. Every guard denies unless its condition holds.
import type { FastifyRequest } from 'fastify';
import { AppError, CommonErrors } from '../errors.ts';
import { defineMessages } from '../i18n/messages.ts';
import type { Actor, ApiKeyActor, ApiPermission, Role, UserActor } from './actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const GuardErrors = defineMessages({
  MFA_ENROLMENT_REQUIRED: {
    vi: 'Cán bộ quản lý phải bật xác thực hai lớp trước khi sử dụng hệ thống. Hãy thiết lập ứng dụng xác thực.',
    en: 'Officials must set up two-factor authentication before using the system. Set up an authenticator app.',
  },
  API_KEY_PERMISSION_MISSING: {
    vi: 'Khoá API không có quyền {permission}.',
    en: 'The API key lacks the {permission} permission.',
  },
  API_KEY_NOT_ALLOWED: {
    vi: 'Thao tác này chỉ thực hiện được khi đăng nhập, không dùng khoá API.',
    en: 'This action needs a signed-in user; API keys cannot do it.',
  },
});

export function requireAuthenticated(request: FastifyRequest): UserActor | ApiKeyActor {
  const actor = request.actor;
  if (actor.type === 'user') {
    if (!actor.mfaSatisfied) throw new AppError('forbidden', GuardErrors.MFA_ENROLMENT_REQUIRED);
    return actor;
  }
  if (actor.type === 'api_key') return actor;
  throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
}

/** A signed-in person (not an API key), optionally with one of the given roles. */
export function requireUser(request: FastifyRequest, roles?: readonly Role[]): UserActor {
  const actor = request.actor;
  if (actor.type === 'api_key') throw new AppError('forbidden', GuardErrors.API_KEY_NOT_ALLOWED);
  if (actor.type !== 'user') throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
  if (!actor.mfaSatisfied) throw new AppError('forbidden', GuardErrors.MFA_ENROLMENT_REQUIRED);
  if (roles && !roles.includes(actor.role)) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
  return actor;
}

/** A user, or an API key holding `permission`. */
export function requirePermission(request: FastifyRequest, permission: ApiPermission): UserActor | ApiKeyActor {
  const actor = requireAuthenticated(request);
  if (actor.type === 'api_key' && !actor.permissions.includes(permission)) {
    throw new AppError('forbidden', GuardErrors.API_KEY_PERMISSION_MISSING, { permission });
  }
  return actor;
}
