// The rows an event contributes to the index tables (migrations/0001_epcis.sql), computed exactly as the
// reference evaluator of @txng/epcis (`matchesQuery`) reads events, so that a query answered from these tables
// selects the same events (query/sql-filters.ts is tested against `matchesQuery` as the oracle).
// Rows are collected column by column for a chunk of events and inserted with one `unnest` statement per table.
import { canonicalEpc, eventTypeOf, parseTimestamp, vocabularyIri, type EpcisEvent, type ExtensionElement, type ExtensionValue, type QuantityElement } from '@txng/epcis';
import { FIELD_SCOPE_CODES, type FieldScopeName } from './field-scopes.ts';

/** EPC list roles (event_epcs.role) and quantity list roles (event_quantities.role). */
export const EPC_ROLES = { epcList: 1, childEPCs: 2, inputEPCList: 3, outputEPCList: 4, parentID: 5 } as const;
export const QUANTITY_ROLES = { quantityList: 1, childQuantityList: 2, inputQuantityList: 3, outputQuantityList: 4 } as const;
export const PARTY_ROLES = { source: 1, destination: 2 } as const;

/** Sensor string fields compared as identifiers, case-folded hex, or CBV vocabulary (match-event.ts). */
const SENSOR_STRING_FIELDS = ['type', 'exception', 'component', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules',
  'microorganism', 'chemicalSubstance', 'coordinateReferenceSystem', 'stringValue', 'hexBinaryValue', 'uriValue', 'uom'] as const;
const SENSOR_NUMBER_FIELDS = ['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'] as const;
const METADATA_STRING_FIELDS = ['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'] as const;
const IDENTIFIER_FIELDS = new Set(['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules', 'microorganism', 'chemicalSubstance', 'uriValue']);
const SENSOR_VOCABULARY = { type: 'measurementType', exception: 'sensorAlertType', component: 'component' } as const;

/** How the query language compares a sensor string field; applied to stored values and to query values. */
export function normaliseSensorString(field: string, value: string): string {
  if (IDENTIFIER_FIELDS.has(field)) return canonicalEpc(value);
  if (field === 'hexBinaryValue') return value.toLowerCase();
  const kind = (SENSOR_VOCABULARY as Record<string, 'measurementType' | 'sensorAlertType' | 'component'>)[field];
  return kind ? vocabularyIri(kind, value) : value;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A field value as a number, as EQ_/GT_ of extension fields compare it (match-fields.ts asNumber). */
function asNumber(value: ExtensionValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return null;
}

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/** The GLN of a GLN-keyed party identifier in canonical form (Digital Link AI 414 or 417). */
export function partyGln(canonical: string): string | null {
  const m = /^https:\/\/id\.gs1\.org\/(?:414|417)\/(\d{13})(?:\/|$)/.exec(canonical);
  return m ? m[1]! : null;
}

/** Columns of one table for a chunk of events, each an array parallel to the others. */
type Columns<K extends string> = { readonly [C in K]: unknown[] };

function columns<K extends string>(...names: K[]): Columns<K> {
  return Object.fromEntries(names.map((n) => [n, []])) as unknown as Columns<K>;
}

export class ChunkRows {
  readonly events = columns('seq', 'eventId', 'eventType', 'action', 'eventTime', 'bizStep', 'disposition', 'readPoint', 'bizLocation',
    'transformationId', 'pdSet', 'pdUnset', 'declarationTime', 'errorReason', 'hasSensor', 'body');
  readonly epcs = columns('seq', 'role', 'epc');
  readonly quantities = columns('seq', 'role', 'epcClass', 'quantity', 'uom');
  readonly parties = columns('seq', 'role', 'type', 'party', 'gln');
  readonly bizTransactions = columns('seq', 'type', 'bizTransaction');
  readonly corrections = columns('seq', 'correctiveEventId');
  readonly fields = columns('seq', 'scope', 'top', 'pos', 'ns', 'name', 'textValue', 'numValue', 'timeValue', 'sortNum', 'sortText');
  readonly sensors = columns('seq', 'field', 'textValue', 'numValue', 'uom', 'timeValue');
  count = 0;

  /** Adds an event (eventID and recordTime already set) stored under `seq`; `body` is its JSON text. */
  add(seq: number, event: EpcisEvent, body: string): void {
    this.count++;
    const e = this.events;
    const record = event as EpcisEvent & Record<string, unknown>;
    e.seq.push(seq);
    e.eventId.push(event.eventID);
    e.eventType.push(event.type);
    e.action.push(typeof record.action === 'string' ? record.action : null);
    e.eventTime.push(isoOrNull(parseTimestamp(event.eventTime)));
    e.bizStep.push(event.bizStep ?? null);
    e.disposition.push(event.disposition ?? null);
    e.readPoint.push(event.readPoint ? canonicalEpc(event.readPoint.id) : null);
    e.bizLocation.push(event.bizLocation ? canonicalEpc(event.bizLocation.id) : null);
    e.transformationId.push(typeof record.transformationID === 'string' ? canonicalEpc(record.transformationID) : null);
    e.pdSet.push(event.persistentDisposition?.set ?? null);
    e.pdUnset.push(event.persistentDisposition?.unset ?? null);
    e.declarationTime.push(event.errorDeclaration ? isoOrNull(parseTimestamp(event.errorDeclaration.declarationTime)) : null);
    e.errorReason.push(event.errorDeclaration?.reason ?? null);
    e.hasSensor.push((event.sensorElementList ?? []).length > 0);
    e.body.push(body);
    this.addIdentities(seq, event);
    this.addParties(seq, event);
    for (const id of event.errorDeclaration?.correctiveEventIDs ?? []) {
      this.corrections.seq.push(seq);
      this.corrections.correctiveEventId.push(id);
    }
    this.addFields(seq, event);
    this.addSensors(seq, event);
  }

  private addIdentities(seq: number, event: EpcisEvent): void {
    const record = event as EpcisEvent & Record<string, unknown>;
    const type = eventTypeOf(event);
    for (const list of type.epcLists) {
      for (const epc of (record[list] as readonly string[] | undefined) ?? []) this.epc(seq, EPC_ROLES[list], epc);
    }
    if (typeof record.parentID === 'string') this.epc(seq, EPC_ROLES.parentID, record.parentID);
    for (const list of type.quantityLists) {
      for (const q of (record[list] as readonly QuantityElement[] | undefined) ?? []) {
        const c = this.quantities;
        c.seq.push(seq);
        c.role.push(QUANTITY_ROLES[list]);
        c.epcClass.push(canonicalEpc(q.epcClass));
        c.quantity.push(q.quantity ?? null);
        c.uom.push(q.uom ?? null);
      }
    }
  }

  private epc(seq: number, role: number, epc: string): void {
    this.epcs.seq.push(seq);
    this.epcs.role.push(role);
    this.epcs.epc.push(canonicalEpc(epc));
  }

  private addParties(seq: number, event: EpcisEvent): void {
    const party = (role: number, type: string, id: string) => {
      const canonical = canonicalEpc(id);
      const c = this.parties;
      c.seq.push(seq);
      c.role.push(role);
      c.type.push(type);
      c.party.push(canonical);
      c.gln.push(partyGln(canonical));
    };
    for (const s of event.sourceList ?? []) party(PARTY_ROLES.source, s.type, s.source);
    for (const d of event.destinationList ?? []) party(PARTY_ROLES.destination, d.type, d.destination);
    for (const b of event.bizTransactionList ?? []) {
      this.bizTransactions.seq.push(seq);
      this.bizTransactions.type.push(b.type ?? null);
      this.bizTransactions.bizTransaction.push(canonicalEpc(b.bizTransaction));
    }
  }

  private addFields(seq: number, event: EpcisEvent): void {
    const e = event as EpcisEvent & { ilmd?: readonly ExtensionElement[] };
    const roots: [FieldScopeName, readonly ExtensionElement[] | undefined][] = [
      ['event', event.extensions], ['ilmd', e.ilmd], ['errorDeclaration', event.errorDeclaration?.extensions],
      ['readPoint', event.readPoint?.extensions], ['bizLocation', event.bizLocation?.extensions],
    ];
    for (const s of event.sensorElementList ?? []) {
      roots.push(['sensorElement', s.extensions], ['sensorMetadata', s.sensorMetadata?.extensions]);
      for (const r of s.sensorReport) roots.push(['sensorReport', r.extensions]);
    }
    const positions = new Map<FieldScopeName, number>();
    for (const [scope, list] of roots) {
      if (!list?.length) continue;
      for (const el of list) {
        const pos = positions.get(scope) ?? 0;
        positions.set(scope, pos + 1);
        this.field(seq, scope, true, pos, el);
        this.descendants(seq, scope, pos, el);
      }
    }
  }

  /** Attributes and children at any depth below a top-level element (EQ_INNER_…), as match-fields.ts walks them. */
  private descendants(seq: number, scope: FieldScopeName, pos: number, el: ExtensionElement): void {
    for (const child of [...(el.attributes ?? []), ...(el.children ?? [])]) {
      this.field(seq, scope, false, pos, child);
      this.descendants(seq, scope, pos, child);
    }
  }

  private field(seq: number, scope: FieldScopeName, top: boolean, pos: number, el: ExtensionElement): void {
    const c = this.fields;
    const v = el.value;
    c.seq.push(seq);
    c.scope.push(FIELD_SCOPE_CODES[scope]);
    c.top.push(top);
    c.pos.push(pos);
    c.ns.push(el.ns);
    c.name.push(el.name);
    c.textValue.push(v === undefined || v === null ? null : String(v));
    c.numValue.push(asNumber(v));
    c.timeValue.push(typeof v === 'string' ? isoOrNull(parseTimestamp(v.trim())) : null);
    // orderBy key (match-event.ts orderKey): a number, a date-time as an instant, a decimal text, else the text.
    let sortNum: number | null = null;
    let sortText: string | null = null;
    if (scope === 'event' && top) {
      if (typeof v === 'number') sortNum = v;
      else if (typeof v === 'string') {
        const t = parseTimestamp(v);
        if (t !== undefined) sortNum = t;
        else if (/^[+-]?\d+(\.\d+)?$/.test(v)) sortNum = Number(v);
        else sortText = v;
      }
    }
    c.sortNum.push(sortNum);
    c.sortText.push(sortText);
  }

  private addSensors(seq: number, event: EpcisEvent): void {
    const c = this.sensors;
    const push = (field: string, text: string | null, num: number | null, uom: string | null, time: string | null) => {
      c.seq.push(seq);
      c.field.push(field);
      c.textValue.push(text);
      c.numValue.push(num);
      c.uom.push(uom);
      c.timeValue.push(time);
    };
    for (const element of event.sensorElementList ?? []) {
      const m = element.sensorMetadata as (Record<string, unknown> & { time?: string; startTime?: string; endTime?: string }) | undefined;
      if (m) {
        for (const field of METADATA_STRING_FIELDS) if (typeof m[field] === 'string') push(field, normaliseSensorString(field, m[field] as string), null, null, null);
        for (const field of ['time', 'startTime', 'endTime'] as const) {
          const t = m[field] === undefined ? undefined : parseTimestamp(m[field]!);
          if (t !== undefined) push(field, null, null, null, isoOrNull(t));
        }
      }
      for (const report of element.sensorReport) {
        const r = report as unknown as Record<string, unknown>;
        for (const field of SENSOR_STRING_FIELDS) if (typeof r[field] === 'string') push(field, normaliseSensorString(field, r[field] as string), null, null, null);
        if (typeof report.booleanValue === 'boolean') push('booleanValue', String(report.booleanValue), null, null, null);
        for (const field of SENSOR_NUMBER_FIELDS) if (typeof r[field] === 'number') push(field, null, r[field] as number, report.uom ?? null, null);
        const t = report.time === undefined ? undefined : parseTimestamp(report.time);
        if (t !== undefined) push('time', null, null, null, isoOrNull(t));
      }
    }
  }
}
