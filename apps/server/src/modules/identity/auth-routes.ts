import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOfficialRole, type UserActor } from '../../platform/auth/actor.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { SESSION_COOKIE, type AuthService } from './auth-service.ts';
import { organizationSchema, userSchema } from './http-schemas.ts';
import type { OrganizationService } from './organizations-service.ts';
import { presentOrganization, presentUser } from './presenter.ts';
import type { UserService } from './users-service.ts';

export interface AuthRouteDeps {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly organizations: OrganizationService;
  readonly secureCookies: boolean;
  readonly authRateLimit: number;
}

/** A signed-in person, whether or not the second factor is done yet (for enrolment and /me). */
function signedIn(request: FastifyRequest): UserActor {
  if (request.actor.type !== 'user') throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
  return request.actor;
}

const meSchema = {
  type: 'object',
  properties: {
    user: userSchema,
    organization: { anyOf: [organizationSchema, { type: 'null' }] },
    csrfToken: { type: 'string' },
    mfaEnrolmentRequired: { type: 'boolean' },
  },
} as const;

export async function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  const { auth, users, organizations } = deps;
  const tags = ['auth'];
  const limited = { rateLimit: { max: deps.authRateLimit, timeWindow: 60_000 } };
  const cookieOptions = { path: '/', httpOnly: true, secure: deps.secureCookies, sameSite: 'lax' as const };

  app.post<{ Body: { email: string; password: string; totp?: string } }>('/auth/login', {
    config: limited,
    schema: {
      tags,
      summary: 'Sign in with e-mail, password and (when enrolled) a TOTP code; sets the session cookie.',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['email', 'password'],
        properties: {
          email: { type: 'string', minLength: 1, maxLength: 254 },
          password: { type: 'string', minLength: 1, maxLength: 256 },
          totp: { type: 'string', maxLength: 10 },
        },
      },
      response: { 200: meSchema },
    },
  }, async (request, reply) => {
    const body = request.body;
    const result = await auth.login(contextOf(request), { ...body, ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}) });
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
    const org = result.user.organizationId ? await organizations.findById(result.user.organizationId) : undefined;
    return {
      user: presentUser(result.user),
      organization: org ? presentOrganization(org) : null,
      csrfToken: result.csrfToken,
      mfaEnrolmentRequired: result.mfaEnrolmentRequired,
    };
  });

  app.post('/auth/logout', { schema: { tags, summary: 'End the current session.', response: { 204: { type: 'null' } } } }, async (request, reply) => {
    await auth.logout(contextOf(request), signedIn(request));
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send();
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in user, their organisation and the CSRF token for this session.', response: { 200: meSchema } } }, async (request) => {
    const actor = signedIn(request);
    const user = await users.get(actor.userId);
    if (!user) throw new AppError('unauthorized', CommonErrors.UNAUTHENTICATED);
    const org = user.organizationId ? await organizations.findById(user.organizationId) : undefined;
    return {
      user: presentUser(user),
      organization: org ? presentOrganization(org) : null,
      csrfToken: request.csrfToken ?? '',
      mfaEnrolmentRequired: !actor.mfaSatisfied && isOfficialRole(actor.role),
    };
  });

  app.post('/auth/totp/setup', {
    schema: {
      tags,
      summary: 'Start second-factor enrolment: returns a new secret and its otpauth:// URI for an authenticator app.',
      response: { 200: { type: 'object', properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' } } } },
    },
  }, async (request) => auth.totpSetup(contextOf(request), signedIn(request)));

  app.post<{ Body: { code: string } }>('/auth/totp/verify', {
    config: limited,
    schema: {
      tags,
      summary: 'Finish enrolment with a code from the new secret.',
      body: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', pattern: '^\\d{6}$' } } },
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    await auth.totpVerify(contextOf(request), signedIn(request), request.body.code);
    return reply.code(204).send();
  });

  app.post<{ Body: { password: string; code: string } }>('/auth/totp/disable', {
    config: limited,
    schema: {
      tags,
      summary: 'Turn the second factor off (businesses only).',
      body: { type: 'object', additionalProperties: false, required: ['password', 'code'], properties: { password: { type: 'string', maxLength: 256 }, code: { type: 'string', pattern: '^\\d{6}$' } } },
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    const actor = signedIn(request);
    if (!actor.mfaSatisfied) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
    await auth.totpDisable(contextOf(request), actor, request.body.password, request.body.code);
    return reply.code(204).send();
  });

  app.post<{ Body: { email: string } }>('/auth/password-reset/request', {
    config: limited,
    schema: {
      tags,
      summary: 'E-mail a one-time password link (answers 202 whether or not the address has an account).',
      body: { type: 'object', additionalProperties: false, required: ['email'], properties: { email: { type: 'string', minLength: 3, maxLength: 254 } } },
      response: { 202: { type: 'null' } },
    },
  }, async (request, reply) => {
    await auth.requestPasswordReset(contextOf(request), request.body.email);
    return reply.code(202).send();
  });

  app.post<{ Body: { token: string; password: string } }>('/auth/password-reset/confirm', {
    config: limited,
    schema: {
      tags,
      summary: 'Choose a new password with a one-time token (from a reset or account-setup link).',
      body: { type: 'object', additionalProperties: false, required: ['token', 'password'], properties: { token: { type: 'string', minLength: 20, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 256 } } },
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    await auth.confirmPasswordReset(contextOf(request), request.body.token, request.body.password);
    return reply.code(204).send();
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/auth/password/change', {
    config: limited,
    schema: {
      tags,
      summary: 'Change the signed-in user\'s password; other sessions end.',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['currentPassword', 'newPassword'],
        properties: { currentPassword: { type: 'string', maxLength: 256 }, newPassword: { type: 'string', minLength: 1, maxLength: 256 } },
      },
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    const actor = signedIn(request);
    if (!actor.mfaSatisfied) throw new AppError('forbidden', CommonErrors.FORBIDDEN);
    await auth.changePassword(contextOf(request), actor, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });
}
