// The diary's spreadsheet handler: rows checked with the form's rules (times, required inputs, partners, not
// before the lot's planting), then written in bulk. The export lists the steps the caller may read.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { readScope } from '../policy.ts';
import type { ListHandler } from '../spreadsheet/list-handlers.ts';
import type { ListDefinition } from '../spreadsheet/lists.ts';
import { diarySteps, lots, places, products } from '../tables.ts';
import { writeDiarySteps } from './diary-bulk.ts';
import { DiaryErrors, diaryFieldProblems, type DiaryInput } from './diary-input.ts';
import { DIARY_LIST, inputLotRefs, type DiaryExport } from './diary-list.ts';
import type { DiaryEventSink } from './diary-service.ts';

export function diaryImportHandler(deps: { db: Database; events: DiaryEventSink | undefined; now: () => Date; publicBaseUrl: string }): ListHandler<DiaryInput> {
  // Earliest planting per lot, from the database and from rows already checked in this file: one map per run
  // (an ImportContext is made for each validation and each commit).
  const byRun = new WeakMap<object, Map<string, Date>>();
  return {
    definition: DIARY_LIST as unknown as ListDefinition<never, DiaryInput>,
    async check(input, ictx) {
      let plantings = byRun.get(ictx);
      if (!plantings) {
        const found = await ictx.tx
          .select({ lotId: diarySteps.lotId, at: sql<Date>`min(${diarySteps.occurredAt})` })
          .from(diarySteps)
          .where(and(eq(diarySteps.organizationId, ictx.org.id), eq(diarySteps.kind, 'planting')))
          .groupBy(diarySteps.lotId);
        plantings = new Map(found.map((f) => [f.lotId, new Date(f.at)]));
        byRun.set(ictx, plantings);
      }
      const { problems, occurredAt } = diaryFieldProblems(input, deps.now());
      const planted = plantings.get(input.lotId);
      if (occurredAt && planted && input.kind !== 'planting' && occurredAt < planted) problems.push({ pointer: '/occurredAt', code: DiaryErrors.BEFORE_PLANTING, params: { planting: planted.toISOString().slice(0, 10) } } satisfies FieldProblem);
      if (occurredAt && input.kind === 'planting' && problems.length === 0 && (!planted || occurredAt < planted)) plantings.set(input.lotId, occurredAt);
      return problems;
    },
    async writeAll(tx, ctx, inputs, ictx) {
      if (!deps.events) throw new Error('the epcis module is not wired');
      return writeDiarySteps(tx, ctx, ictx.org, inputs, deps.events, deps.now(), deps.publicBaseUrl);
    },
  };
}

export async function diaryExportRecords(db: Database, actor: Actor): Promise<DiaryExport[]> {
  const scope = readScope(actor, diarySteps);
  if (scope === false) return [];
  const steps = await db.orm
    .select({ step: diarySteps, lotCode: lots.lotCode, gtin: products.gtin, nameVi: products.nameVi, placeCode: places.internalCode })
    .from(diarySteps)
    .innerJoin(lots, eq(lots.id, diarySteps.lotId))
    .innerJoin(products, eq(products.id, lots.productId))
    .leftJoin(places, eq(places.id, diarySteps.placeId))
    .where(scope)
    .orderBy(asc(diarySteps.occurredAt), asc(diarySteps.id))
    .limit(100_000);
  const inputIds = [...new Set(steps.flatMap((s) => ((s.step.details.inputLots as { lotId: string }[] | undefined) ?? []).map((l) => l.lotId)))];
  const inputRefs = inputIds.length
    ? new Map((await db.orm.select({ id: lots.id, gtin: products.gtin, nameVi: products.nameVi }).from(lots).innerJoin(products, eq(products.id, lots.productId)).where(inArray(lots.id, inputIds))).map((r) => [r.id, r.gtin ?? r.nameVi]))
    : new Map<string, string>();
  return steps.map((s) => ({
    productRef: s.gtin ?? s.nameVi,
    lotCode: s.lotCode,
    kind: s.step.kind,
    occurredAt: s.step.occurredAt,
    placeCode: s.placeCode,
    details: s.step.details,
    inputLotRefs: inputLotRefs(((s.step.details.inputLots as { lotId: string; lotCode: string; quantity: number | null }[] | undefined) ?? []).map((l) => ({ productRef: inputRefs.get(l.lotId) ?? '', lotCode: l.lotCode, quantity: l.quantity }))),
  }));
}
