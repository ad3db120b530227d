// The reports table (migrations/0001). Contract: `insert` is atomic with its photo and refuses a reused form
// nonce (unique) by answering null; reads filter by the caller's scope in SQL, so nothing outside it is returned.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Orm } from '../../../platform/db/database.ts';
import type { ReportCategory, ReportContext, ReportStatus } from './report-model.ts';

export interface NewReport {
  readonly nonce: string;
  readonly category: ReportCategory;
  readonly message: string;
  readonly contact: string | null;
  readonly consentAt: Date;
  readonly ref: string;
  readonly context: ReportContext;
  readonly productId: string | null;
  readonly lotId: string | null;
  readonly organizationId: string | null;
  readonly communeId: number | null;
  readonly sectors: readonly string[];
  readonly clientHash: string | null;
  readonly photo: { readonly contentType: string; readonly bytes: Buffer } | null;
  readonly at: Date;
}

export interface ReportRow {
  readonly id: string;
  readonly number: number;
  readonly category: ReportCategory;
  readonly message: string;
  readonly contact: string | null;
  readonly hasPhoto: boolean;
  readonly ref: string;
  readonly context: ReportContext;
  readonly productId: string | null;
  readonly lotId: string | null;
  readonly organizationId: string | null;
  readonly communeId: number | null;
  readonly sectors: string[];
  readonly status: ReportStatus;
  readonly note: string | null;
  readonly handledBy: string | null;
  readonly handledAt: Date | null;
  readonly createdAt: Date;
}

const COLUMNS = sql`id, number::int as number, category, message, contact, has_photo as "hasPhoto", ref, context, product_id as "productId", lot_id as "lotId",
  organization_id as "organizationId", org_commune_id as "communeId", sectors, status, note, handled_by as "handledBy", handled_at as "handledAt", created_at as "createdAt"`;

const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export async function insertReport(tx: Orm, r: NewReport): Promise<{ id: string; number: number } | null> {
  const [row] = await rows<{ id: string; number: number }>(
    tx,
    sql`insert into public_site.reports (token_nonce, category, message, contact, consent_at, has_photo, ref, context, product_id, lot_id, organization_id, org_commune_id, sectors, client_hash, created_at)
        values (${r.nonce}, ${r.category}, ${r.message}, ${r.contact}, ${r.consentAt}, ${r.photo !== null}, ${r.ref}, ${JSON.stringify(r.context)}::jsonb, ${r.productId}, ${r.lotId},
                ${r.organizationId}, ${r.communeId}, ${textArray(r.sectors)}, ${r.clientHash}, ${r.at})
        on conflict (token_nonce) do nothing returning id, number::int as number`,
  );
  if (!row) return null;
  if (r.photo) await tx.execute(sql`insert into public_site.report_photos (report_id, content_type, bytes) values (${row.id}, ${r.photo.contentType}, ${r.photo.bytes})`);
  return row;
}

export async function listReports(db: Orm, scope: SQL, q: { status?: ReportStatus; limit: number; offset: number }): Promise<{ items: ReportRow[]; total: number }> {
  const where = sql`(${scope}) ${q.status ? sql`and status = ${q.status}` : sql``}`;
  const [items, [total]] = await Promise.all([
    rows<ReportRow>(db, sql`select ${COLUMNS} from public_site.reports where ${where} order by created_at desc, id limit ${q.limit} offset ${q.offset}`),
    rows<{ n: number }>(db, sql`select count(*)::int as n from public_site.reports where ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findReport(db: Orm, scope: SQL, id: string, lock = false): Promise<ReportRow | undefined> {
  const [row] = await rows<ReportRow>(db, sql`select ${COLUMNS} from public_site.reports where id = ${id} and (${scope}) ${lock ? sql`for update` : sql``}`);
  return row;
}

export async function updateReport(tx: Orm, id: string, change: { status: ReportStatus; note: string | null; by: string; at: Date }): Promise<void> {
  await tx.execute(sql`update public_site.reports set status = ${change.status}, note = ${change.note}, handled_by = ${change.by}, handled_at = ${change.at} where id = ${id}`);
}

export async function reportPhoto(db: Orm, id: string): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const [row] = await rows<{ contentType: string; bytes: Uint8Array }>(db, sql`select content_type as "contentType", bytes from public_site.report_photos where report_id = ${id}`);
  return row && { contentType: row.contentType, bytes: Buffer.from(row.bytes) };
}
