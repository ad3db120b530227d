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

type Tokens = readonly (string | number)[];

/** Collects findings; a pointer is only built for a value that is at fault. */
class Findings {
  readonly out: Found[] = [];
  constructor(private readonly base: string, private readonly options: SemanticOptions) {}

  add(code: EpcisIssueCode, tokens: Tokens, params: Record<string, string | number>, warning = false): void {
    this.out.push({ code, pointer: joinPointer(this.base, ...tokens), params, warning });
  }

  /**
   * A CBV URN (urn:epcglobal:cbv:bizstep:…) must name a CBV 2.0 term. A Web URI under
   * https://ref.gs1.org/cbv/ that names none is only warned about: GS1's own examples use such values.
   */
  vocabulary(kind: VocabularyKind, field: string, value: string | undefined, ...tokens: Tokens): void {
    if (value === undefined || isStandardTerm(kind, value)) return;
    const n = normaliseVocabularyValue(kind, value);
    if (n.unknownStandardTerm) this.add('EPCIS_CBV_UNKNOWN_VALUE', tokens, { value, field }, n.form !== 'urn');
  }

  identifier(value: string | undefined, ...tokens: Tokens): void {
    if (value === undefined) return;
    const problem = checkIdentifier(value);
    if (problem) this.add(problem.code, tokens, { value, gs1Code: problem.gs1Code }, this.options.gs1Keys === 'warning');
  }
}

function findings(event: EpcisEvent, base: string, options: SemanticOptions): Found[] {
  const f = new Findings(base, options);
  const e = event as EpcisEvent & Record<string, unknown>;
  const skew = options.futureSkewMs ?? DEFAULT_FUTURE_SKEW_MS;
  const eventTime = options.now === undefined ? undefined : parseTimestamp(event.eventTime);
  if (options.now !== undefined && eventTime !== undefined && eventTime > options.now + skew) {
    f.add('EPCIS_EVENT_TIME_IN_FUTURE', ['eventTime'], { value: event.eventTime, skewSeconds: Math.round(skew / 1000) });
  }
  const offset = parseTimeZoneOffset(event.eventTimeZoneOffset);
  if (offset !== undefined && Math.abs(offset) > 14 * 60) f.add('EPCIS_TIME_ZONE_OFFSET_RANGE', ['eventTimeZoneOffset'], { value: event.eventTimeZoneOffset });
  if (e.ilmd !== undefined && e.action !== undefined && e.action !== 'ADD') f.add('EPCIS_ILMD_WITHOUT_ADD', ['ilmd'], { action: String(e.action) });
  const shape = eventTypeOf(event);
  for (const field of shape.epcLists) (e[field] as readonly string[] | undefined)?.forEach((value, i) => f.identifier(value, field, i));
  for (const field of shape.quantityLists) {
    (e[field] as readonly QuantityElement[] | undefined)?.forEach((q, i) => f.identifier(q.epcClass, field, i, 'epcClass'));
  }
  f.identifier(e.parentID as string | undefined, 'parentID');
  f.identifier(event.readPoint?.id, 'readPoint', 'id');
  f.identifier(event.bizLocation?.id, 'bizLocation', 'id');
  event.sourceList?.forEach((s, i) => f.identifier(s.source, 'sourceList', i, 'source'));
  event.destinationList?.forEach((d, i) => f.identifier(d.destination, 'destinationList', i, 'destination'));
  f.vocabulary('bizStep', 'bizStep', event.bizStep, 'bizStep');
  f.vocabulary('disposition', 'disposition', event.disposition, 'disposition');
  for (const key of ['set', 'unset'] as const) {
    event.persistentDisposition?.[key]?.forEach((d, i) => f.vocabulary('disposition', 'persistentDisposition', d, 'persistentDisposition', key, i));
  }
  event.bizTransactionList?.forEach((b, i) => f.vocabulary('bizTransactionType', 'bizTransaction type', b.type, 'bizTransactionList', i, 'type'));
  event.sourceList?.forEach((s, i) => f.vocabulary('sourceDestType', 'source type', s.type, 'sourceList', i, 'type'));
  event.destinationList?.forEach((d, i) => f.vocabulary('sourceDestType', 'destination type', d.type, 'destinationList', i, 'type'));
  f.vocabulary('errorReason', 'errorDeclaration reason', event.errorDeclaration?.reason, 'errorDeclaration', 'reason');
  event.sensorElementList?.forEach((se, i) => se.sensorReport.forEach((r, j) => {
    f.vocabulary('component', 'component', r.component, 'sensorElementList', i, 'sensorReport', j, 'component');
    if (r.type !== undefined && /^[A-Za-z][A-Za-z0-9_]*$/.test(r.type) && !isStandardTerm('measurementType', r.type)) {
      f.add('EPCIS_SENSOR_TYPE_UNLISTED', ['sensorElementList', i, 'sensorReport', j, 'type'], { value: r.type }, true);
    }
  }));
  return f.out;
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
