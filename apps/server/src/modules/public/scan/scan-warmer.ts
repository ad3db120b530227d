// Fills this module's caches before the resolver renders a scan page (a root preHandler on the resolver's GS1
// routes): a stamp's Digital Link names its GTIN and lot, so the journey, the product row, the producer's IDs and
// the ledger state can be loaded before the synchronous renderer needs them. After the first scan of a lot in a
// process this costs a map lookup; /s/<serial> links do not name the lot and are warmed by their first render.
import { parseDigitalLink } from '@txng/gs1';
import type { Catalog } from '../../catalog/index.ts';
import type { PublicFacts } from '../facts/public-facts.ts';
import type { LedgerRecords } from '../ledger/ledger-records.ts';
import { ledgerRefsOf } from '../ledger/page-records.ts';

/** How long a first scan waits for ledger checks before rendering what is known (they go on in the background). */
const LEDGER_WAIT_MS = 300;
const LOT_INDEX_MAX = 50_000;

export function createScanWarmer(deps: { catalog: Catalog; facts: PublicFacts; ledger: LedgerRecords }) {
  const { facts, ledger } = deps;
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

  return async function warm(path: string, now: number): Promise<void> {
    if (!path.startsWith('/01/')) return;
    const link = parseDigitalLink(`https://warm.invalid${path.split('?')[0]}`);
    if (!link.ok) return;
    const gtin = link.value.primaryKey.value.padStart(14, '0');
    const lotCode = link.value.qualifiers.find((q) => q.ai === '10')?.value;
    if (!lotCode) return;
    const ids = await idsOf(gtin, lotCode, now);
    if (!ids) return;
    const [product, lot] = await Promise.all([facts.products.get(ids.productId), facts.lots.get(ids.lotId)]);
    if (!product || !lot) return;
    const originId = lot.originPlaceId ?? product.originPlaceId;
    const [, origin, journey] = await Promise.all([
      facts.organizations.get(product.organizationId),
      originId ? facts.places.get(originId) : Promise.resolve(null),
      facts.journeys.get(lot.id, String(lot.version)),
    ]);
    const refs = ledgerRefsOf({ product, lot, places: origin ? [origin] : [], journey: journey.steps });
    await Promise.race([ledger.check(refs), new Promise((resolve) => setTimeout(resolve, LEDGER_WAIT_MS).unref())]);
  };
}
