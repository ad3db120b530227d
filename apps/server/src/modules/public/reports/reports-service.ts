// Reports of problems: a consumer's submission (checked, photo re-encoded, placed with the departments and the
// commune in charge, officials notified) and the officials' inbox (scoped: province administrators see all,
// sector officers their sector's products, commune officers their commune's producers, inspectors within their
// scope; anyone else is refused and records outside a scope answer 404).
import sharp from 'sharp';
import { sql, type SQL } from 'drizzle-orm';
import type { AuditRecorder } from '../../../platform/audit.ts';
import { isOfficial, type Actor } from '../../../platform/auth/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Orm } from '../../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import type { Stamps } from '../../stamps/index.ts';
import type { PublicFacts } from '../facts/public-facts.ts';
import type { FormTokens } from './form-token.ts';
import { REPORT_CATEGORIES, type ReportCategory, type ReportContext, type ReportStatus } from './report-model.ts';
import { findReport, insertReport, listReports, reportPhoto, updateReport, type ReportRow } from './report-store.ts';
import { ReportTexts } from './report-texts.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp']);

export interface ReportSubmission {
  readonly ref: string;
  readonly token: string;
  readonly scan: string | null;
  readonly category: string;
  readonly message: string;
  readonly contact: string;
  readonly consent: boolean;
  readonly honeypot: string;
  readonly photo: { readonly bytes: Buffer } | 'too_large' | null;
  readonly clientHash: string | null;
  readonly userAgentFamily: string | null;
  readonly lang: Lang;
}

export type SubmitOutcome =
  | { readonly ok: true; readonly number: number | null }
  | { readonly ok: false; readonly status: 400 | 409 | 413 | 415; readonly errors: string[] };

/** Who answers for a report: the placement officials' scopes are matched against. */
interface Placement {
  readonly context: ReportContext;
  readonly productId: string | null;
  readonly lotId: string | null;
  readonly organizationId: string | null;
  readonly communeId: number | null;
  readonly sectors: string[];
}

export interface ReportsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRecorder;
  readonly stamps: Stamps;
  readonly facts: PublicFacts;
  readonly tokens: FormTokens;
  readonly notifications: { notifyOfficialsInCharge(tx: Orm, placement: { communeId: number; sectors: readonly string[] }, notice: { kind: string; messageCode: string; params: Record<string, unknown>; link?: string }): Promise<void> };
}

/** The SQL scope of an official's inbox (the same rule as officialScopeCovers, platform/auth/actor.ts). */
export function inboxScope(actor: Actor): SQL {
  if (!isOfficial(actor) || !actor.mfaSatisfied) throw forbidden();
  const { sector, communeId } = actor.scope;
  switch (actor.role) {
    case 'province_admin':
      return sql`true`;
    case 'sector_officer':
      return sector ? sql`${sector} = any(sectors)` : sql`false`;
    case 'commune_officer':
      return communeId !== null ? sql`org_commune_id = ${communeId}` : sql`false`;
    default:
      return sql`(${sector === null ? sql`true` : sql`${sector} = any(sectors)`}) and (${communeId === null ? sql`true` : sql`org_commune_id = ${communeId}`})`;
  }
}

export function createReportsService(deps: ReportsDeps) {
  const { db, clock } = deps;

  async function placementOf(ref: string, scanId: string | null, lang: Lang, ua: string | null): Promise<Placement | null> {
    const base = { ref, serial: null, stampCode: null, stampStatus: null, flags: [], scanCount: null, firstScannedAt: null, scanId, productName: null, gtin: null, lotCode: null, organizationName: null, lang, userAgentFamily: ua };
    let productId: string | null = null;
    let lotId: string | null = null;
    let context: ReportContext = base;
    if (ref.startsWith('/')) {
      const outcome = await deps.stamps.resolve(ref);
      if (!outcome.ok) return outcome.problem.status === 404 ? { context, productId: null, lotId: null, organizationId: null, communeId: null, sectors: [] } : null;
      const tg = outcome.target;
      productId = tg.product.id;
      lotId = tg.lot?.id ?? null;
      context = { ...base, serial: tg.stamp?.serial ?? null, stampCode: tg.stamp?.humanCode ?? null, stampStatus: tg.status.code, flags: tg.status.flags.map((f) => f.code), scanCount: tg.scanStats?.count ?? null, firstScannedAt: tg.scanStats?.firstScannedAt?.toISOString() ?? null, productName: tg.product.nameVi, gtin: tg.product.gtin, lotCode: tg.lot?.lotCode ?? null, organizationName: tg.organization.name };
    } else {
      const m = /^(product|lot):([0-9a-f-]{36})$/.exec(ref);
      if (!m) return null;
      if (m[1] === 'lot') {
        const found = await deps.facts.lotWithProduct(m[2]!);
        if (!found) return null;
        productId = found.product.id;
        lotId = found.lot.id;
        context = { ...base, productName: found.product.nameVi, gtin: found.product.gtin, lotCode: found.lot.lotCode };
      } else {
        const product = await deps.facts.product(m[2]!);
        if (!product) return null;
        productId = product.id;
        context = { ...base, productName: product.nameVi, gtin: product.gtin };
      }
    }
    const product = productId ? await deps.facts.products.get(productId) : null;
    if (!product) return null;
    const org = await deps.facts.organizations.get(product.organizationId);
    return {
      context: { ...context, organizationName: org?.name ?? context.organizationName },
      productId,
      lotId,
      organizationId: product.organizationId,
      communeId: product.orgCommuneId,
      // The product's own sector when it has one; otherwise every sector of its producer.
      sectors: product.sector ? [product.sector] : [...product.orgSectors],
    };
  }

  async function cleanPhoto(bytes: Buffer): Promise<{ contentType: string; bytes: Buffer } | 'not_image'> {
    try {
      const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
      if (!meta.format || !PHOTO_FORMATS.has(meta.format)) return 'not_image';
      // Re-encoding drops every metadata block (EXIF GPS of the consumer's phone included).
      const out = await sharp(bytes, { limitInputPixels: 40_000_000 }).rotate().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      return { contentType: 'image/webp', bytes: out };
    } catch {
      return 'not_image';
    }
  }

  return {
    async submit(s: ReportSubmission): Promise<SubmitOutcome> {
      const now = clock.now();
      // A filled honeypot is a bot: it is told "sent" and nothing is kept.
      if (s.honeypot.trim()) return { ok: true, number: null };
      const errors: string[] = [];
      const category = REPORT_CATEGORIES.includes(s.category as ReportCategory) ? (s.category as ReportCategory) : null;
      if (!category) errors.push(ReportTexts.PUBLIC_REPORT_E_CATEGORY);
      const message = s.message.trim();
      if (message.length < 10 || message.length > 2000) errors.push(ReportTexts.PUBLIC_REPORT_E_MESSAGE);
      const contact = s.contact.trim();
      if (contact.length > 200) errors.push(ReportTexts.PUBLIC_REPORT_E_CONTACT);
      if (!s.consent) errors.push(ReportTexts.PUBLIC_REPORT_E_CONSENT);
      const token = deps.tokens.check(s.token, now);
      if (!token.ok) errors.push(token.reason === 'too_fast' ? ReportTexts.PUBLIC_REPORT_E_TOO_FAST : ReportTexts.PUBLIC_REPORT_E_EXPIRED);
      if (s.photo === 'too_large') return { ok: false, status: 413, errors: [...errors, ReportTexts.PUBLIC_REPORT_E_PHOTO_SIZE] };
      const photo = s.photo ? await cleanPhoto(s.photo.bytes) : null;
      if (photo === 'not_image') return { ok: false, status: 415, errors: [...errors, ReportTexts.PUBLIC_REPORT_E_PHOTO_TYPE] };
      if (errors.length) return { ok: false, status: 400, errors };
      const placement = await placementOf(s.ref, s.scan && /^[0-9a-f-]{36}$/.test(s.scan) ? s.scan : null, s.lang, s.userAgentFamily);
      if (!placement) return { ok: false, status: 400, errors: [ReportTexts.PUBLIC_REPORT_E_TARGET] };
      const saved = await db.transaction(async (tx) => {
        const row = await insertReport(tx, { nonce: (token as { nonce: string }).nonce, category: category!, message, contact: contact || null, consentAt: now, ref: s.ref.slice(0, 500), context: placement.context, productId: placement.productId, lotId: placement.lotId, organizationId: placement.organizationId, communeId: placement.communeId, sectors: placement.sectors, clientHash: s.clientHash, photo, at: now });
        if (!row) return null;
        await deps.notifications.notifyOfficialsInCharge(tx, { communeId: placement.communeId ?? -1, sectors: placement.sectors }, {
          kind: 'public.report',
          messageCode: ReportTexts.PUBLIC_REPORT_NOTICE,
          params: { product: placement.context.productName ?? placement.context.ref, category: category! },
          link: `/portal/reports/${row.id}`,
        });
        return row;
      });
      if (!saved) return { ok: false, status: 409, errors: [ReportTexts.PUBLIC_REPORT_E_REPEAT] };
      return { ok: true, number: saved.number };
    },

    async list(ctx: RequestContext, q: { status?: ReportStatus; limit: number; offset: number }) {
      return listReports(db.replica, inboxScope(ctx.actor), q);
    },

    async get(ctx: RequestContext, id: string): Promise<ReportRow> {
      const row = await findReport(db.orm, inboxScope(ctx.actor), id);
      if (!row) throw notFound(ReportTexts.PUBLIC_REPORT_NOT_FOUND);
      return row;
    },

    async update(ctx: RequestContext, id: string, change: { status: ReportStatus; note?: string | null }): Promise<ReportRow> {
      const scope = inboxScope(ctx.actor);
      const actor = ctx.actor as Extract<Actor, { type: 'user' }>;
      return db.transaction(async (tx) => {
        const before = await findReport(tx, scope, id, true);
        if (!before) throw notFound(ReportTexts.PUBLIC_REPORT_NOT_FOUND);
        const note = change.note === undefined ? before.note : change.note;
        await updateReport(tx, id, { status: change.status, note, by: actor.userId, at: clock.now() });
        await deps.audit.record(tx, ctx, { action: 'public.report.update', resourceType: 'report', resourceId: id, subject: { organizationId: before.organizationId, communeId: before.communeId, sectors: before.sectors }, before: { status: before.status, note: before.note }, after: { status: change.status, note } });
        return (await findReport(tx, scope, id))!;
      });
    },

    async photo(ctx: RequestContext, id: string): Promise<{ contentType: string; bytes: Buffer }> {
      const row = await findReport(db.orm, inboxScope(ctx.actor), id);
      const photo = row?.hasPhoto ? await reportPhoto(db.orm, id) : undefined;
      if (!photo) throw new AppError('not_found', row ? ReportTexts.PUBLIC_REPORT_NO_PHOTO : ReportTexts.PUBLIC_REPORT_NOT_FOUND);
      return photo;
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
