// One call for the server's capture path (EPCIS 2.0 §8.2.? capture interface): read and validate a document
// in either binding, and give each event its CBV 2.0 event hash ID, with the event's own errors, so that
// the caller can apply GS1-Capture-Error-Behaviour (rollback: any error rejects all; proceed: per event).
import type { EpcisIssue } from './errors/issue.ts';
import { hashIgnoreFields, type FieldName } from './hash/ignore-fields.ts';
import { eventHashId, type Sha256 } from './hash/event-hash.ts';
import { writeJsonEventWithContext } from './json/write-document.ts';
import type { EpcisEvent, EpcisInput } from './model/types.ts';
import { validateAgainstEpcisSchema } from './validation/schema-validator.ts';
import { checkEventSemantics } from './validation/semantic-rules.ts';
import { validateEpcisJson, validateEpcisXml, type ValidationOptions } from './validation/validate.ts';

export interface CapturedEvent {
  /** Index in the input's event list. */
  readonly index: number;
  readonly event: EpcisEvent;
  /** `ni:///sha-256;…?ver=CBV2.0`: fills a missing eventID and identifies repeated captures. */
  readonly hashId: string;
  readonly errors: readonly EpcisIssue[];
}

export interface CapturePlan {
  /** True when nothing at all is wrong (rollback behaviour may store everything). */
  readonly ok: boolean;
  readonly document?: EpcisInput;
  /** Events that could be read, in input order, each with its own errors. */
  readonly events: readonly CapturedEvent[];
  /** Problems that concern the document or an event that could not be read at all. */
  readonly documentErrors: readonly EpcisIssue[];
  readonly warnings: readonly EpcisIssue[];
}

export interface CaptureOptions extends ValidationOptions {
  readonly sha256?: Sha256;
}

/** Reads, validates and hashes a capture document (`format` from the request's content type). */
export function prepareCapture(body: string | unknown, format: 'json' | 'xml', options: CaptureOptions = {}): CapturePlan {
  // Each event is hashed right after its checks, while its identifiers are in the parse cache. A document
  // that lists ignoreFields (rare) is hashed again once that list is known.
  const hashes = new Map<number, string>();
  const hash = (event: EpcisEvent, ignore: readonly FieldName[]): string =>
    eventHashId(event, { ignore, ...(options.sha256 ? { sha256: options.sha256 } : {}) });
  const visit = (event: EpcisEvent, index: number): void => {
    hashes.set(index, hash(event, []));
  };
  const result = format === 'xml' ? validateEpcisXml(String(body), options, visit) : validateEpcisJson(body, options, visit);
  const doc = result.document;
  const events = doc && 'events' in doc ? doc.events : [];
  const ignore = doc ? hashIgnoreFields(doc) : [];
  const read = new Set(result.eventIndexes);
  const byEvent = new Map<number, EpcisIssue[]>();
  const documentErrors: EpcisIssue[] = [];
  for (const e of result.errors) {
    if (e.eventIndex !== undefined && read.has(e.eventIndex)) {
      const list = byEvent.get(e.eventIndex);
      if (list) list.push(e);
      else byEvent.set(e.eventIndex, [e]);
    } else documentErrors.push(e);
  }
  const captured = events.map((event, j): CapturedEvent => {
    const index = result.eventIndexes[j]!;
    const hashId = ignore.length ? hash(event, ignore) : hashes.get(index) ?? hash(event, []);
    return { index, event, hashId, errors: byEvent.get(index) ?? [] };
  });
  return { ok: result.ok, ...(doc ? { document: doc } : {}), events: captured, documentErrors, warnings: result.warnings };
}

/** The event with its eventID set to the hash ID when it had none (EPCIS 2.0 §7.4.1, CBV 2.0 §8.9). */
export function withEventId(event: EpcisEvent, hashId: string): EpcisEvent {
  return event.eventID === undefined ? { ...event, eventID: hashId } : event;
}

/** Validates a model event on its own (e.g. built by a portal form): JSON Schema and semantic rules. */
export function validateEvent(event: EpcisEvent, options: Omit<ValidationOptions, 'strictOrder' | 'maxDepth'> = {}): { errors: EpcisIssue[]; warnings: EpcisIssue[] } {
  const errors = validateAgainstEpcisSchema(writeJsonEventWithContext(event, {}, { persistentDisposition: 'all' }), options.sensorTypes);
  const now = options.now instanceof Date ? options.now.getTime() : options.now;
  const semantic = checkEventSemantics(event, undefined, '', { ...(now === undefined ? {} : { now }), ...(options.futureSkewMs === undefined ? {} : { futureSkewMs: options.futureSkewMs }) });
  return { errors: [...errors, ...semantic.errors], warnings: semantic.warnings };
}
