// The trace as the API answers it (schema in http-schemas.ts). Built field by field: no database row or model
// object leaves the module as it is.
import type { EpcisEvent } from '@txng/epcis';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { identitiesOf } from './graph.ts';
import type { TraceIdentifier } from './identifiers.ts';
import type { MassBalance } from './mass-balance.ts';
import { TraceErrors } from './messages.ts';
import { documentsOf, termOf, type PartnerLink } from './movements.ts';
import type { PartyRef } from './parties.ts';
import type { Truncation } from './trace-engine.ts';
import type { TraceDirection } from './trace-service.ts';
import type { TraceNode, TraceView } from './trace-view.ts';
import { canonical } from './canonical.ts';

/** Identities listed in a truncation notice at most (the count says how many in all). */
const AT_SHOWN = 50;

const TRUNCATION_CODES: Record<Truncation['reason'], string> = {
  depth: TraceErrors.TRACE_TRUNCATED_DEPTH,
  size: TraceErrors.TRACE_TRUNCATED_SIZE,
  events: TraceErrors.TRACE_TRUNCATED_EVENTS,
  start: TraceErrors.TRACE_TRUNCATED_START,
};

export function presentTruncation(t: Truncation) {
  return {
    reason: t.reason,
    direction: t.direction === 'backward' ? 'back' : t.direction,
    limit: t.limit,
    at: t.at.slice(0, AT_SHOWN),
    count: t.at.length,
    messages: translateBoth(TRUNCATION_CODES[t.reason], { limit: t.limit, count: t.at.length }),
  };
}

export function presentParty(p: PartyRef) {
  return { key: p.key, organizationId: p.organizationId, name: p.name, gln: p.gln, uri: p.uri, registered: p.registered };
}

export function presentMassBalance(m: MassBalance) {
  return {
    status: m.status,
    transformations: m.transformations.map((t) => ({
      eventIds: t.eventIds, time: t.time.toISOString(), organizationId: t.organizationId, inputs: t.inputs, outputs: t.outputs,
      inputNeeded: t.inputNeeded, inputGiven: t.inputGiven, dimension: t.dimension, tolerancePercent: t.tolerancePercent, status: t.status, reason: t.reason,
    })),
    holdings: m.holdings.map((h) => ({ party: h.party, dimension: h.dimension, cameIn: h.cameIn, wentOut: h.wentOut, status: h.status })),
  };
}

function presentNode(n: TraceNode) {
  const side = n.backwardDepth === 0 || n.forwardDepth === 0 ? 'origin' : n.backwardDepth !== null && n.forwardDepth !== null ? 'both' : n.backwardDepth !== null ? 'back' : 'forward';
  return {
    id: n.id, kind: n.kind, gtin: n.gtin, lot: n.lot, serial: n.serial, sscc: n.sscc, gln: n.gln,
    product: n.product ? { id: n.product.id, nameVi: n.product.nameVi, nameEn: n.product.nameEn, unit: n.product.unit } : null,
    lotId: n.catalogLotId,
    depth: { back: n.backwardDepth, forward: n.forwardDepth },
    side, containerOnly: n.containerOnly, recordedBy: n.recordedBy, eventCount: n.eventCount,
    massBalance: n.massBalance ? presentMassBalance(n.massBalance) : null,
  };
}

function presentLink(l: PartnerLink) {
  return { party: l.party, what: l.what, time: l.time.toISOString(), documents: l.documents, eventIds: l.eventIds, bizStep: l.bizStep };
}

const ROLE_LISTS = [['epcList', 'object'], ['childEPCs', 'child'], ['inputEPCList', 'input'], ['outputEPCList', 'output']] as const;
const QUANTITY_LISTS = [['quantityList', 'object'], ['childQuantityList', 'child'], ['inputQuantityList', 'input'], ['outputQuantityList', 'output']] as const;

export function presentEvent(e: { eventId: string; organizationId: string; eventTime: Date; event: EpcisEvent }, partyKey: (uri: string) => string) {
  const ev = e.event as EpcisEvent & Record<string, unknown>;
  const identities: { id: string; role: string; quantity: number | null; uom: string | null }[] = [];
  for (const [list, role] of ROLE_LISTS) for (const x of (ev[list] as string[] | undefined) ?? []) identities.push({ id: canonical(x), role, quantity: null, uom: null });
  for (const [list, role] of QUANTITY_LISTS) {
    for (const q of (ev[list] as { epcClass: string; quantity?: number; uom?: string }[] | undefined) ?? []) identities.push({ id: canonical(q.epcClass), role, quantity: q.quantity ?? null, uom: q.uom ?? null });
  }
  const parent = identitiesOf(e.event).parent;
  if (parent) identities.push({ id: parent, role: 'parent', quantity: null, uom: null });
  return {
    eventId: e.eventId,
    type: e.event.type,
    action: typeof ev.action === 'string' ? ev.action : null,
    bizStep: e.event.bizStep ? termOf('bizStep', e.event.bizStep) : null,
    disposition: e.event.disposition ? termOf('disposition', e.event.disposition) : null,
    time: e.eventTime.toISOString(),
    timeZoneOffset: e.event.eventTimeZoneOffset,
    recordedBy: `org:${e.organizationId}`,
    readPoint: e.event.readPoint ? canonical(e.event.readPoint.id) : null,
    bizLocation: e.event.bizLocation ? canonical(e.event.bizLocation.id) : null,
    sources: (e.event.sourceList ?? []).map((s) => ({ type: termOf('sourceDestType', s.type), party: partyKey(canonical(s.source)) })),
    destinations: (e.event.destinationList ?? []).map((d) => ({ type: termOf('sourceDestType', d.type), party: partyKey(canonical(d.destination)) })),
    documents: documentsOf(e.event),
    identities,
  };
}

export function presentTrace(input: { target: TraceIdentifier; direction: TraceDirection; maxDepth: number; maxNodes: number; view: TraceView }) {
  const { view } = input;
  const parties = new Map<string, PartyRef>();
  for (const p of view.parties.values()) parties.set(p.key, p);
  const partyKey = (uri: string) => view.parties.get(uri)?.key ?? uri;
  return {
    query: { input: input.target.input, id: input.target.canonical, kind: input.target.kind, direction: input.direction, depth: input.maxDepth, limit: input.maxNodes },
    origin: view.origin,
    truncated: view.truncations.length > 0,
    truncations: view.truncations.map(presentTruncation),
    nodes: view.nodes.map(presentNode),
    edges: view.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind, eventId: e.eventId, time: e.time.toISOString(), quantity: e.quantity, uom: e.uom })),
    parties: [...parties.values()].map(presentParty),
    movements: view.movements.map((m) => ({ eventId: m.eventId, time: m.time.toISOString(), bizStep: m.bizStep, from: m.from, to: m.to, what: m.what, documents: m.documents, recordedBy: m.recordedBy })),
    oneStep: { perspective: view.oneStep.perspective, back: view.oneStep.back.map(presentLink), forward: view.oneStep.forward.map(presentLink) },
    events: view.events.map((e) => presentEvent(e, partyKey)),
    cycles: view.cycles,
  };
}

export type TraceResponse = ReturnType<typeof presentTrace>;
