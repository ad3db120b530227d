// Rules the JSON Schema cannot express, on the model so that both bindings get them: the event time is not
// in the future (the clock is passed in), the time-zone offset lies in −14:00..+14:00 (EPCIS 2.0 §7.3.?),
// ilmd only with action ADD (EPCIS 2.0 §7.4.2), GS1 identifiers are well formed with right check digits,
// values in a CBV namespace name a CBV 2.0 term, and sensor types outside the GS1 list are flagged.
import { issue, joinPointer, type EpcisIssue } from '../errors/issue.ts';
import type { EpcisIssueCode } from '../errors/messages.ts';
import { checkIdentifier } from '../gs1/identifiers.ts';
import { eventTypeOf } from '../model/event-types.ts';
import { parseTimestamp, parseTimeZoneOffset } from '../model/time.ts';
import type { EpcisEvent, QuantityElement } from '../model/types.ts';
import { isStandardTerm, normaliseVocabularyValue, type VocabularyKind } from '../model/vocabulary.ts';

export interface SemanticOptions {
  /** The current time (ms since the epoch); without it the future-time rule is skipped. */
  readonly now?: number;
  /** How far ahead of `now` an event time may be (clock skew between systems). Default 5 minutes. */
  readonly futureSkewMs?: number;
  /** Malformed GS1 identifiers and wrong check digits: errors (default) or warnings. */
  readonly gs1Keys?: 'error' | 'warning';
}

export const DEFAULT_FUTURE_SKEW_MS = 5 * 60_000;

interface Found {
  readonly code: EpcisIssueCode;
  readonly pointer: string;
  readonly params?: Record<string, string | number>;
  readonly warning?: boolean;
}

/**
 * A CBV URN (urn:epcglobal:cbv:bizstep:…) must name a CBV 2.0 term. A Web URI under https://ref.gs1.org/cbv/
 * that names none is only warned about: GS1's own examples use such values (e.g. `Bizstep-sensor_reporting`).
 */
function vocabulary(kind: VocabularyKind, field: string, value: string | undefined, pointer: string, out: Found[]): void {
  if (value === undefined) return;
  const n = normaliseVocabularyValue(kind, value);
  if (n.unknownStandardTerm) out.push({ code: 'EPCIS_CBV_UNKNOWN_VALUE', pointer, params: { value, field }, warning: n.form !== 'urn' });
}

function identifier(value: string | undefined, pointer: string, out: Found[], warning: boolean): void {
  if (value === undefined) return;
  const problem = checkIdentifier(value);
  if (problem) out.push({ code: problem.code, pointer, params: { value, gs1Code: problem.gs1Code }, warning });
}

function findings(event: EpcisEvent, base: string, options: SemanticOptions): Found[] {
  const out: Found[] = [];
  const keyWarnings = options.gs1Keys === 'warning';
  const id = (value: string | undefined, pointer: string): void => identifier(value, pointer, out, keyWarnings);
  const e = event as EpcisEvent & Record<string, unknown>;
  const eventTime = parseTimestamp(event.eventTime);
  if (options.now !== undefined && eventTime !== undefined && eventTime > options.now + (options.futureSkewMs ?? DEFAULT_FUTURE_SKEW_MS)) {
    out.push({ code: 'EPCIS_EVENT_TIME_IN_FUTURE', pointer: joinPointer(base, 'eventTime'), params: {
      value: event.eventTime, skewSeconds: Math.round((options.futureSkewMs ?? DEFAULT_FUTURE_SKEW_MS) / 1000),
    } });
  }
  const offset = parseTimeZoneOffset(event.eventTimeZoneOffset);
  if (offset !== undefined && Math.abs(offset) > 14 * 60) {
    out.push({ code: 'EPCIS_TIME_ZONE_OFFSET_RANGE', pointer: joinPointer(base, 'eventTimeZoneOffset'), params: { value: event.eventTimeZoneOffset } });
  }
  if (e.ilmd !== undefined && e.action !== undefined && e.action !== 'ADD') {
    out.push({ code: 'EPCIS_ILMD_WITHOUT_ADD', pointer: joinPointer(base, 'ilmd'), params: { action: String(e.action) } });
  }
  const shape = eventTypeOf(event);
  for (const field of shape.epcLists) {
    (e[field] as readonly string[] | undefined)?.forEach((value, i) => id(value, joinPointer(base, field, i)));
  }
  for (const field of shape.quantityLists) {
    (e[field] as readonly QuantityElement[] | undefined)?.forEach((q, i) => id(q.epcClass, joinPointer(base, field, i, 'epcClass')));
  }
  id(e.parentID as string | undefined, joinPointer(base, 'parentID'));
  id(event.readPoint?.id, joinPointer(base, 'readPoint', 'id'));
  id(event.bizLocation?.id, joinPointer(base, 'bizLocation', 'id'));
  event.sourceList?.forEach((s, i) => id(s.source, joinPointer(base, 'sourceList', i, 'source')));
  event.destinationList?.forEach((d, i) => id(d.destination, joinPointer(base, 'destinationList', i, 'destination')));
  vocabulary('bizStep', 'bizStep', event.bizStep, joinPointer(base, 'bizStep'), out);
  vocabulary('disposition', 'disposition', event.disposition, joinPointer(base, 'disposition'), out);
  for (const key of ['set', 'unset'] as const) {
    event.persistentDisposition?.[key]?.forEach((d, i) => vocabulary('disposition', 'persistentDisposition', d, joinPointer(base, 'persistentDisposition', key, i), out));
  }
  event.bizTransactionList?.forEach((b, i) => vocabulary('bizTransactionType', 'bizTransaction type', b.type, joinPointer(base, 'bizTransactionList', i, 'type'), out));
  event.sourceList?.forEach((s, i) => vocabulary('sourceDestType', 'source type', s.type, joinPointer(base, 'sourceList', i, 'type'), out));
  event.destinationList?.forEach((d, i) => vocabulary('sourceDestType', 'destination type', d.type, joinPointer(base, 'destinationList', i, 'type'), out));
  vocabulary('errorReason', 'errorDeclaration reason', event.errorDeclaration?.reason, joinPointer(base, 'errorDeclaration', 'reason'), out);
  event.sensorElementList?.forEach((se, i) => se.sensorReport.forEach((r, j) => {
    const p = joinPointer(base, 'sensorElementList', i, 'sensorReport', j);
    vocabulary('component', 'component', r.component, joinPointer(p, 'component'), out);
    if (r.type !== undefined && /^[A-Za-z][A-Za-z0-9_]*$/.test(r.type) && !isStandardTerm('measurementType', r.type)) {
      out.push({ code: 'EPCIS_SENSOR_TYPE_UNLISTED', pointer: joinPointer(p, 'type'), params: { value: r.type }, warning: true });
    }
  }));
  return out;
}

export interface SemanticResult {
  readonly errors: EpcisIssue[];
  readonly warnings: EpcisIssue[];
}

/**
 * Checks one model event. `base` is the event's JSON pointer in its document; `locate` may turn a pointer
 * into an XML path (XML input).
 */
export function checkEventSemantics(
  event: EpcisEvent,
  eventIndex: number | undefined,
  base: string,
  options: SemanticOptions,
  locate?: (pointer: string) => { xmlPath: string; position?: { line: number; column: number } },
): SemanticResult {
  const errors: EpcisIssue[] = [];
  const warnings: EpcisIssue[] = [];
  for (const f of findings(event, base, options)) {
    const where = locate ? locate(f.pointer) : { pointer: f.pointer };
    (f.warning ? warnings : errors).push(issue(f.code, { eventIndex, ...where, params: f.params }));
  }
  return { errors, warnings };
}
