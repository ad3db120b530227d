// The FDA FSMA 204 electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)): one row per critical tracking event
// (CTE, 21 CFR 1.1325–1.1350) of each traceability lot, with its key data elements. The CTE is read from the EPCIS
// event: CBV business steps, TXNG's harvest step, and the event type (a transformation that makes or uses the lot).
import { type EpcisEvent } from '@txng/epcis';
import { canonical } from '../canonical.ts';
import { childrenOf, identitiesOf, type TraceEvent } from '../graph.ts';
import { describeCanonical } from '../identifiers.ts';
import { documentsOf, termOf } from '../movements.ts';
import type { Cell } from './sheet-writer.ts';

export type CriticalTrackingEvent = 'Harvesting' | 'Initial Packing' | 'Shipping' | 'Receiving' | 'Transformation';

export const FSMA_COLUMNS = [
  ['Traceability Lot Code', 'Mã lô truy xuất (TLC)'],
  ['Traceability Lot Code Source', 'Nơi gán mã lô'],
  ['Product Description', 'Mô tả sản phẩm'],
  ['Critical Tracking Event', 'Sự kiện theo dõi trọng yếu (CTE)'],
  ['Event Date', 'Ngày diễn ra'],
  ['Quantity', 'Số lượng'],
  ['Unit of Measure', 'Đơn vị tính'],
  ['Location', 'Địa điểm'],
  ['Immediate Previous Source', 'Nguồn liền trước'],
  ['Immediate Subsequent Recipient', 'Bên nhận liền sau'],
  ['Reference Document Type', 'Loại chứng từ tham chiếu'],
  ['Reference Document Number', 'Số chứng từ tham chiếu'],
  ['EPCIS Event ID', 'Mã sự kiện EPCIS'],
] as const;

export interface FsmaNames {
  /** A party or location identifier (canonical), or `org:<id>`, as a person reads it. */
  readonly nameOf: (key: string) => string;
  readonly productOf: (lot: string) => string | null;
}

export interface FsmaRow {
  readonly tlc: string;
  readonly time: Date;
  readonly cells: Cell[];
}

type Loose = EpcisEvent & Record<string, unknown>;

/** The lot's quantity in an event: directly, or inside a container the event moves. */
function quantityOf(lot: string, event: EpcisEvent, contents: ReadonlyMap<string, { quantity: number | null; uom: string | null }>): { quantity: number | null; uom: string | null } {
  const e = event as Loose;
  for (const list of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
    for (const q of (e[list] as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []) if (canonical(q.epcClass) === lot) return { quantity: q.quantity ?? null, uom: q.uom ?? null };
  }
  const ids = identitiesOf(event);
  for (const id of [...ids.objects, ...(ids.parent ? [ids.parent] : [])]) {
    const c = contents.get(id);
    if (c) return c;
  }
  return { quantity: null, uom: null };
}

function cteOf(lot: string, event: EpcisEvent, isFirstPacking: boolean): CriticalTrackingEvent | null {
  const ids = identitiesOf(event);
  if (event.type === 'TransformationEvent') return ids.outputs.includes(lot) || ids.inputs.includes(lot) ? 'Transformation' : null;
  const step = event.bizStep ? termOf('bizStep', event.bizStep) : '';
  if (/harvesting$/.test(step)) return 'Harvesting';
  if (step === 'packing' && event.type === 'AggregationEvent' && (event as Loose).action === 'ADD') return isFirstPacking ? 'Initial Packing' : null;
  if (step === 'shipping' || step === 'departing') return 'Shipping';
  if (step === 'receiving' || step === 'arriving' || step === 'accepting') return 'Receiving';
  return null;
}

/**
 * The CTE rows of one lot. `events` are those naming the lot or a container it was packed in (a trace of depth
 * one). `creation` names where the lot code was assigned (its TLC source).
 */
export function fsmaRows(lot: string, events: readonly TraceEvent[], names: FsmaNames, range: { from: Date | null; to: Date | null }): FsmaRow[] {
  const d = describeCanonical(lot);
  const tlc = d.gtin && d.lot !== undefined ? `(01)${d.gtin}(10)${d.lot}` : lot;
  const contents = new Map<string, { quantity: number | null; uom: string | null }>();
  for (const r of events) {
    const ids = identitiesOf(r.event);
    if (ids.parent && childrenOf(ids).includes(lot)) contents.set(ids.parent, quantityOf(lot, r.event, new Map()));
  }
  const naming = (r: TraceEvent) => {
    const ids = identitiesOf(r.event);
    return [...ids.objects, ...ids.children, ...ids.inputs, ...ids.outputs].includes(lot) || [...ids.objects, ...(ids.parent ? [ids.parent] : [])].some((x) => contents.has(x));
  };
  const relevant = events.filter(naming);
  const firstPacking = relevant.find((r) => r.event.type === 'AggregationEvent' && childrenOf(identitiesOf(r.event)).includes(lot));
  // The TLC source: where the lot was made (its transformation or harvest), else where it was first recorded.
  const making = relevant.find((r) => identitiesOf(r.event).outputs.includes(lot) || /harvesting$/.test(r.event.bizStep ?? '')) ?? relevant[0];
  const locationOf = (r: TraceEvent) => {
    const place = r.event.bizLocation?.id ?? r.event.readPoint?.id;
    return place ? `${names.nameOf(canonical(place))} — ${names.nameOf(`org:${r.organizationId}`)}` : names.nameOf(`org:${r.organizationId}`);
  };
  const source = making ? locationOf(making) : null;
  const rows: FsmaRow[] = [];
  for (const r of relevant) {
    if ((range.from && r.eventTime < range.from) || (range.to && r.eventTime > range.to)) continue;
    const cte = cteOf(lot, r.event, r === firstPacking);
    if (!cte) continue;
    const ids = identitiesOf(r.event);
    const q = quantityOf(lot, r.event, contents);
    const party = (list: readonly { source?: string; destination?: string }[] | undefined) => (list ?? []).map((p) => names.nameOf(canonical((p.source ?? p.destination)!))).join('; ') || null;
    let previous: string | null = null;
    let next: string | null = null;
    if (cte === 'Receiving') previous = party(r.event.sourceList);
    if (cte === 'Shipping') next = party(r.event.destinationList);
    if (cte === 'Transformation') {
      if (ids.outputs.includes(lot)) previous = ids.inputs.map(lotCodeText).join('; ') || null;
      else next = ids.outputs.map(lotCodeText).join('; ') || null;
    }
    const docs = documentsOf(r.event);
    rows.push({
      tlc,
      time: r.eventTime,
      cells: [tlc, source, names.productOf(lot), cte, r.eventTime, q.quantity, q.uom, locationOf(r), previous, next,
        docs.map((x) => x.type ?? '').join('; ') || null, docs.map((x) => x.id).join('; ') || null, r.eventId],
    });
  }
  return rows;
}

/** A lot identity as FSMA readers expect a traceability lot code: (01)…(10)… when it is GS1. */
function lotCodeText(id: string): string {
  const d = describeCanonical(id);
  return d.gtin && d.lot !== undefined ? `(01)${d.gtin}(10)${d.lot}` : id;
}
