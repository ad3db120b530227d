// Trace exports: a trace as XLSX or CSV, and the FSMA 204 sortable spreadsheet for a set of lots and a date range.
// Each goes through the trace service, so the reader's scope applies exactly as on screen.
import { canonical } from '../canonical.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import type { Directory } from '../directory.ts';
import { describeCanonical } from '../identifiers.ts';
import { TraceErrors } from '../messages.ts';
import { presentTrace } from '../presenter.ts';
import type { TraceRequest, TraceService } from '../trace-service.ts';
import { FSMA_COLUMNS, fsmaRows, type FsmaRow } from './fsma204.ts';
import { CSV_TYPE, writeCsv, writeWorkbook, XLSX_TYPE, type ExportFile, type Sheet } from './sheet-writer.ts';
import { eventsSheet, traceSheets } from './trace-sheets.ts';

export const FSMA_MAX_LOTS = 200;

const stamp = (d: Date) => d.toISOString().slice(0, 10);

export function createTraceExports(deps: { trace: TraceService; directory: Directory; now: () => Date }) {
  const { trace, directory } = deps;

  async function file(sheets: Sheet[], format: 'xlsx' | 'csv', stem: string): Promise<ExportFile> {
    if (format === 'csv') return { bytes: writeCsv(sheets[0]!), contentType: CSV_TYPE, fileName: `${stem}.csv` };
    return { bytes: await writeWorkbook(sheets), contentType: XLSX_TYPE, fileName: `${stem}.xlsx` };
  }

  /** Place names of location identifiers (GLN Digital Links and this installation's place URIs). */
  async function placeNames(ids: readonly string[]): Promise<Map<string, string>> {
    const glns = ids.flatMap((id) => (describeCanonical(id).gln ? [describeCanonical(id).gln!] : []));
    const placeIds = ids.map((id) => directory.placeIdOfUri(id)).filter((x): x is string => x !== null);
    const found = await directory.placesBy(glns, placeIds);
    const out = new Map<string, string>();
    for (const id of ids) {
      const d = describeCanonical(id);
      const p = found.find((x) => x.id === directory.placeIdOfUri(id) || (d.gln !== undefined && x.gln === d.gln && (x.glnExtension ?? undefined) === d.glnExtension));
      if (p) out.set(id, p.name);
    }
    return out;
  }

  return {
    async trace(ctx: RequestContext, req: TraceRequest, format: 'xlsx' | 'csv'): Promise<ExportFile> {
      const outcome = await trace.trace(ctx, req);
      const response = presentTrace({ target: outcome.target, direction: outcome.direction, maxDepth: outcome.limits.maxDepth, maxNodes: outcome.limits.maxNodes, view: outcome.view });
      const lang: Lang = ctx.lang;
      const sheets = format === 'csv' ? [eventsSheet(response, lang)] : traceSheets(response, lang, deps.now());
      return file(sheets, format, `truy-xuat-${stamp(deps.now())}`);
    },

    async fsma204(ctx: RequestContext, q: { lots: readonly string[]; from: string | null; to: string | null }, format: 'xlsx' | 'csv'): Promise<ExportFile> {
      if (q.lots.length > FSMA_MAX_LOTS) throw new AppError('invalid', TraceErrors.TRACE_EXPORT_TOO_MANY_LOTS, { limit: FSMA_MAX_LOTS });
      const range = { from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : null, to: q.to ? new Date(`${q.to}T23:59:59.999+07:00`) : null };
      const rows: FsmaRow[] = [];
      for (const input of q.lots) {
        // Depth one both ways: the lot's own events, the containers it travelled in, the transformations around it.
        const outcome = await trace.trace(ctx, { id: input, direction: 'both', depth: 1 });
        const lot = outcome.target.canonical;
        const view = outcome.view;
        const places = await placeNames([...new Set(view.events.flatMap((e) => [e.event.bizLocation?.id, e.event.readPoint?.id].filter((x): x is string => !!x).map((x) => canonical(x))))]);
        const nameOf = (key: string) => places.get(key) ?? view.parties.get(key)?.name ?? [...view.parties.values()].find((p) => p.key === key)?.name ?? key;
        const node = view.nodes.find((n) => n.id === lot);
        const productOf = () => (node?.product ? (ctx.lang === 'en' && node.product.nameEn ? node.product.nameEn : node.product.nameVi) : null);
        rows.push(...fsmaRows(lot, view.events, { nameOf, productOf }, range));
      }
      rows.sort((a, b) => a.tlc.localeCompare(b.tlc) || a.time.getTime() - b.time.getTime());
      const sheet: Sheet = {
        name: 'FSMA 204',
        columns: FSMA_COLUMNS.map(([en, vi], i) => ({ header: en, note: vi, width: i === 0 || i === 1 || i === 7 ? 40 : 22, ...(i === 4 ? { kind: 'date' as const } : i === 5 ? { kind: 'number' as const } : {}) })),
        rows: rows.map((r) => r.cells),
      };
      return file([sheet], format, `fsma204-${stamp(deps.now())}`);
    },
  };
}

export type TraceExports = ReturnType<typeof createTraceExports>;
