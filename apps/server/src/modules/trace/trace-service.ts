// The trace capability's service: read the identifier, decide where the walk starts (an item, a lot, a shipment,
// a product's lots, or what passed through a place), walk within the reader's scope, and describe the result.
import type { Database } from '../../platform/db/database.ts';
import { AppError, CommonErrors, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { canonical } from './canonical.ts';
import { gs1Message } from '@txng/gs1';
import type { Directory, LotInfo, ProductInfo } from './directory.ts';
import { eventsAtPlace } from './event-reads.ts';
import { identitiesOf, type Direction } from './graph.ts';
import { describeCanonical, parseTraceIdentifier, type TraceIdentifier } from './identifiers.ts';
import type { MassBalance, Yield } from './mass-balance.ts';
import { TraceErrors } from './messages.ts';
import { partyNames } from './movements.ts';
import { resolveParties } from './parties.ts';
import { ALL, scopeCovers, traceScopeOf, type TraceScope } from './scope.ts';
import { computeTrace, type ComputedTrace, type TraceLimits, type Truncation } from './trace-engine.ts';
import { buildView, type TraceView, type ViewContext } from './trace-view.ts';
import { yieldsOf } from './yields.ts';

export type TraceDirection = 'back' | 'forward' | 'both';

export interface TraceRequest {
  readonly id: string;
  readonly lot?: string;
  readonly direction?: TraceDirection;
  readonly depth?: number;
  readonly limit?: number;
}

export const TRACE_DEFAULTS: TraceLimits = { maxDepth: 25, maxNodes: 5_000, maxEvents: 20_000 };
/** Starting identities a place or product trace opens at most (each is a walk of its own). */
export const MAX_STARTS = 1_000;

export interface TraceOutcome {
  readonly target: TraceIdentifier;
  readonly direction: TraceDirection;
  readonly limits: TraceLimits;
  readonly view: TraceView;
}

const DIRECTIONS: Record<TraceDirection, Direction[]> = { back: ['backward'], forward: ['forward'], both: ['backward', 'forward'] };

export interface IdentifierFault {
  /** The query field at fault: `id`, or `lot` when the lot code given beside a GTIN is. */
  readonly field: 'id' | 'lot';
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly gs1?: unknown;
}

/** What is wrong with an identifier, in the trace's message codes (GS1 faults in the package's words), or null. */
export function identifierFault(input: string, lot?: string): IdentifierFault | null {
  const r = parseTraceIdentifier(input, lot);
  if (r.ok) return null;
  const e = r.error;
  const base = { input };
  switch (e.code) {
    case 'TRACE_ID_EMPTY':
      return { field: 'id', code: TraceErrors.TRACE_IDENTIFIER_EMPTY, params: base };
    case 'TRACE_ID_TOO_LONG':
      return { field: 'id', code: TraceErrors.TRACE_IDENTIFIER_TOO_LONG, params: { ...base, limit: e.limit } };
    case 'TRACE_ID_GS1':
      return {
        field: lot !== undefined && e.gs1.ai === '10' ? 'lot' : 'id',
        code: TraceErrors.TRACE_IDENTIFIER_MALFORMED,
        params: { ...base, reasonVi: gs1Message(e.gs1, 'vi'), reasonEn: gs1Message(e.gs1, 'en'), position: e.gs1.position ?? null, gs1Code: e.gs1.code },
        gs1: e.gs1,
      };
    case 'TRACE_ID_NO_KEY':
      return { field: 'id', code: TraceErrors.TRACE_IDENTIFIER_NO_KEY, params: base };
    case 'TRACE_ID_LOT_NEEDS_GTIN':
      return { field: 'lot', code: TraceErrors.TRACE_LOT_NEEDS_GTIN, params: base };
    default:
      return { field: 'id', code: TraceErrors.TRACE_IDENTIFIER_UNRECOGNISED, params: base };
  }
}

/** The identifier read, or a 400 that says what is wrong and where. */
export function readIdentifier(input: string, lot?: string): TraceIdentifier {
  const fault = identifierFault(input, lot);
  if (fault) {
    const problem: FieldProblem & { in: 'query' } = { in: 'query', pointer: fault.field, code: fault.code, params: fault.params };
    throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [problem], fault.gs1 ? { gs1: fault.gs1 } : {});
  }
  return (parseTraceIdentifier(input, lot) as { ok: true; value: TraceIdentifier }).value;
}

export function createTraceService(deps: { db: Database; directory: Directory }) {
  const { db, directory } = deps;
  const orgKey = (id: string) => `org:${id}`;

  /** Where the walk starts: the identity itself, a product's lots, or everything handled at a place. */
  async function startsFor(scope: TraceScope, target: TraceIdentifier): Promise<{ starts: string[]; truncation: Truncation | null }> {
    if (target.kind === 'place') {
      const at = await eventsAtPlace(db.replica, target.canonical, target.glnExtension === undefined, scope, MAX_STARTS * 5);
      const ids = new Set<string>();
      for (const e of at.events) {
        const i = identitiesOf(e.event);
        for (const id of [...i.objects, ...i.children, ...i.inputs, ...i.outputs, ...(i.parent ? [i.parent] : [])]) ids.add(id);
      }
      const starts = [...ids];
      const cut = at.capped || starts.length > MAX_STARTS;
      return { starts: starts.slice(0, MAX_STARTS), truncation: cut ? { reason: 'start', direction: null, limit: MAX_STARTS, at: [target.canonical] } : null };
    }
    if (target.kind === 'product' && target.gtin) {
      const product = (await directory.productsByGtin([target.gtin])).get(target.gtin);
      const lots = product ? await directory.lotsOfProduct(product.id, null, null) : [];
      const starts = [target.canonical, ...lots.map((l) => lotIdentity(product!, l))];
      return { starts: starts.slice(0, MAX_STARTS), truncation: starts.length > MAX_STARTS ? { reason: 'start', direction: null, limit: MAX_STARTS, at: [target.canonical] } : null };
    }
    return { starts: [target.canonical], truncation: null };
  }

  /** The identity events use for a catalog lot (catalog lotEpcClass: its GS1 Digital Link class, else its URI). */
  function lotIdentity(product: ProductInfo, lot: LotInfo): string {
    if (product.gtin) {
      const r = parseTraceIdentifier(product.gtin, lot.lotCode);
      if (r.ok) return r.value.canonical;
    }
    return directory.lotUri(lot.id);
  }

  /** Products, catalog lots, parties and yields behind a computed trace, looked up in a few batched queries. */
  async function describe(computed: ComputedTrace, perspectiveOf: (lots: (id: string) => LotInfo | null) => string | null): Promise<TraceView> {
    const uris = new Set<string>();
    for (const e of computed.events) for (const p of [...(e.event.sourceList ?? []).map((x) => x.source), ...(e.event.destinationList ?? []).map((x) => x.destination)]) uris.add(canonical(p));
    // The parties and the catalog do not depend on each other: looked up at the same time.
    const [parties, catalog] = await Promise.all([
      resolveParties(directory, { uris: [...uris], organizationIds: [...new Set(computed.events.map((e) => e.organizationId))], names: partyNames(computed.events) }),
      catalogOf(computed),
    ]);
    // A registered organisation named by URI or GLN is one party with its capturing self: key `org:<id>`.
    const partyKey = (uri: string) => parties.get(uri)?.key ?? uri;
    const perspective = perspectiveOf(catalog.catalogLotOf);
    return buildView(computed, { orgKey, partyKey, parties, ...catalog, perspective });
  }

  /** The catalog's products, lots and yields for the identities of a computed trace. */
  async function catalogOf(computed: ComputedTrace): Promise<Pick<ViewContext, 'productOf' | 'catalogLotOf' | 'yieldOf'>> {
    const ids = new Set<string>(computed.starts);
    for (const w of computed.walks.values()) for (const id of w.depth.keys()) ids.add(id);
    const described = [...ids].map((id) => ({ id, d: describeCanonical(id) }));
    // Two round trips: the products of the GTINs, the lots by (GTIN, lot code) and by id at once; then the lots'
    // products and the yields of every product met.
    const gtinLots = described.flatMap((x) => (x.d.gtin && x.d.lot !== undefined ? [{ gtin: x.d.gtin, lotCode: x.d.lot }] : []));
    const lotIds = described.map((x) => directory.lotIdOfUri(x.id)).filter((x): x is string => x !== null);
    const [byGtin, lotsOfGtins, lotsById] = await Promise.all([
      directory.productsByGtin(described.flatMap((x) => (x.d.gtin ? [x.d.gtin] : []))),
      directory.lotsByGtin(gtinLots),
      directory.lotsBy([], lotIds),
    ]);
    // A lot named by GTIN and lot code is the lot of the product that GTIN names (productsByGtin's choice).
    const lots: LotInfo[] = [...lotsById];
    for (const { gtin, ...lot } of lotsOfGtins) if (byGtin.get(gtin)?.id === lot.productId) lots.push(lot);
    const byLotId = new Map(lots.map((l) => [l.id, l]));
    const byPair = new Map(lots.map((l) => [`${l.productId}\u0000${l.lotCode}`, l]));
    const [productsById, yields] = await Promise.all([
      directory.productsById(lots.map((l) => l.productId)),
      yieldsOf(db.replica, [...new Set([...[...byGtin.values()].map((p) => p.id), ...lots.map((l) => l.productId)])]),
    ]);
    const catalogLotOf = (id: string): LotInfo | null => {
      const uriLot = directory.lotIdOfUri(id);
      if (uriLot) return byLotId.get(uriLot) ?? null;
      const d = describeCanonical(id);
      const p = d.gtin ? byGtin.get(d.gtin) : undefined;
      return p && d.lot !== undefined ? (byPair.get(`${p.id}\u0000${d.lot}`) ?? null) : null;
    };
    const productOf = (id: string): ProductInfo | null => {
      const d = describeCanonical(id);
      if (d.gtin) return byGtin.get(d.gtin) ?? null;
      const lot = catalogLotOf(id);
      return lot ? (productsById.get(lot.productId) ?? null) : null;
    };
    const yieldOf = (id: string): Yield | undefined => {
      const p = productOf(id);
      return p ? yields.get(p.id) : undefined;
    };
    return { productOf, catalogLotOf, yieldOf };
  }

  return {
    /** GET /trace: the chain of an identifier within the reader's scope. */
    async trace(ctx: RequestContext, req: TraceRequest): Promise<TraceOutcome> {
      const target = readIdentifier(req.id, req.lot);
      const scope = await traceScopeOf(ctx.actor, directory);
      const direction = req.direction ?? 'both';
      const limits: TraceLimits = { ...TRACE_DEFAULTS, ...(req.depth !== undefined ? { maxDepth: req.depth } : {}), ...(req.limit !== undefined ? { maxNodes: req.limit } : {}) };
      const { starts, truncation } = await startsFor(scope, target);
      const computed = await computeTrace(db.replica, scope, starts, DIRECTIONS[direction], limits);
      const known = computed.events.length > 0 || (await catalogKnows(scope, target));
      if (!known) throw notFound(TraceErrors.TRACE_IDENTIFIER_UNKNOWN, { input: target.input });
      const own = scope.kind === 'organization' ? orgKey(scope.organizationId) : null;
      const view = await describe(truncation ? { ...computed, truncations: [truncation, ...computed.truncations] } : computed, (lotOf) => {
        if (own) return own;
        const lot = lotOf(target.canonical);
        if (lot) return orgKey(lot.organizationId);
        const first = computed.graph.eventsOf(target.canonical)[0];
        return first ? orgKey(first.organizationId) : null;
      });
      return { target, direction, limits, view };
    },

    /** Mass balance of a lot within the reader's scope. */
    async massBalance(ctx: RequestContext, id: string, lot?: string): Promise<{ target: TraceIdentifier; balance: MassBalance | null; view: TraceView }> {
      const target = readIdentifier(id, lot);
      const scope = await traceScopeOf(ctx.actor, directory);
      const computed = await computeTrace(db.replica, scope, [target.canonical], ['backward', 'forward'], { maxDepth: 1, maxNodes: TRACE_DEFAULTS.maxNodes, maxEvents: TRACE_DEFAULTS.maxEvents });
      if (!computed.events.length && !(await catalogKnows(scope, target))) throw notFound(TraceErrors.TRACE_IDENTIFIER_UNKNOWN, { input: target.input });
      const view = await describe(computed, () => (scope.kind === 'organization' ? orgKey(scope.organizationId) : null));
      return { target, balance: view.nodes.find((n) => n.id === target.canonical)?.massBalance ?? null, view };
    },

    /**
     * A trace with no reader scope (the system's): recall scopes must reach every holder. `perspective` is the
     * party whose one step back and forward is described.
     */
    async systemTrace(starts: readonly string[], directions: readonly Direction[], limits: TraceLimits, perspective: string | null): Promise<TraceView> {
      const computed = await computeTrace(db.orm, ALL, starts, directions, limits);
      return describe(computed, () => perspective);
    },

    readIdentifier,
    lotIdentity,
  };

  /** Whether the catalog knows the identifier within scope (a lot recorded but with no events yet). */
  async function catalogKnows(scope: TraceScope, target: TraceIdentifier): Promise<boolean> {
    let owner: string | undefined;
    const lotId = directory.lotIdOfUri(target.canonical);
    if (lotId) owner = (await directory.lotsBy([], [lotId]))[0]?.organizationId;
    else if (target.gtin) {
      const product = (await directory.productsByGtin([target.gtin])).get(target.gtin);
      if (product && target.lot !== undefined) owner = (await directory.lotsBy([{ productId: product.id, lotCode: target.lot }], []))[0]?.organizationId;
      else if (product && target.kind === 'product') owner = product.organizationId;
    }
    if (!owner) return false;
    return scopeCovers(scope, { seq: 0, eventId: '', organizationId: owner, eventTime: new Date(0), event: { type: 'ObjectEvent', action: 'OBSERVE', eventTime: '', eventTimeZoneOffset: '+00:00' } as never });
  }
}

export type TraceService = ReturnType<typeof createTraceService>;
