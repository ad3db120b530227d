import type { FastifyInstance } from 'fastify';
import type { ApiPermission, OrganizationRole } from '../../platform/auth/actor.ts';
import { requireAuthenticated, requireUser } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import type { ApiKeyService } from './api-keys-service.ts';
import {
  apiKeyBody,
  apiKeySchema,
  createdUserSchema,
  idParams,
  organizationListQuery,
  organizationPatchBody,
  organizationSchema,
  organizationUserBody,
  pageOf,
  reasonBody,
  registrationBody,
  userPatchBody,
  userSchema,
} from './http-schemas.ts';
import type { OrganizationInput, OrganizationListQuery, OrganizationService, RegistrationInput } from './organizations-service.ts';
import { presentApiKey, presentOrganization, presentUser } from './presenter.ts';
import type { UserPatch, UserService } from './users-service.ts';

export interface OrganizationRouteDeps {
  readonly organizations: OrganizationService;
  readonly users: UserService;
  readonly apiKeys: ApiKeyService;
  readonly authRateLimit: number;
  readonly now: () => Date;
}

export async function organizationRoutes(app: FastifyInstance, deps: OrganizationRouteDeps): Promise<void> {
  const { organizations, users, apiKeys } = deps;

  // --- Registrations: an organisation and its first admin apply; officials decide. ---
  app.post<{ Body: RegistrationInput }>('/registrations', {
    config: { rateLimit: { max: deps.authRateLimit, timeWindow: 60_000 } },
    schema: {
      tags: ['registrations'],
      summary: 'Register an organisation and its first administrator (public). The application waits for approval.',
      body: registrationBody,
      response: { 201: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string' } } } },
    },
  }, async (request, reply) => {
    const org = await organizations.register(contextOf(request), request.body);
    return reply.code(201).header('location', `/api/v1/registrations/${org.id}`).send({ id: org.id, status: org.status });
  });

  app.get<{ Querystring: OrganizationListQuery }>('/registrations', {
    schema: { tags: ['registrations'], summary: 'Registrations in the official\'s scope (default: pending).', querystring: organizationListQuery, response: { 200: pageOf(organizationSchema) } },
  }, async (request) => {
    requireUser(request);
    const q = { ...request.query, status: request.query.status ?? 'pending' };
    const page = await organizations.list(contextOf(request), q, true);
    return { items: page.items.map(presentOrganization), total: page.total, limit: q.limit, offset: q.offset };
  });

  app.get<{ Params: { id: string } }>('/registrations/:id', {
    schema: { tags: ['registrations'], summary: 'One registration.', params: idParams, response: { 200: organizationSchema } },
  }, async (request) => {
    requireUser(request);
    return presentOrganization(await organizations.get(contextOf(request), request.params.id));
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string }; Body: { reason?: string } }>(`/registrations/:id/${decision}`, {
      schema: {
        tags: ['registrations'],
        summary: decision === 'approve' ? 'Approve a pending registration (province administrator or sector officer).' : 'Reject a pending registration with a reason.',
        params: idParams,
        ...(decision === 'reject' ? { body: reasonBody } : { body: { type: ['object', 'null'], additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } } }),
        response: { 200: organizationSchema },
      },
    }, async (request) => {
      requireUser(request);
      return presentOrganization(await organizations.decide(contextOf(request), request.params.id, decision, request.body?.reason));
    });
  }

  // --- Organisations ---
  app.get<{ Querystring: OrganizationListQuery }>('/organizations', {
    schema: { tags: ['organizations'], summary: 'Organisations in the caller\'s scope, filtered, sorted and searched without diacritics.', querystring: organizationListQuery, response: { 200: pageOf(organizationSchema) } },
  }, async (request) => {
    requireAuthenticated(request);
    const page = await organizations.list(contextOf(request), request.query);
    return { items: page.items.map(presentOrganization), total: page.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.get<{ Params: { id: string } }>('/organizations/:id', {
    schema: { tags: ['organizations'], summary: 'One organisation (404 outside the caller\'s scope).', params: idParams, response: { 200: organizationSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    return presentOrganization(await organizations.get(contextOf(request), request.params.id));
  });

  app.patch<{ Params: { id: string }; Body: Partial<OrganizationInput> }>('/organizations/:id', {
    schema: { tags: ['organizations'], summary: 'Edit an organisation: its admin edits contact and GS1 details; the province administrator edits all.', params: idParams, body: organizationPatchBody, response: { 200: organizationSchema } },
  }, async (request) => {
    requireUser(request);
    return presentOrganization(await organizations.update(contextOf(request), request.params.id, request.body));
  });

  for (const decision of ['suspend', 'reinstate'] as const) {
    app.post<{ Params: { id: string }; Body: { reason?: string } }>(`/organizations/:id/${decision}`, {
      schema: {
        tags: ['organizations'],
        summary: decision === 'suspend' ? 'Suspend an approved organisation with a reason: its users and keys stop working.' : 'Reinstate a suspended organisation.',
        params: idParams,
        ...(decision === 'suspend' ? { body: reasonBody } : { body: { type: ['object', 'null'], additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } } }),
        response: { 200: organizationSchema },
      },
    }, async (request) => {
      requireUser(request);
      return presentOrganization(await organizations.decide(contextOf(request), request.params.id, decision, request.body?.reason));
    });
  }

  // --- An organisation's users ---
  app.get<{ Params: { id: string } }>('/organizations/:id/users', {
    schema: { tags: ['users'], summary: 'Users of an organisation.', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: userSchema } } } } },
  }, async (request) => {
    requireUser(request);
    return { items: (await users.listOrganizationUsers(contextOf(request), request.params.id)).map(presentUser) };
  });

  app.post<{ Params: { id: string }; Body: { email: string; fullName: string; phone?: string | null; password?: string; role: OrganizationRole; locale?: 'vi' | 'en' } }>('/organizations/:id/users', {
    schema: {
      tags: ['users'],
      summary: 'Add a user to an organisation (its admins). Without a password, a one-time setup link is returned once and e-mailed.',
      params: idParams,
      body: organizationUserBody,
      response: { 201: createdUserSchema },
    },
  }, async (request, reply) => {
    requireUser(request);
    const created = await users.createOrganizationUser(contextOf(request), request.params.id, request.body);
    return reply.code(201).send({ user: presentUser(created.user), setupLink: created.setupLink });
  });

  app.patch<{ Params: { id: string; userId: string }; Body: UserPatch }>('/organizations/:id/users/:userId', {
    schema: {
      tags: ['users'],
      summary: 'Change a user\'s name, phone, role (admin/staff) or status (active/disabled).',
      params: { type: 'object', required: ['id', 'userId'], properties: { id: { type: 'string', format: 'uuid' }, userId: { type: 'string', format: 'uuid' } } },
      body: userPatchBody,
      response: { 200: userSchema },
    },
  }, async (request) => {
    requireUser(request);
    return presentUser(await users.updateOrganizationUser(contextOf(request), request.params.id, request.params.userId, request.body));
  });

  // --- API keys ---
  app.get<{ Params: { id: string } }>('/organizations/:id/api-keys', {
    schema: { tags: ['api-keys'], summary: 'An organisation\'s API keys (never the secrets).', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: apiKeySchema } } } } },
  }, async (request) => {
    requireUser(request);
    const now = deps.now();
    return { items: (await apiKeys.list(contextOf(request), request.params.id)).map((k) => presentApiKey(k, now)) };
  });

  app.post<{ Params: { id: string }; Body: { name: string; permissions: ApiPermission[]; expiresAt?: string | null } }>('/organizations/:id/api-keys', {
    schema: {
      tags: ['api-keys'],
      summary: 'Create an API key; the secret is in this response only. Send it as `Authorization: Bearer <key>`.',
      params: idParams,
      body: apiKeyBody,
      response: { 201: { type: 'object', properties: { key: apiKeySchema, secret: { type: 'string' } } } },
    },
  }, async (request, reply) => {
    requireUser(request);
    const { key, secret } = await apiKeys.create(contextOf(request), request.params.id, request.body);
    return reply.code(201).send({ key: presentApiKey(key, deps.now()), secret });
  });

  app.delete<{ Params: { id: string; keyId: string } }>('/organizations/:id/api-keys/:keyId', {
    schema: {
      tags: ['api-keys'],
      summary: 'Revoke an API key; it stops working at once.',
      params: { type: 'object', required: ['id', 'keyId'], properties: { id: { type: 'string', format: 'uuid' }, keyId: { type: 'string', format: 'uuid' } } },
      response: { 200: apiKeySchema },
    },
  }, async (request) => {
    requireUser(request);
    return presentApiKey(await apiKeys.revoke(contextOf(request), request.params.id, request.params.keyId), deps.now());
  });
}

