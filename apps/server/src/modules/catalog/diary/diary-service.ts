// The farm diary: a step entered in a simple form becomes an EPCIS 2.0 event, captured through the epcis module
// in the same transaction as the step's own row and audit record, so both exist or neither does.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EpcisEvent } from '@txng/epcis';
import type { Orm } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { foldForSearch } from '../../../platform/text/fold.ts';
import { actorLabel, type CatalogDeps, type OrganizationFacts } from '../deps.ts';
import { lotEpcClass, placeEpcisUri } from '../lot-identifiers.ts';
import { canReadRecord, writingOrganization } from '../policy.ts';
import { invalidFields, requireOrganization } from '../products-service.ts';
import { diarySteps, lots, places, products, type DiaryStepRow, type LotRow, type PlaceRow, type ProductRow } from '../tables.ts';
import { eventForStep } from './diary-events.ts';
import { DiaryErrors, diaryFieldProblems, phiViolations, type DiaryInput } from './diary-input.ts';
import { DiaryMessages } from './diary-messages.ts';
import type { DiaryWarning } from '../model.ts';

/** What the diary needs of the epcis module (its EventsService satisfies it). */
/** Events checked by the epcis module and not yet stored (its CheckedEvents). */
export interface CheckedCapture {
  readonly items: readonly unknown[];
}

export interface DiaryEventSink {
  captureEvents(tx: Orm, ctx: RequestContext, events: readonly EpcisEvent[], options?: { organizationId?: string }): Promise<readonly { eventId: string }[]>;
  /**
   * captureEvents in two halves (checks and hashes, then the writes), so that an import checks one chunk while the
   * previous one is written; what checkEvents returns is only ever handed back to storeCheckedEvents.
   */
  checkEvents?(ctx: RequestContext, events: readonly EpcisEvent[], options?: { organizationId?: string }): Promise<CheckedCapture>;
  storeCheckedEvents?(tx: Orm, ctx: RequestContext, checked: CheckedCapture): Promise<readonly { eventId: string }[]>;
}

export interface RecordedStep {
  readonly step: DiaryStepRow;
  readonly warnings: DiaryWarning[];
}

export function createDiaryService(deps: CatalogDeps & { events?: DiaryEventSink | undefined }) {
  const { db, clock, audit, publicBaseUrl } = deps;
  const subject = (r: { organizationId: string; orgCommuneId: number; orgSectors: string[] }) => ({ organizationId: r.organizationId, communeId: r.orgCommuneId, sectors: r.orgSectors });

  const placeUri = (p: PlaceRow) => placeEpcisUri(p, publicBaseUrl);
  const orgUri = (id: string) => `${publicBaseUrl}/id/organization/${id}`;

  async function ownLot(tx: Orm, organizationId: string, lotId: string): Promise<{ lot: LotRow; product: ProductRow } | undefined> {
    const [row] = await tx.select({ lot: lots, product: products }).from(lots).innerJoin(products, eq(products.id, lots.productId)).where(and(eq(lots.id, lotId), eq(lots.organizationId, organizationId)));
    return row;
  }

  /** Checks and writes one step inside `tx` (forms, API and spreadsheet rows all come here). */
  async function recordWithin(tx: Orm, ctx: RequestContext, org: OrganizationFacts, input: DiaryInput): Promise<RecordedStep> {
    if (!deps.events) throw new AppError('unavailable', DiaryMessages.CATALOG_DIARY_UNAVAILABLE);
    const { problems, occurredAt } = diaryFieldProblems(input, clock.now());
    const target = await ownLot(tx, org.id, input.lotId);
    if (!target) problems.push({ pointer: '/lotId', code: DiaryErrors.LOT_UNKNOWN });
    let place: PlaceRow | undefined;
    if (input.placeId) {
      [place] = await tx.select().from(places).where(and(eq(places.id, input.placeId), eq(places.organizationId, org.id)));
      if (!place) problems.push({ pointer: '/placeId', code: 'CATALOG_ORIGIN_PLACE_UNKNOWN' });
    }
    const inputs: { lot: LotRow; product: ProductRow; quantity: number | null }[] = [];
    for (const [i, l] of (input.inputLots ?? []).entries()) {
      const found = await ownLot(tx, org.id, l.lotId);
      if (!found) problems.push({ pointer: `/inputLots/${i}/lotId`, code: DiaryErrors.LOT_UNKNOWN });
      else inputs.push({ ...found, quantity: l.quantity ?? null });
    }
    let partnerName = input.partner?.name?.trim() || null;
    let partnerUri: string | null = null;
    if (input.partner?.organizationId) {
      const partner = await deps.organizations.findById(input.partner.organizationId);
      if (!partner) problems.push({ pointer: '/partner/organizationId', code: DiaryErrors.PARTNER_UNKNOWN });
      else {
        partnerName = partner.name;
        partnerUri = orgUri(partner.id);
      }
    } else if (partnerName) {
      partnerUri = `${publicBaseUrl}/id/party/${encodeURIComponent(foldForSearch(partnerName).replace(/ /g, '-'))}`;
    }
    const earlier = target ? await tx.select().from(diarySteps).where(eq(diarySteps.lotId, target.lot.id)).orderBy(asc(diarySteps.occurredAt)) : [];
    const planting = earlier.find((s) => s.kind === 'planting');
    if (occurredAt && planting && input.kind !== 'planting' && occurredAt < planting.occurredAt) {
      problems.push({ pointer: '/occurredAt', code: DiaryErrors.BEFORE_PLANTING, params: { planting: planting.occurredAt.toISOString().slice(0, 10) } });
    }
    if (problems.length) throw invalidFields(problems);
    const { lot, product } = target!;

    const warnings: DiaryWarning[] =
      input.kind === 'harvesting'
        ? phiViolations(
            occurredAt!,
            earlier.filter((s) => s.kind === 'spraying').map((s) => ({ occurredAt: s.occurredAt, product: String(s.details.inputName ?? ''), phiDays: (s.details.phiDays as number | null) ?? null })),
          ).map((v) => ({ code: DiaryErrors.PHI_WARNING, params: v }))
        : [];
    const sscc = input.packageId?.replace(/\s/g, '');
    const packageUri = input.kind === 'packing' ? (sscc ? (/^\d{18}$/.test(sscc) ? `https://id.gs1.org/00/${sscc}` : sscc) : `${publicBaseUrl}/id/package/${randomUUID()}`) : null;
    const event = eventForStep({
      kind: input.kind,
      occurredAt: occurredAt!,
      lot: { epcClass: lotEpcClass(product.gtin, lot.lotCode, lot.id, publicBaseUrl), quantity: input.quantity ?? null, unit: input.unit ?? lot.unit },
      productVersion: product.version,
      place: place ? { id: place.id, uri: placeUri(place), version: place.version } : null,
      organizationUri: orgUri(org.id),
      partnerUri,
      partnerName,
      inputLots: inputs.map((i) => ({ epcClass: lotEpcClass(i.product.gtin, i.lot.lotCode, i.lot.id, publicBaseUrl), quantity: i.quantity, unit: i.lot.unit })),
      packageUri,
      input: input.input ?? null,
      method: input.method ?? null,
      notes: input.notes ?? null,
    });
    const captured = await deps.events.captureEvents(tx, ctx, [event], { organizationId: org.id });
    const details = {
      inputName: input.input?.name?.trim() ?? null,
      dose: input.input?.dose ?? null,
      doseUnit: input.input?.doseUnit ?? null,
      phiDays: input.input?.phiDays ?? null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? lot.unit,
      partnerName,
      partnerOrganizationId: input.partner?.organizationId ?? null,
      inputLots: inputs.map((i) => ({ lotId: i.lot.id, lotCode: i.lot.lotCode, productName: i.product.nameVi, quantity: i.quantity })),
      method: input.method ?? null,
      packageUri,
      notes: input.notes?.trim() || null,
    };
    const [step] = await tx
      .insert(diarySteps)
      .values({
        organizationId: org.id,
        orgCommuneId: org.communeId,
        orgSectors: [...org.sectors],
        lotId: lot.id,
        kind: input.kind,
        occurredAt: occurredAt!,
        placeId: place?.id ?? null,
        placeVersion: place?.version ?? null,
        productVersion: product.version,
        details,
        warnings,
        eventIds: captured.map((c) => c.eventId),
        recordedBy: ctx.actor.type === 'user' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : null,
        recordedByLabel: actorLabel(ctx.actor),
        createdAt: clock.now(),
      })
      .returning();
    await audit.record(tx, ctx, { action: 'catalog.diary.record', resourceType: 'diary_step', resourceId: step!.id, subject: subject(step!), after: { kind: step!.kind, lotId: lot.id, occurredAt: step!.occurredAt.toISOString(), details, warnings, eventIds: step!.eventIds } });
    return { step: step!, warnings };
  }

  return {
    recordWithin,

    async record(ctx: RequestContext, input: DiaryInput): Promise<RecordedStep> {
      const org = await requireOrganization(deps, writingOrganization(ctx.actor));
      return db.transaction((tx) => recordWithin(tx, ctx, org, input));
    },

    /** A lot's steps, oldest first, to whoever may read the lot. */
    async stepsOf(ctx: RequestContext, lotId: string): Promise<{ lot: LotRow; product: ProductRow; steps: DiaryStepRow[]; places: Map<string, PlaceRow>; inputSteps: DiaryStepRow[] }> {
      const [row] = await db.orm.select({ lot: lots, product: products }).from(lots).innerJoin(products, eq(products.id, lots.productId)).where(eq(lots.id, lotId));
      if (!row || !canReadRecord(ctx.actor, row.lot)) throw notFound('CATALOG_LOT_NOT_FOUND');
      const steps = await db.orm.select().from(diarySteps).where(eq(diarySteps.lotId, lotId)).orderBy(asc(diarySteps.occurredAt), asc(diarySteps.createdAt));
      // One step back: what happened to the input lots of a processing step (Circular 02 principle).
      const inputLotIds = steps.flatMap((s) => ((s.details.inputLots as { lotId: string }[] | undefined) ?? []).map((l) => l.lotId));
      const inputSteps = inputLotIds.length ? await db.orm.select().from(diarySteps).where(inArray(diarySteps.lotId, inputLotIds)).orderBy(asc(diarySteps.occurredAt)) : [];
      const placeIds = [...new Set([...steps, ...inputSteps].map((s) => s.placeId).filter((x): x is string => Boolean(x)).concat(row.lot.originPlaceId ? [row.lot.originPlaceId] : []))];
      const found = placeIds.length ? await db.orm.select().from(places).where(inArray(places.id, placeIds)) : [];
      return { ...row, steps, inputSteps, places: new Map(found.map((p) => [p.id, p])) };
    },

    /** Diary steps the actor may read, for the export. */
    async listForExport(organizationId: string | null): Promise<DiaryStepRow[]> {
      return db.orm.select().from(diarySteps).where(organizationId ? eq(diarySteps.organizationId, organizationId) : undefined).orderBy(asc(diarySteps.occurredAt)).limit(100_000);
    },
  };
}

export type DiaryService = ReturnType<typeof createDiaryService>;
