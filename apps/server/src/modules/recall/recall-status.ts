// Whether an item, lot or product is recalled, as every scan asks (the stamps module's RecallStatusSource seam,
// and recallStatusOf for any identifier). On the scan path: answers from memory. The marks of every campaign are
// held in one map, reloaded when a campaign changed (a cheap check at most every `refreshMs`), so a scan waits
// for no query and a new recall shows on every scan within seconds, in every process. Never throws: a failed
// reload keeps the last marks (and says so in the log); closed campaigns keep warning, as recalled goods stay
// recalled in consumers' hands.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { rows, type Database } from '../../platform/db/database.ts';
import { describeCanonical, parseTraceIdentifier } from '../trace/index.ts';
import type { Severity } from './model.ts';

/** The stamps module's RecallNotice, structurally (modules/stamps/recall-source.ts). */
export interface RecallNotice {
  readonly reason: string;
  readonly instructions: string | null;
  readonly contact: string | null;
  readonly since: string;
  readonly url: string | null;
}

export interface RecallMark extends RecallNotice {
  readonly number: string;
  readonly severity: Severity;
  readonly status: 'open' | 'closed';
}

/** What a scan knows: the stamp's product and lot (catalog ids), its GTIN and, for serialised stamps, the serial. */
export interface RecallStatusQuery {
  readonly productId: string;
  readonly lotId: string | null;
  readonly gtin: string | null;
  readonly serial?: string | null;
}

const SEVERITY_RANK: Record<Severity, number> = { class_1: 0, class_2: 1, class_3: 2 };

export function createRecallStatus(deps: { db: Database; clock: Clock; log: Logger; publicBaseUrl: string; refreshMs?: number }) {
  const refreshMs = deps.refreshMs ?? 2000;
  let marks = new Map<string, RecallMark>();
  // GTINs with an item (serial) marked: a scan spells its item's identity only for those (~50 µs saved per scan).
  let itemGtins = new Set<string>();
  let version = '';
  let checkedAt = -Infinity;
  let loading: Promise<void> | undefined;

  const better = (a: RecallMark | undefined, b: RecallMark): RecallMark => {
    if (!a) return b;
    if (a.status !== b.status) return a.status === 'open' ? a : b;
    return SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a;
  };

  async function reload(): Promise<void> {
    const [v] = await rows<{ v: string }>(deps.db.replica, sql`select count(*)::text || ':' || coalesce(max(updated_at)::text, '') as v from recall.campaigns`);
    if (v?.v === version) return;
    const list = await rows<{ identity: string; catalog_lot_id: string | null; product_id: string | null; number: string; severity: Severity; status: 'open' | 'closed'; reason: string; instructions: string | null; contact: string | null; opened_at: Date | string; whole_product: boolean }>(deps.db.replica, sql`
      select a.identity, a.catalog_lot_id, a.product_id, c.number, c.severity, c.status, c.reason, c.instructions, c.contact, c.opened_at,
        (c.criteria ? 'productId' and c.criteria->>'from' is null and c.criteria->>'to' is null) as whole_product
      from recall.affected a join recall.campaigns c on c.id = a.campaign_id`);
    const next = new Map<string, RecallMark>();
    const nextItemGtins = new Set<string>();
    for (const r of list) {
      const described = describeCanonical(r.identity);
      if (described.kind === 'item' && described.gtin) nextItemGtins.add(described.gtin);
      const mark: RecallMark = {
        number: r.number, severity: r.severity, status: r.status, reason: r.reason, instructions: r.instructions, contact: r.contact,
        since: new Date(r.opened_at).toISOString(), url: `${deps.publicBaseUrl}/api/v1/recalls/notices/${r.number}`,
      };
      next.set(`id:${r.identity}`, better(next.get(`id:${r.identity}`), mark));
      if (r.catalog_lot_id) next.set(`lot:${r.catalog_lot_id}`, better(next.get(`lot:${r.catalog_lot_id}`), mark));
      // A product is recalled as a whole only when the recall named all its lots (no date range).
      if (r.product_id && r.whole_product) next.set(`product:${r.product_id}`, better(next.get(`product:${r.product_id}`), mark));
    }
    marks = next;
    itemGtins = nextItemGtins;
    version = v?.v ?? '';
  }

  async function fresh(): Promise<void> {
    const now = deps.clock.now().getTime();
    if (now - checkedAt < refreshMs) return;
    loading ??= reload()
      .then(() => {
        checkedAt = deps.clock.now().getTime();
      })
      .catch((err) => deps.log.warn({ err }, 'recall marks could not be reloaded; answering from the last ones'))
      .finally(() => {
        loading = undefined;
      });
    await loading;
  }

  const lookup = (...keys: (string | null)[]): RecallMark | null => {
    let found: RecallMark | undefined;
    for (const k of keys) if (k) {
      const m = marks.get(k);
      if (m) found = better(found, m);
    }
    return found ?? null;
  };

  return {
    /** RecallStatusSource.recallOf (stamps module): by serial, lot and product of a scanned stamp. */
    async recallOf(query: RecallStatusQuery): Promise<RecallMark | null> {
      await fresh();
      const gtin = query.gtin?.padStart(14, '0') ?? null;
      const item = gtin && query.serial && itemGtins.has(gtin) ? parseTraceIdentifier(`(01)${gtin}(21)${query.serial}`) : null;
      return lookup(item?.ok ? `id:${item.value.canonical}` : null, query.lotId ? `lot:${query.lotId}` : null, `product:${query.productId}`);
    },

    /** Whether the goods an identifier names (any GS1 form, or this installation's URIs) are recalled. */
    async recallStatusOf(identifier: string, lot?: string): Promise<RecallMark | null> {
      const r = parseTraceIdentifier(identifier, lot);
      if (!r.ok) return null;
      await fresh();
      const v = r.value;
      const lotOfItem = v.kind === 'item' && v.gtin && v.lot !== undefined ? parseTraceIdentifier(v.gtin, v.lot) : null;
      return lookup(`id:${v.canonical}`, lotOfItem?.ok ? `id:${lotOfItem.value.canonical}` : null);
    },

    /** Forces the next question to reload (after this process changed a campaign). */
    invalidate(): void {
      checkedAt = -Infinity;
    },
  };
}

export type RecallStatus = ReturnType<typeof createRecallStatus>;
