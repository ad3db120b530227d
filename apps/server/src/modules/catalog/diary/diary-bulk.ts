// Many diary steps at once (spreadsheet imports): the rows' lots, places and earlier steps are loaded once, the
// EPCIS events captured 1,000 a call and the steps inserted 1,000 a statement (one array parameter per column,
// expanded by unnest: no per-row SQL to build or parse), all inside the import's transaction; the next chunk's
// events are checked while the previous chunk is written.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import { actorLabel, type OrganizationFacts } from '../deps.ts';
import { lotEpcClass, placeEpcisUri } from '../lot-identifiers.ts';
import type { DiaryWarning } from '../model.ts';
import { diarySteps, lots, places, products } from '../tables.ts';
import { eventForStep } from './diary-events.ts';
import { DiaryErrors, phiViolations, type DiaryInput } from './diary-input.ts';
import type { DiaryEventSink } from './diary-service.ts';

const CHUNK = 1000;

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
  for (const s of earlierSprays) {
    const list = sprays.get(s.lotId) ?? [];
    list.push({ occurredAt: s.occurredAt, product: String(s.details.inputName ?? ''), phiDays: (s.details.phiDays as number | null) ?? null });
    sprays.set(s.lotId, list);
  }

  const orgUri = `${publicBaseUrl}/id/organization/${org.id}`;
  // A lot's and a place's EPCIS identifiers, built once each (thousands of rows name the same hundred lots).
  const epcClasses = new Map<string, string>();
  const epcClassOf = (r: (typeof lotRows)[number]): string => {
    let c = epcClasses.get(r.lot.id);
    if (c === undefined) epcClasses.set(r.lot.id, (c = lotEpcClass(r.gtin, r.lot.lotCode, r.lot.id, publicBaseUrl)));
    return c;
  };
  const placeUris = new Map(placeRows.map((p) => [p.id, placeEpcisUri(p, publicBaseUrl)]));
  const prepared = inputs.map((input) => {
    const target = lotOf.get(input.lotId)!;
    const place = input.placeId ? placeOf.get(input.placeId) : undefined;
    const occurredAt = new Date(input.occurredAt);
    const partnerName = input.partner?.name?.trim() || null;
    if (input.kind === 'spraying') {
      const list = sprays.get(input.lotId) ?? [];
      list.push({ occurredAt, product: input.input?.name ?? '', phiDays: input.input?.phiDays ?? null });
      sprays.set(input.lotId, list);
    }
    const warnings: DiaryWarning[] = input.kind === 'harvesting' ? phiViolations(occurredAt, sprays.get(input.lotId) ?? []).map((v) => ({ code: DiaryErrors.PHI_WARNING, params: v })) : [];
    const inputLots = (input.inputLots ?? []).map((l) => ({ ...l, row: lotOf.get(l.lotId)! }));
    const event = eventForStep({
      kind: input.kind,
      occurredAt,
      lot: { epcClass: epcClassOf(target), quantity: input.quantity ?? null, unit: input.unit ?? target.lot.unit },
      productVersion: target.productVersion,
      place: place ? { id: place.id, uri: placeUris.get(place.id)!, version: place.version } : null,
      organizationUri: orgUri,
      partnerUri: partnerName ? `${publicBaseUrl}/id/party/${encodeURIComponent(partnerName.toLowerCase().replace(/\s+/g, '-'))}` : null,
      partnerName,
      inputLots: inputLots.map((l) => ({ epcClass: epcClassOf(l.row), quantity: l.quantity ?? null, unit: l.row.lot.unit })),
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

  const recordedBy = ctx.actor.type === 'user' ? ctx.actor.userId : null;
  const recordedByLabel = actorLabel(ctx.actor);
  const ids: string[] = [];
  const insertSteps = async (chunk: typeof prepared, eventIds: readonly string[]) => {
    const chunkIds = chunk.map(() => randomUUID());
    // The same row the diary form writes (diary-service.ts), one statement for the chunk; jsonb and uuid values
    // travel as text arrays and are cast by PostgreSQL.
    await tx.execute(sql`
      insert into catalog.diary_steps (id, organization_id, org_commune_id, org_sectors, lot_id, kind, occurred_at, place_id, place_version,
        product_version, details, warnings, event_ids, recorded_by, recorded_by_label, created_at)
      select u.id::uuid, ${org.id}::uuid, ${org.communeId}::integer, ${sql.param([...org.sectors])}::text[], u.lot_id::uuid, u.kind, u.occurred_at::timestamptz,
        u.place_id::uuid, u.place_version, u.product_version, u.details::jsonb, u.warnings::jsonb, array[u.event_id], ${recordedBy}::text,
        ${recordedByLabel}::text, ${now.toISOString()}::timestamptz
      from unnest(${sql.param(chunkIds)}::text[], ${sql.param(chunk.map((p) => p.target.lot.id))}::text[], ${sql.param(chunk.map((p) => p.input.kind))}::text[],
        ${sql.param(chunk.map((p) => p.occurredAt.toISOString()))}::text[], ${sql.param(chunk.map((p) => p.place?.id ?? null))}::text[],
        ${sql.param(chunk.map((p) => p.place?.version ?? null))}::integer[], ${sql.param(chunk.map((p) => p.target.productVersion))}::integer[],
        ${sql.param(chunk.map((p) => JSON.stringify(p.details)))}::text[], ${sql.param(chunk.map((p) => JSON.stringify(p.warnings)))}::text[],
        ${sql.param([...eventIds])}::text[])
        as u(id, lot_id, kind, occurred_at, place_id, place_version, product_version, details, warnings, event_id)`);
    ids.push(...chunkIds);
  };
  const chunks: (typeof prepared)[] = [];
  for (let i = 0; i < prepared.length; i += CHUNK) chunks.push(prepared.slice(i, i + CHUNK));
  const options = { organizationId: org.id };
  const { checkEvents, storeCheckedEvents } = events;
  if (!checkEvents || !storeCheckedEvents) {
    for (const chunk of chunks) await insertSteps(chunk, (await events.captureEvents(tx, ctx, chunk.map((p) => p.event), options)).map((c) => c.eventId));
    return ids;
  }
  // Two chunks in flight: while the database takes one chunk's rows (events, index rows, ledger entries, steps),
  // the next chunk's events are checked and hashed here (CPU only, yielding between slices), so the server's and
  // the database's work overlap. Chunks are still written one after another, in order, on the one transaction.
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const chunk of chunks) {
      const checked = await checkEvents.call(events, ctx, chunk.map((p) => p.event), options);
      await writing;
      writing = (async () => insertSteps(chunk, (await storeCheckedEvents.call(events, tx, ctx, checked)).map((c) => c.eventId)))();
      writing.catch(() => {}); // awaited at the next chunk or below; not an unhandled rejection meanwhile
    }
    await writing;
  } catch (err) {
    await writing.catch(() => {}); // no statement left running on the transaction when the error rolls it back
    throw err;
  }
  return ids;
}
