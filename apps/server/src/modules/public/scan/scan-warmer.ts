// Fills this module's caches before the resolver renders a scan page (a root preHandler on the resolver's routes):
// the renderer seam is synchronous, so the journey, the product row, the producer's IDs, the places and the
// ledger state must be loaded before it runs. A stamp path (`/s/<serial>` or a Digital Link with AI 21) costs one
// indexed read of the stamp's lot and ledger records (stamp-records.ts, cached per serial); a lot link without a
// serial is looked up by GTIN + lot once per process. Everything behind that (product, lot, journey, places) is
// per lot, so after the first scan of a lot in a process it costs map look-ups.
import { parseDigitalLink } from '@txng/gs1';
import type { Catalog } from '../../catalog/index.ts';
import type { PublicFacts } from '../facts/public-facts.ts';
import type { LedgerRecords, LedgerRef } from '../ledger/ledger-records.ts';
import type { StampRecordsCache } from '../ledger/stamp-records.ts';
import { createSharedRefs, createTally, NO_STEPS, type SharedRefs, type Tally } from './shared-refs.ts';

/** How long a first scan waits for ledger checks before rendering what is known (they go on in the background). */
const LEDGER_WAIT_MS = 300;
const LOT_INDEX_MAX = 50_000;

/** The serial a stamp path names, normalised as the stamps module does (O→0, I/L→1, no spaces or dashes). */
export function serialOfPath(path: string): { serial: string | null; gtin: string | null; lotCode: string | null } | null {
  const clean = path.split(/[?#]/)[0]!;
  const normal = (raw: string) => {
    const s = decodeURIComponent(raw).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    return /^[0-9A-Z]{16}$/.test(s) ? s : null;
  };
  if (clean.startsWith('/s/')) {
    try {
      return { serial: normal(clean.slice(3)), gtin: null, lotCode: null };
    } catch {
      return null;
    }
  }
  if (!clean.startsWith('/01/')) return null;
  const link = parseDigitalLink(`https://warm.invalid${clean}`);
  if (!link.ok) return null;
  const raw = link.value.qualifiers.find((q) => q.ai === '21')?.value;
  const serial = raw && /^[0-9A-Z]{16}$/.test(raw) ? raw : null;
  return { serial, gtin: link.value.primaryKey.value.padStart(14, '0'), lotCode: link.value.qualifiers.find((q) => q.ai === '10')?.value ?? null };
}

/** A stamp's path as printed (stamp-uri.ts): only the serial differs between the stamps of one request. */
const PRINTED_PATH = /^(\/01\/\d{14}(?:\/10\/[^/?#%]+)?\/21\/)([0-9A-Z]{16})(?:[?#]|$)/;
const PLACEHOLDER = '0'.repeat(16);
const PREFIXES_MAX = 10_000;

/**
 * serialOfPath for the scan path: a printed path's part before the serial is read once (with a placeholder serial:
 * any 16 characters of 0-9 A-Z are valid AI (21) data, so the answer is the same for every serial) and the
 * serial put in; any other path is read in full.
 */
export function createSerialReader(): (path: string) => ReturnType<typeof serialOfPath> {
  const prefixes = new Map<string, { gtin: string | null; lotCode: string | null }>();
  return (path) => {
    const m = PRINTED_PATH.exec(path);
    if (!m) return serialOfPath(path);
    let known = prefixes.get(m[1]!);
    if (!known) {
      const read = serialOfPath(`${m[1]}${PLACEHOLDER}`);
      if (!read || read.serial !== PLACEHOLDER) return serialOfPath(path);
      known = { gtin: read.gtin, lotCode: read.lotCode };
      if (prefixes.size >= PREFIXES_MAX) prefixes.delete(prefixes.keys().next().value!);
      prefixes.set(m[1]!, known);
    }
    return { serial: m[2]!, gtin: known.gtin, lotCode: known.lotCode };
  };
}

export function createScanWarmer(deps: { catalog: Catalog; facts: PublicFacts; ledger: LedgerRecords; stampRecords: StampRecordsCache; sharedRefs?: SharedRefs; tally?: Tally }) {
  const { facts, ledger } = deps;
  const sharedRefs = deps.sharedRefs ?? createSharedRefs();
  const tally = deps.tally ?? createTally(ledger);
  const readPath = createSerialReader();
  // GTIN + lot code → ids; a miss is remembered briefly so invented codes cost one read a minute.
  const lotIndex = new Map<string, { productId: string; lotId: string } | { missAt: number }>();

  async function idsOf(gtin: string, lotCode: string, now: number): Promise<{ productId: string; lotId: string } | null> {
    const key = `${gtin}|${lotCode}`;
    const known = lotIndex.get(key);
    if (known && 'lotId' in known) return known;
    if (known && now - known.missAt < 60_000) return null;
    const found = await deps.catalog.lots.findByGtinAndLot(gtin, lotCode).catch(() => undefined);
    lotIndex.set(key, found ? { productId: found.product.id, lotId: found.lot.id } : { missAt: now });
    if (lotIndex.size > LOT_INDEX_MAX) lotIndex.delete(lotIndex.keys().next().value!);
    return found ? { productId: found.product.id, lotId: found.lot.id } : null;
  }

  /** The ledger records the page will show, waited for (at most LEDGER_WAIT_MS) unless all are known included. */
  function checkLedger(refs: readonly LedgerRef[], stamp: readonly LedgerRef[] | 'unknown' | null): Promise<unknown> | undefined {
    // peek starts the checks of records not known lately (in the background); included stays included.
    const shown = tally(refs);
    const own = Array.isArray(stamp) ? tally(stamp as readonly LedgerRef[]) : null;
    if (shown.waiting === 0 && (!own || own.waiting === 0)) return undefined;
    const all = Array.isArray(stamp) ? [...refs, ...(stamp as readonly LedgerRef[])] : refs;
    return Promise.race([ledger.check(all), new Promise((resolve) => setTimeout(resolve, LEDGER_WAIT_MS).unref())]);
  }

  /** Everything already cached and current: nothing to wait for (most scans). */
  function warmFromCache(serial: string | null, ids: { productId: string; lotId: string | null }, stamp: readonly LedgerRef[] | 'unknown' | null): Promise<unknown> | undefined | false {
    const product = facts.products.cached(ids.productId);
    if (!product) return false;
    const lot = ids.lotId ? facts.lots.cached(ids.lotId) : null;
    if (lot === undefined || (ids.lotId && !lot)) return false;
    const originId = lot?.originPlaceId ?? product.originPlaceId;
    const origin = originId ? facts.places.cached(originId) : null;
    const journey = lot ? facts.journeys.cached(lot.id, String(lot.version)) : null;
    if (!facts.organizations.cached(product.organizationId) || origin === undefined || journey === undefined) return false;
    const refs = sharedRefs({ product, lot, places: origin ? [origin] : [], journey: journey?.steps ?? NO_STEPS });
    return checkLedger(refs, serial ? stamp : null);
  }

  return async function warm(path: string, now: number): Promise<void> {
    const address = readPath(path);
    if (!address) return;
    let ids: { productId: string; lotId: string | null } | null = null;
    let stamp: readonly LedgerRef[] | 'unknown' = 'unknown';
    if (address.serial) {
      const records = deps.stampRecords.memo.cached(address.serial) ?? (await deps.stampRecords.get(address.serial));
      if (records) {
        ids = { productId: records.productId, lotId: records.lotId };
        stamp = records.refs;
      }
    } else if (address.gtin && address.lotCode) {
      ids = await idsOf(address.gtin, address.lotCode, now);
    }
    if (!ids) return;
    const fast = warmFromCache(address.serial, ids, stamp);
    if (fast !== false) {
      await fast;
      return;
    }
    const [product, lot] = await Promise.all([facts.products.get(ids.productId), ids.lotId ? facts.lots.get(ids.lotId) : Promise.resolve(null)]);
    if (!product) return;
    const originId = lot?.originPlaceId ?? product.originPlaceId;
    const [, origin, journey] = await Promise.all([
      facts.organizations.get(product.organizationId),
      originId ? facts.places.get(originId) : Promise.resolve(null),
      lot ? facts.journeys.get(lot.id, String(lot.version)) : Promise.resolve(null),
    ]);
    const refs = sharedRefs({ product, lot, places: origin ? [origin] : [], journey: journey?.steps ?? NO_STEPS });
    await checkLedger(refs, address.serial ? stamp : null);
  };
}
