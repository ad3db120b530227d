// POST /diary (a step as a simple form, written as EPCIS events) and GET /lots/{id}/timeline.
import type { FastifyInstance } from 'fastify';
import { requireAuthenticated, requirePermission } from '../../../platform/auth/guard.ts';
import { translateBoth } from '../../../platform/i18n/messages.ts';
import { contextOf } from '../../../platform/request-context.ts';
import { idParams } from '../http-schemas.ts';
import { DIARY_KINDS, PROCESSING_METHODS } from './diary-kinds.ts';
import type { DiaryInput } from './diary-input.ts';
import type { DiaryService } from './diary-service.ts';
import { timelineOf } from './timeline.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const message = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;

const diaryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['lotId', 'kind', 'occurredAt'],
  properties: {
    lotId: uuid,
    kind: { type: 'string', enum: DIARY_KINDS },
    occurredAt: { type: 'string', maxLength: 40 },
    placeId: { type: ['string', 'null'], format: 'uuid' },
    input: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string', maxLength: 200 }, dose: { type: ['number', 'null'], minimum: 0 }, doseUnit: { type: ['string', 'null'], maxLength: 40 }, phiDays: { type: ['integer', 'null'], minimum: 0, maximum: 365 } },
    },
    quantity: { type: ['number', 'null'], minimum: 0, maximum: 1e12 },
    unit: { type: ['string', 'null'], maxLength: 40 },
    partner: { type: ['object', 'null'], additionalProperties: false, properties: { organizationId: { type: ['string', 'null'], format: 'uuid' }, name: { type: ['string', 'null'], maxLength: 300 } } },
    inputLots: { type: 'array', maxItems: 50, items: { type: 'object', additionalProperties: false, required: ['lotId'], properties: { lotId: uuid, quantity: { type: ['number', 'null'], minimum: 0 } } } },
    method: { type: ['string', 'null'], enum: [...PROCESSING_METHODS, null] },
    packageId: { type: ['string', 'null'], maxLength: 200 },
    notes: { type: ['string', 'null'], maxLength: 2000 },
  },
} as const;

const stepSchema = {
  type: 'object',
  properties: {
    id: uuid,
    lotId: uuid,
    kind: { type: 'string' },
    occurredAt: { type: 'string' },
    eventIds: { type: 'array', items: { type: 'string' } },
    warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, messages: message } } },
  },
} as const;

const timelineSchema = {
  type: 'object',
  properties: {
    lot: { type: 'object', properties: { id: uuid, lotCode: { type: 'string' }, productId: uuid, productName: { type: 'string' } } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kind: { type: 'string' },
          lotId: { type: 'string' },
          occurredAt: { type: 'string' },
          title: message,
          who: { type: 'object', properties: { recordedBy: { type: ['string', 'null'] }, organizationId: { type: 'string' } } },
          what: message,
          where: { type: ['object', 'null'], properties: { placeId: { type: ['string', 'null'] }, placeName: { type: ['string', 'null'] }, placeVersion: { type: ['integer', 'null'] }, communeId: { type: ['integer', 'null'] } } },
          why: message,
          productVersion: { type: 'integer' },
          warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, messages: message } } },
          eventIds: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    inputs: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export async function diaryRoutes(app: FastifyInstance, deps: { diary: DiaryService }): Promise<void> {
  const { diary } = deps;
  app.post<{ Body: DiaryInput }>('/diary', {
    schema: {
      tags: ['catalog: diary'],
      summary: 'Record a farm-diary or production step for a lot (planting, fertilising, spraying, irrigation, harvesting, sorting, processing, packing, shipping, receiving, selling). It is written as an EPCIS 2.0 event; a harvest inside a pre-harvest interval is recorded with a warning.',
      body: diaryBody,
      response: { 201: stepSchema },
    },
  }, async (request, reply) => {
    requirePermission(request, 'catalog:write');
    const { step, warnings } = await diary.record(contextOf(request), request.body);
    return reply.code(201).send({ id: step.id, lotId: step.lotId, kind: step.kind, occurredAt: step.occurredAt.toISOString(), eventIds: step.eventIds, warnings: warnings.map((w) => ({ code: w.code, messages: translateBoth(w.code, w.params) })) });
  });

  app.get<{ Params: { id: string } }>('/lots/:id/timeline', {
    schema: { tags: ['catalog: diary'], summary: 'Every step of a lot — who, what, when, where, why — in plain Vietnamese and English; input lots of processing steps one step back.', params: idParams, response: { 200: timelineSchema } },
  }, async (request) => {
    requireAuthenticated(request);
    const { lot, product, steps, places, inputSteps } = await diary.stepsOf(contextOf(request), request.params.id);
    const byInput = new Map<string, typeof inputSteps>();
    for (const s of inputSteps) byInput.set(s.lotId, [...(byInput.get(s.lotId) ?? []), s]);
    return {
      lot: { id: lot.id, lotCode: lot.lotCode, productId: product.id, productName: product.nameVi },
      items: timelineOf(lot, product, steps, places),
      inputs: [...byInput.entries()].map(([lotId, s]) => ({ lotId, steps: s.map((x) => ({ id: x.id, kind: x.kind, occurredAt: x.occurredAt.toISOString() })) })),
    };
  });
}
