// A trace as sheets, from the very response the screen shows (presenter.ts), so the file and the screen agree:
// a summary (with the truncation notice, if any), the identities, the events, the movements, one step back and
// forward. Headers in the reader's language, the other language as the header's note.
import { translate, type Lang } from '../../../platform/i18n/messages.ts';
import type { TraceResponse } from '../presenter.ts';
import { TraceSheetTexts as T } from './export-messages.ts';
import type { Cell, Sheet, SheetColumn } from './sheet-writer.ts';

type Q = { id: string; quantity: number | null; uom: string | null };

export function columnsOf(lang: Lang, specs: readonly (readonly [code: string, kind?: SheetColumn['kind'], width?: number])[]): SheetColumn[] {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return specs.map(([code, kind, width]) => ({ header: translate(code, lang), note: translate(code, other), ...(kind ? { kind } : {}), ...(width ? { width } : {}) }));
}

export const quantityText = (q: Q): string => (q.quantity === null ? q.id : `${q.id} × ${q.quantity}${q.uom ? ` ${q.uom}` : ''}`);

export function traceSheets(r: TraceResponse, lang: Lang, now: Date): Sheet[] {
  const name = new Map(r.parties.map((p) => [p.key, p.name]));
  const partyName = (key: string | null) => (key === null ? null : (name.get(key) ?? key));
  const t = (code: string, params?: Record<string, unknown>) => translate(code, lang, params);
  const docs = (list: readonly { type: string | null; id: string }[]) => list.map((d) => (d.type ? `${d.type}: ${d.id}` : d.id)).join('; ') || null;

  const summary: Sheet = {
    name: t(T.TRACE_SHEET_SUMMARY),
    columns: columnsOf(lang, [[T.TRACE_COL_ITEM, 'text', 36], [T.TRACE_COL_VALUE, 'text', 90]]),
    rows: [
      [t(T.TRACE_SUMMARY_QUERY), r.query.input],
      [t(T.TRACE_SUMMARY_CANONICAL), r.query.id],
      [t(T.TRACE_SUMMARY_DIRECTION), t(`TRACE_DIRECTION_${r.query.direction}`)],
      [t(T.TRACE_SUMMARY_GENERATED), now.toISOString()],
      [t(T.TRACE_SUMMARY_COUNTS), `${r.nodes.length} / ${r.events.length} / ${r.movements.length}`],
      [r.truncated ? t(T.TRACE_SUMMARY_TRUNCATED) : t(T.TRACE_SUMMARY_COMPLETE), r.truncations.map((x) => x.messages[lang]).join(' ') || null],
      ...r.truncations.map((x): Cell[] => [x.reason, x.at.join('; ') || null]),
      ...(r.cycles.length ? r.cycles.map((c): Cell[] => [t(T.TRACE_SUMMARY_CYCLES), c.join(' → ')]) : []),
    ],
  };

  const identities: Sheet = {
    name: t(T.TRACE_SHEET_IDENTITIES),
    columns: columnsOf(lang, [
      [T.TRACE_COL_ID, 'text', 60], [T.TRACE_COL_KIND], [T.TRACE_COL_GTIN], [T.TRACE_COL_LOT], [T.TRACE_COL_SERIAL], [T.TRACE_COL_SSCC],
      [T.TRACE_COL_PRODUCT, 'text', 36], [T.TRACE_COL_SIDE], [T.TRACE_COL_BACK_DEPTH, 'number'], [T.TRACE_COL_FORWARD_DEPTH, 'number'], [T.TRACE_COL_BALANCE],
    ]),
    rows: r.nodes.map((n) => [
      n.id, n.kind, n.gtin, n.lot, n.serial, n.sscc,
      n.product ? (lang === 'en' && n.product.nameEn ? n.product.nameEn : n.product.nameVi) : null,
      t(`TRACE_SIDE_${n.side}`), n.depth.back, n.depth.forward, n.massBalance ? t(`TRACE_BALANCE_${n.massBalance.status}`) : null,
    ]),
  };

  return [summary, identities, eventsSheet(r, lang), {
    name: t(T.TRACE_SHEET_MOVEMENTS),
    columns: columnsOf(lang, [[T.TRACE_COL_TIME, 'datetime', 18], [T.TRACE_COL_BIZ_STEP], [T.TRACE_COL_FROM, 'text', 32], [T.TRACE_COL_TO, 'text', 32], [T.TRACE_COL_WHAT, 'text', 70], [T.TRACE_COL_DOCUMENTS, 'text', 30], [T.TRACE_COL_EVENT_ID, 'text', 40]]),
    rows: r.movements.map((m) => [new Date(m.time), m.bizStep, partyName(m.from), partyName(m.to), m.what.map(quantityText).join('; '), docs(m.documents), m.eventId]),
  }, {
    name: t(T.TRACE_SHEET_ONE_STEP),
    columns: columnsOf(lang, [[T.TRACE_COL_DIRECTION, 'text', 28], [T.TRACE_COL_PARTNER, 'text', 32], [T.TRACE_COL_TIME, 'datetime', 18], [T.TRACE_COL_WHAT, 'text', 70], [T.TRACE_COL_DOCUMENTS, 'text', 30]]),
    rows: [
      ...r.oneStep.back.map((l): Cell[] => [t('TRACE_DIRECTION_back'), partyName(l.party), new Date(l.time), l.what.map(quantityText).join('; '), docs(l.documents)]),
      ...r.oneStep.forward.map((l): Cell[] => [t('TRACE_DIRECTION_forward'), partyName(l.party), new Date(l.time), l.what.map(quantityText).join('; '), docs(l.documents)]),
    ],
  }];
}

/** The events of a trace, one row each: the CSV export, and a sheet of the XLSX. */
export function eventsSheet(r: TraceResponse, lang: Lang): Sheet {
  const name = new Map(r.parties.map((p) => [p.key, p.name]));
  const partyName = (key: string) => name.get(key) ?? key;
  return {
    name: translate(T.TRACE_SHEET_EVENTS, lang),
    columns: columnsOf(lang, [
      [T.TRACE_COL_TIME, 'datetime', 18], [T.TRACE_COL_EVENT_TYPE, 'text', 20], [T.TRACE_COL_ACTION], [T.TRACE_COL_BIZ_STEP], [T.TRACE_COL_DISPOSITION],
      [T.TRACE_COL_RECORDED_BY, 'text', 32], [T.TRACE_COL_LOCATION, 'text', 40], [T.TRACE_COL_FROM, 'text', 32], [T.TRACE_COL_TO, 'text', 32],
      [T.TRACE_COL_WHAT, 'text', 70], [T.TRACE_COL_DOCUMENTS, 'text', 30], [T.TRACE_COL_EVENT_ID, 'text', 40],
    ]),
    rows: r.events.map((e) => [
      new Date(e.time), e.type, e.action, e.bizStep, e.disposition, partyName(e.recordedBy), e.bizLocation ?? e.readPoint,
      e.sources.map((s) => partyName(s.party)).join('; ') || null, e.destinations.map((d) => partyName(d.party)).join('; ') || null,
      e.identities.map((i) => `${i.role}: ${quantityText(i)}`).join('; '), e.documents.map((d) => (d.type ? `${d.type}: ${d.id}` : d.id)).join('; ') || null, e.eventId,
    ]),
  };
}
