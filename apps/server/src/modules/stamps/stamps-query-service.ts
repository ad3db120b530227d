// Reading stamps: lists (by request, lot, status, sequence range), one stamp with its history, the stock per
// organisation, quotas, and the public proof that a stamp was issued and changed as its page says.
import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import { fieldInvalid, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { actorLabel, type StampsDeps } from './deps.ts';
import { inclusionOf, issueEntry, statusEntry, type StampInclusion } from './merkle.ts';
import { StampErrors } from './messages.ts';
import { DEFAULT_YEARLY_QUOTA, type StampFlag, type StampStatus } from './model.ts';
import { canReadStamps, canSetQuota, readScope } from './policy.ts';
import { normalizeSerial } from './serials.ts';
import { requests } from './tables.ts';
import { quotaState } from './approval-checks.ts';

export interface StampView {
  readonly serial: string;
  readonly seq: number;
  readonly uri: string;
  readonly status: StampStatus;
  readonly requestId: string;
  readonly organizationId: string;
  readonly productId: string;
  readonly lotId: string | null;
  readonly kind: 'qr' | 'qr_code';
  readonly printedAt: Date | null;
  readonly activatedAt: Date | null;
  readonly codeVerifiedAt: Date | null;
  readonly scanCount: number;
  readonly firstScannedAt: Date | null;
  readonly lastScannedAt: Date | null;
  readonly flags: StampFlag[];
}

export interface StampListQuery {
  readonly requestId?: string;
  readonly lotId?: string;
  readonly status?: StampStatus;
  readonly from?: number;
  readonly to?: number;
  readonly flagged?: boolean;
  readonly limit: number;
  readonly offset: number;
}

const VIEW = sql`s.serial, s.seq, requests.uri_prefix || s.serial as uri, s.status, s.request_id as "requestId", s.organization_id as "organizationId",
  s.product_id as "productId", s.lot_id as "lotId", requests.kind, s.printed_at as "printedAt", s.activated_at as "activatedAt",
  s.code_verified_at as "codeVerifiedAt", s.scan_count as "scanCount", s.first_scanned_at as "firstScannedAt",
  s.last_scanned_at as "lastScannedAt", s.flags`;

export interface LedgerProofPart {
  readonly ledger: { readonly kind: 'stamp.issue' | 'stamp.status'; readonly id: string; readonly sha256: string };
  readonly record: Record<string, unknown>;
  readonly inclusion: StampInclusion;
}

export function createStampQueryService(deps: StampsDeps) {
  const { db } = deps;

  function scopeOf(ctx: RequestContext): SQL | undefined | false {
    return readScope(ctx.actor, requests);
  }

  async function list(ctx: RequestContext, q: StampListQuery): Promise<{ items: StampView[]; total: number }> {
    const scope = scopeOf(ctx);
    if (scope === false) return { items: [], total: 0 };
    const conditions: SQL[] = [sql`true`];
    if (scope) conditions.push(scope);
    if (q.requestId) conditions.push(sql`s.request_id = ${q.requestId}`);
    if (q.lotId) conditions.push(sql`s.lot_id = ${q.lotId}`);
    if (q.status) conditions.push(sql`s.status = ${q.status}`);
    if (q.from !== undefined) conditions.push(sql`s.seq >= ${q.from}`);
    if (q.to !== undefined) conditions.push(sql`s.seq <= ${q.to}`);
    if (q.flagged) conditions.push(sql`jsonb_array_length(s.flags) > 0`);
    const where = sql.join(conditions, sql` and `);
    const from = sql`stamps.stamps s join stamps.requests on requests.id = s.request_id`;
    const [items, [total]] = await Promise.all([
      rows<StampView>(db.orm, sql`select ${VIEW} from ${from} where ${where} order by s.request_id, s.seq limit ${q.limit} offset ${q.offset}`),
      rows<{ n: number }>(db.orm, sql`select count(*)::int as n from ${from} where ${where}`),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** One stamp the actor may read; 404 otherwise (existence not revealed). */
  async function get(ctx: RequestContext, rawSerial: string): Promise<StampView & { history: { at: Date; change: string; from: StampStatus; to: StampStatus; reason: string | null; actor: string | null; ledgerId: string }[] }> {
    const serial = normalizeSerial(rawSerial);
    const [row] = serial ? await rows<StampView & { orgCommuneId: number; orgSectors: string[] }>(db.orm, sql`select ${VIEW}, requests.org_commune_id as "orgCommuneId", requests.org_sectors as "orgSectors" from stamps.stamps s join stamps.requests on requests.id = s.request_id where s.serial = ${serial}`) : [];
    if (!row || !canReadStamps(ctx.actor, row)) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: rawSerial });
    const history = await rows<{ at: Date; change: string; from: StampStatus; to: StampStatus; reason: string | null; actor: string | null; ledgerId: string }>(
      db.orm,
      sql`select c.created_at as at, c.kind as change, e.from_status as "from", c.to_status as "to", c.reason, c.actor, 'stamp-status:' || c.id as "ledgerId"
          from stamps.stamp_events e join stamps.status_changes c on c.id = e.change_id where e.serial = ${serial} order by c.seq`,
    );
    const { orgCommuneId: _c, orgSectors: _s, ...view } = row;
    return { ...view, history };
  }

  /** Stamps per status for each organisation in reach (or one), from the stock counters. */
  async function stock(ctx: RequestContext, organizationId?: string) {
    const scope = scopeOf(ctx);
    if (scope === false) return [];
    const where = sql.join([sql`true`, ...(scope ? [scope] : []), ...(organizationId ? [sql`requests.organization_id = ${organizationId}`] : [])], sql` and `);
    const found = await rows<{ organizationId: string; status: StampStatus; n: number }>(
      db.orm,
      sql`select requests.organization_id as "organizationId", k.status, sum(k.n)::int as n
          from stamps.stock k join stamps.requests on requests.id = k.request_id where ${where} group by requests.organization_id, k.status`,
    );
    const byOrg = new Map<string, Record<StampStatus, number>>();
    for (const f of found) {
      const counts = byOrg.get(f.organizationId) ?? { issued: 0, printed: 0, active: 0, void: 0, lost: 0, recalled: 0 };
      counts[f.status] = f.n;
      byOrg.set(f.organizationId, counts);
    }
    return [...byOrg].map(([id, counts]) => ({ organizationId: id, counts }));
  }

  async function quota(ctx: RequestContext, organizationId: string) {
    const org = await deps.organizations.findById(organizationId);
    if (!org || !canReadStamps(ctx.actor, { organizationId, orgCommuneId: org.communeId, orgSectors: org.sectors })) throw notFound();
    return quotaState(db.orm, organizationId, deps.clock.now());
  }

  async function setQuota(ctx: RequestContext, organizationId: string, yearlyLimit: number) {
    if (!canSetQuota(ctx.actor)) throw forbidden();
    if (!Number.isInteger(yearlyLimit) || yearlyLimit < 0 || yearlyLimit > 100_000_000) throw fieldInvalid('/yearlyLimit', StampErrors.STAMP_QUOTA_INVALID);
    const org = await deps.organizations.findById(organizationId);
    if (!org) throw notFound();
    await db.transaction(async (tx) => {
      const [before] = await rows<{ yearlyLimit: number }>(tx, sql`select yearly_limit as "yearlyLimit" from stamps.quotas where organization_id = ${organizationId} for update`);
      await tx.execute(sql`
        insert into stamps.quotas (organization_id, yearly_limit, updated_by, updated_at) values (${organizationId}, ${yearlyLimit}, ${actorLabel(ctx.actor)}, ${deps.clock.now()})
        on conflict (organization_id) do update set yearly_limit = excluded.yearly_limit, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
      await deps.audit.record(tx, ctx, { action: 'stamps.quota.set', resourceType: 'organization', resourceId: organizationId, subject: { organizationId, communeId: org.communeId, sectors: org.sectors }, before: { yearlyLimit: before?.yearlyLimit ?? DEFAULT_YEARLY_QUOTA }, after: { yearlyLimit } });
    });
    return quotaState(db.orm, organizationId, deps.clock.now());
  }

  /**
   * Everything needed to check, without trusting this server, that a stamp was issued as printed and changed
   * as its page says: each ledger record (kind, id, SHA-256 of its RFC 8785 content) with the stamp's RFC 9162
   * inclusion in the record's Merkle root. The record's own inclusion in the log is the ledger's proof API.
   */
  async function proof(rawSerial: string): Promise<{ serial: string; uri: string; issuance: LedgerProofPart; changes: LedgerProofPart[] }> {
    const serial = normalizeSerial(rawSerial);
    const [s] = serial ? await rows<{ requestId: string; seq: number; uriPrefix: string }>(db.replica, sql`select s.request_id as "requestId", s.seq, requests.uri_prefix as "uriPrefix" from stamps.stamps s join stamps.requests on requests.id = s.request_id where s.serial = ${serial}`) : [];
    if (!s || !serial) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: rawSerial });
    const [batch] = await rows<{ seqFrom: number; seqTo: number; content: Record<string, unknown>; sha256: string }>(
      db.replica,
      sql`select seq_from as "seqFrom", seq_to as "seqTo", content, content_sha256 as sha256 from stamps.issue_batches where request_id = ${s.requestId} and ${s.seq} between seq_from and seq_to`,
    );
    if (!batch) throw notFound(StampErrors.STAMP_NOT_FOUND, { serial: rawSerial });
    const members = await rows<{ serial: string }>(db.replica, sql`select serial from stamps.stamps where request_id = ${s.requestId} and seq between ${batch.seqFrom} and ${batch.seqTo} order by seq`);
    const issuance: LedgerProofPart = {
      ledger: { kind: 'stamp.issue', id: `stamp-issue:${s.requestId}:${batch.seqFrom}-${batch.seqTo}`, sha256: batch.sha256 },
      record: batch.content,
      inclusion: await inclusionOf(members.map((m) => issueEntry(m.serial, `${s.uriPrefix}${m.serial}`)), s.seq - batch.seqFrom),
    };
    const changeRows = await rows<{ id: string; idx: number; toStatus: string; content: Record<string, unknown>; sha256: string }>(
      db.replica,
      sql`select c.id, e.idx, c.to_status as "toStatus", c.content, c.content_sha256 as sha256 from stamps.stamp_events e join stamps.status_changes c on c.id = e.change_id
          where e.serial = ${serial} order by c.seq`,
    );
    const changes: LedgerProofPart[] = [];
    for (const c of changeRows) {
      const all = await rows<{ serial: string }>(db.replica, sql`select serial from stamps.stamp_events where change_id = ${c.id} order by idx`);
      changes.push({ ledger: { kind: 'stamp.status', id: `stamp-status:${c.id}`, sha256: c.sha256 }, record: c.content, inclusion: await inclusionOf(all.map((m) => statusEntry(m.serial, c.toStatus)), c.idx) });
    }
    return { serial, uri: `${s.uriPrefix}${serial}`, issuance, changes };
  }

  return { list, get, stock, quota, setQuota, proof };
}

export type StampQueryService = ReturnType<typeof createStampQueryService>;
