// trace: the trace graph over EPCIS events (one step back and forward, whole-chain traces), mass balance, and the
// trace exports (XLSX, CSV, FSMA 204). Other modules import only this file.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AuditRecorder } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createDirectory } from './directory.ts';
import { createTraceExports } from './exports/export-service.ts';
import { traceRoutes as routes } from './routes.ts';
import { createTraceService } from './trace-service.ts';
import { createYieldService } from './yields.ts';

export const traceModule = { name: 'trace', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;

export { parseTraceIdentifier, describeCanonical, type TraceIdentifier, type TraceKind } from './identifiers.ts';
export { readIdentifier, identifierFault, TRACE_DEFAULTS, type IdentifierFault, type TraceService, type TraceRequest, type TraceDirection } from './trace-service.ts';
export type { TraceView, TraceNode, TraceEdge } from './trace-view.ts';
export type { Truncation, TraceLimits } from './trace-engine.ts';
export { holdersOf, movementsOf, whatOf, documentsOf, type Holder, type HeldAmount, type Movement, type Quantity } from './movements.ts';
export type { PartyRef } from './parties.ts';
export type { Directory, OrganizationInfo, LotInfo, ProductInfo, PlaceInfo } from './directory.ts';
export { presentTruncation, presentParty, presentEvent } from './presenter.ts';
export { writeWorkbook, writeCsv, vietnamIso, XLSX_TYPE, CSV_TYPE, type Sheet, type SheetColumn, type Cell, type ExportFile } from './exports/sheet-writer.ts';
export { TraceErrors } from './messages.ts';
export { firstRecorder } from './event-reads.ts';

export function createTrace(deps: { db: Database; audit: AuditRecorder; clock: Clock; publicBaseUrl: string }) {
  const directory = createDirectory(deps.db.replica, deps.publicBaseUrl);
  const service = createTraceService({ db: deps.db, directory });
  const yields = createYieldService({ db: deps.db, audit: deps.audit, directory });
  const exports = createTraceExports({ trace: service, directory, now: () => deps.clock.now() });
  return { directory, service, yields, exports };
}

export type Trace = ReturnType<typeof createTrace>;

export async function traceRoutes(app: FastifyInstance, trace: Trace): Promise<void> {
  await routes(app, { trace: trace.service, yields: trace.yields, exports: trace.exports });
}
