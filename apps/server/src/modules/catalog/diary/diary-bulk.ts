// Many diary steps at once (spreadsheet imports): the rows' lots, places and earlier steps are loaded once, the
// EPCIS events captured 500 a call and the steps inserted 500 a statement, all inside the import's transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { actorLabel, type OrganizationFacts } from '../deps.ts';
import { lotEpcClass, placeEpcisUri } from '../lot-identifiers.ts';
import type { DiaryWarning } from '../model.ts';
import { diarySteps, lots, places, products } from '../tables.ts';
import { eventForStep } from './diary-events.ts';
import { DiaryErrors, phiViolations, type DiaryInput } from './diary-input.ts';
import type { DiaryEventSink } from './diary-service.ts';

const CHUNK = 500;

export async function writeDiarySteps(tx: Orm, ctx: RequestContext, org: OrganizationFacts, inputs: readonly DiaryInput[], events: DiaryEventSink, now: Date, publicBaseUrl: string): Promise<string[]> {
  const lotIds = [...new Set(inputs.flatMap((i) => [i.lotId, ...(i.inputLots ?? []).map((l) => l.lotId)]))];
  const lotRows = lotIds.length
    ? await tx.select({ lot: lots, gtin: products.gtin, productVersion: products.version, productName: products.nameVi }).from(lots).innerJoin(products, eq(products.id, lots.productId)).where(and(inArray(lots.id, lotIds), eq(lots.organizationId, org.id)))
    : [];
  const lotOf = new Map(lotRows.map((r) => [r.lot.id, r]));
  const placeIds = [...new Set(inputs.map((i) => i.placeId).filter((x): x is string => Boolean(x)))];
  const placeRows = placeIds.length ? await tx.select().from(places).where(inArray(places.id, placeIds)) : [];
  const placeOf = new Map(placeRows.map((p) => [p.id, p]));
  const earlierSprays = lotIds.length ? await tx.select().from(diarySteps).where(and(inArray(diarySteps.lotId, lotIds), eq(diarySteps.kind, 'spraying'))) : [];
  const sprays = new Map<string, { occurredAt: Date; product: string; phiDays: number | null }[]>();
  for (const s of earlierSprays) sprays.set(s.lotId, [...(sprays.get(s.lotId) ?? []), { occurredAt: s.occurredAt, product: String(s.details.inputName ?? ''), phiDays: (s.details.phiDays as number | null) ?? null }]);

  const orgUri = `${publicBaseUrl}/id/organization/${org.id}`;
  const prepared = inputs.map((input) => {
    const target = lotOf.get(input.lotId)!;
    const place = input.placeId ? placeOf.get(input.placeId) : undefined;
    const occurredAt = new Date(input.occurredAt);
    const partnerName = input.partner?.name?.trim() || null;
    if (input.kind === 'spraying') sprays.set(input.lotId, [...(sprays.get(input.lotId) ?? []), { occurredAt, product: input.input?.name ?? '', phiDays: input.input?.phiDays ?? null }]);
    const warnings: DiaryWarning[] = input.kind === 'harvesting' ? phiViolations(occurredAt, sprays.get(input.lotId) ?? []).map((v) => ({ code: DiaryErrors.PHI_WARNING, params: v })) : [];
    const inputLots = (input.inputLots ?? []).map((l) => ({ ...l, row: lotOf.get(l.lotId)! }));
    const event = eventForStep({
      kind: input.kind,
      occurredAt,
      lot: { epcClass: lotEpcClass(target.gtin, target.lot.lotCode, target.lot.id, publicBaseUrl), quantity: input.quantity ?? null, unit: input.unit ?? target.lot.unit },
      productVersion: target.productVersion,
      place: place ? { id: place.id, uri: placeEpcisUri(place, publicBaseUrl), version: place.version } : null,
      organizationUri: orgUri,
      partnerUri: partnerName ? `${publicBaseUrl}/id/party/${encodeURIComponent(partnerName.toLowerCase().replace(/\s+/g, '-'))}` : null,
      partnerName,
      inputLots: inputLots.map((l) => ({ epcClass: lotEpcClass(l.row.gtin, l.row.lot.lotCode, l.row.lot.id, publicBaseUrl), quantity: l.quantity ?? null, unit: l.row.lot.unit })),
      packageUri: input.kind === 'packing' ? (input.packageId && /^\d{18}$/.test(input.packageId) ? `https://id.gs1.org/00/${input.packageId}` : `${publicBaseUrl}/id/package/${target.lot.id}-${occurredAt.getTime()}`) : null,
      input: input.input ?? null,
      method: input.method ?? null,
      notes: input.notes ?? null,
    });
    const details = {
      inputName: input.input?.name ?? null,
      dose: input.input?.dose ?? null,
      doseUnit: input.input?.doseUnit ?? null,
      phiDays: input.input?.phiDays ?? null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? target.lot.unit,
      partnerName,
      partnerOrganizationId: null,
      inputLots: inputLots.map((l) => ({ lotId: l.lotId, lotCode: l.row.lot.lotCode, productName: l.row.productName, quantity: l.quantity ?? null })),
      method: input.method ?? null,
      packageUri: null,
      notes: input.notes?.trim() || null,
    };
    return { input, target, place, occurredAt, event, details, warnings };
  });

  const ids: string[] = [];
  for (let i = 0; i < prepared.length; i += CHUNK) {
    const chunk = prepared.slice(i, i + CHUNK);
    const captured = await events.captureEvents(tx, ctx, chunk.map((p) => p.event), { organizationId: org.id });
    const inserted = await tx
      .insert(diarySteps)
      .values(
        chunk.map((p, j) => ({
          organizationId: org.id,
          orgCommuneId: org.communeId,
          orgSectors: [...org.sectors],
          lotId: p.target.lot.id,
          kind: p.input.kind,
          occurredAt: p.occurredAt,
          placeId: p.place?.id ?? null,
          placeVersion: p.place?.version ?? null,
          productVersion: p.target.productVersion,
          details: p.details,
          warnings: p.warnings,
          eventIds: [captured[j]!.eventId],
          recordedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
          recordedByLabel: actorLabel(ctx.actor),
          createdAt: now,
        })),
      )
      .returning({ id: diarySteps.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
