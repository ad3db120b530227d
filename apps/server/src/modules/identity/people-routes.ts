// Officials (province administrator only), the audit log (scoped), and each user's notifications.
import type { FastifyInstance } from 'fastify';
import type { OfficialRole, Sector } from '../../platform/auth/actor.ts';
import { requireUser } from '../../platform/auth/guard.ts';
import { contextOf } from '../../platform/request-context.ts';
import type { AuditQuery, AuditService } from './audit-service.ts';
import { createdUserSchema, idParams, officialBody, userPatchBody, userSchema } from './http-schemas.ts';
import type { NotificationService } from './notifications-service.ts';
import { presentAuditEvent, presentNotification, presentUser } from './presenter.ts';
import type { NewOfficial, UserPatch, UserService } from './users-service.ts';

export async function peopleRoutes(app: FastifyInstance, deps: { users: UserService; audit: AuditService; notifications: NotificationService }): Promise<void> {
  const { users, audit, notifications } = deps;

  app.get<{ Querystring: { role?: OfficialRole; sector?: Sector; communeId?: number; q?: string } }>('/users', {
    schema: {
      tags: ['users'],
      summary: 'Officials (province administrator).',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          role: { type: 'string', enum: ['province_admin', 'sector_officer', 'commune_officer', 'inspector'] },
          sector: { type: 'string', enum: ['agriculture-environment', 'industry-trade', 'health'] },
          communeId: { type: 'integer', minimum: 1 },
          q: { type: 'string', maxLength: 200, description: 'Name or e-mail, diacritics ignored.' },
          lang: { type: 'string' },
        },
      },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: userSchema } } } },
    },
  }, async (request) => {
    requireUser(request, ['province_admin']);
    return { items: (await users.listOfficials(contextOf(request), request.query)).map(presentUser) };
  });

  app.post<{ Body: NewOfficial }>('/users', {
    schema: { tags: ['users'], summary: 'Create an official with a role and scope (province administrator).', body: officialBody, response: { 201: createdUserSchema } },
  }, async (request, reply) => {
    requireUser(request, ['province_admin']);
    const created = await users.createOfficial(contextOf(request), request.body);
    return reply.code(201).send({ user: presentUser(created.user), setupLink: created.setupLink });
  });

  app.patch<{ Params: { id: string }; Body: UserPatch & { resetTotp?: boolean } }>('/users/:id', {
    schema: { tags: ['users'], summary: 'Change an official\'s role, scope or status, or reset a lost second factor.', params: idParams, body: userPatchBody, response: { 200: userSchema } },
  }, async (request) => {
    requireUser(request, ['province_admin']);
    return presentUser(await users.updateOfficial(contextOf(request), request.params.id, request.body));
  });

  app.get<{ Querystring: Omit<AuditQuery, 'limit'> & { limit?: number } }>('/audit-events', {
    schema: {
      tags: ['audit'],
      summary: 'The audit log within the caller\'s scope, newest first; page with beforeId.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          action: { type: 'string', maxLength: 100 },
          actorId: { type: 'string', maxLength: 100 },
          organizationId: { type: 'string', format: 'uuid' },
          resourceType: { type: 'string', maxLength: 100 },
          resourceId: { type: 'string', maxLength: 200 },
          outcome: { type: 'string', enum: ['success', 'denied', 'failed'] },
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          beforeId: { type: 'integer', minimum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          lang: { type: 'string' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'integer' },
                  occurredAt: { type: 'string' },
                  actor: { type: 'object', additionalProperties: true },
                  action: { type: 'string' },
                  resource: { type: 'object', additionalProperties: true },
                  subject: { type: 'object', additionalProperties: true },
                  outcome: { type: 'string' },
                  requestId: { type: ['string', 'null'] },
                  before: {},
                  after: {},
                },
              },
            },
            nextBeforeId: { type: ['integer', 'null'] },
          },
        },
      },
    },
  }, async (request) => {
    const actor = requireUser(request, ['province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin']);
    const q = { ...request.query, limit: request.query.limit ?? 100 };
    const items = await audit.search(actor, q);
    return { items: items.map(presentAuditEvent), nextBeforeId: items.length === q.limit ? items[items.length - 1]!.id : null };
  });

  app.get<{ Querystring: { unread?: boolean; limit?: number } }>('/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'The signed-in user\'s notifications, newest first.',
      querystring: { type: 'object', additionalProperties: false, properties: { unread: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, lang: { type: 'string' } } },
      response: {
        200: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  kind: { type: 'string' },
                  text: { type: 'string' },
                  messages: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
                  link: { type: ['string', 'null'] },
                  read: { type: 'boolean' },
                  createdAt: { type: 'string' },
                },
              },
            },
            unreadCount: { type: 'integer' },
          },
        },
      },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const [rows, unreadCount] = await Promise.all([
      notifications.listForUser(actor.userId, request.query.unread ?? false, request.query.limit ?? 50),
      notifications.unreadCount(actor.userId),
    ]);
    return { items: rows.map((n) => presentNotification(n, request.lang)), unreadCount };
  });

  app.post<{ Body: { ids?: string[]; all?: boolean } }>('/notifications/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark notifications read (some by id, or all).',
      body: { type: 'object', additionalProperties: false, properties: { ids: { type: 'array', maxItems: 500, items: { type: 'string', format: 'uuid' } }, all: { type: 'boolean' } } },
      response: { 200: { type: 'object', properties: { updated: { type: 'integer' } } } },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const updated = await notifications.markRead(actor.userId, request.body.all ? 'all' : (request.body.ids ?? []));
    return { updated };
  });
}
