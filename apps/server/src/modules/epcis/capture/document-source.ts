// A capture document as batches of validated, hashed events (EPCIS 2.0 §8.2.? capture, REST binding /capture).
// JSON-LD is parsed once; its event list is then validated and hashed a chunk at a time (each chunk a document
// of the same header around a slice of the list), so that a 10,000-event document is never held as models,
// JSON Schema findings and hashes all at once: only the parsed JSON and one chunk's models are alive.
// XML up to STREAM_XML_FROM characters is read by the package's tree reader (with header master data); larger XML
// goes through its streaming reader, fed a slice at a time, each event validated, hashed and handed out as soon as
// its element closes, so that no tree of the whole document is ever built (header master data is then not kept).
import { createHash } from 'node:crypto';
import { createXmlCaptureStream, prepareCapture, type CapturedEvent, type CapturePlan, type EpcisIssue, type Vocabulary } from '@txng/epcis';

export const DEFAULT_CHUNK = 1000;
export const STREAM_XML_FROM = 256 * 1024;
const XML_SLICE = 64 * 1024;

export interface CaptureOptions {
  /** The server clock: future event times are refused beyond the package's skew. */
  readonly now: number;
  readonly chunkSize?: number;
  /** Called with the event count as soon as it is known, before any validation (to refuse oversized documents early). */
  readonly onCount?: (count: number) => void;
}

export interface DocumentSource {
  /** EPCISDocument, EPCISQueryDocument, a bare event's type, or undefined when unreadable (streamed XML: known once read). */
  readonly kind: string | undefined;
  /** Events in the document (streamed XML: counted from its event tags before reading; exact once read). */
  readonly eventCount: number;
  /** Problems of the document as a whole (syntax, DOCTYPE, depth, header): nothing of it can be stored. */
  readonly documentErrors: readonly EpcisIssue[];
  readonly warnings: EpcisIssue[];
  /** Master data in the document header (EPCIS 2.0 §7.2), stored with the events. */
  readonly vocabularies: readonly Vocabulary[];
  /** Batches of events in input order; each event carries its own errors and its index in the input. */
  batches(): Iterable<Batch>;
}

export interface Batch {
  readonly events: readonly CapturedEvent[];
  /** Members of the event list that could not be read as events at all (each names its index). */
  readonly unreadable: readonly EpcisIssue[];
  /** Problems of the document itself found while streaming it (e.g. a syntax error after some events). */
  readonly documentErrors?: readonly EpcisIssue[];
}

const perEvent = (e: EpcisIssue): boolean => e.eventIndex !== undefined;

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fromPlan(plan: CapturePlan, chunkSize: number): DocumentSource {
  const doc = plan.document;
  const events = plan.events;
  return {
    kind: doc ? (doc.kind === 'EPCISDocument' && doc.bareEvent ? (events[0]?.event.type ?? 'EPCISDocument') : doc.kind) : undefined,
    eventCount: events.length,
    documentErrors: plan.documentErrors.filter((e) => !perEvent(e)),
    warnings: [...plan.warnings],
    vocabularies: doc && 'vocabularyList' in doc && doc.vocabularyList ? doc.vocabularyList : [],
    *batches() {
      const unreadable = plan.documentErrors.filter(perEvent);
      if (events.length === 0 && unreadable.length) yield { events: [], unreadable };
      for (let i = 0; i < events.length; i += chunkSize) yield { events: events.slice(i, i + chunkSize), unreadable: i === 0 ? unreadable : [] };
    },
  };
}

/** Where a JSON document keeps its event list: EPCISDocument body or query results. */
function eventListHolder(json: Json): { holder: Json; list: unknown[]; base: string } | undefined {
  const body = json.epcisBody;
  if (!isObject(body)) return undefined;
  if (json.type === 'EPCISDocument' && Array.isArray(body.eventList)) return { holder: body, list: body.eventList, base: '/epcisBody/eventList/' };
  const results = body.queryResults;
  if (json.type === 'EPCISQueryDocument' && isObject(results) && isObject(results.resultsBody) && Array.isArray(results.resultsBody.eventList)) {
    return { holder: results.resultsBody, list: results.resultsBody.eventList, base: '/epcisBody/queryResults/resultsBody/eventList/' };
  }
  return undefined;
}

/** An issue of a chunk, renumbered to the event's index in the whole document. */
function shift(issue: EpcisIssue, offset: number, base: string): EpcisIssue {
  if (offset === 0 || issue.eventIndex === undefined) return issue;
  const eventIndex = issue.eventIndex + offset;
  const pointer = issue.pointer?.startsWith(base) ? issue.pointer.replace(/^(.*?\/eventList\/)(\d+)/, (_, head: string) => `${head}${eventIndex}`) : issue.pointer;
  return { ...issue, eventIndex, ...(pointer === undefined ? {} : { pointer }) };
}

function jsonSource(text: string, options: CaptureOptions, chunkSize: number): DocumentSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The package reports the syntax error in its own terms (position and reason).
    return fromPlan(prepareCapture(text, 'json', { now: options.now, sha256 }), chunkSize);
  }
  const found = isObject(parsed) ? eventListHolder(parsed) : undefined;
  if (found) options.onCount?.(found.list.length);
  if (!found || found.list.length <= chunkSize) return fromPlan(prepareCapture(parsed, 'json', { now: options.now, sha256 }), chunkSize);
  const { holder, list, base } = found;
  // The header is validated with the first chunk; later chunks only contribute their events' findings.
  const first = prepareCapture(withEvents(parsed as Json, holder, list.slice(0, chunkSize)), 'json', { now: options.now, sha256 });
  const doc = first.document;
  const warnings = [...first.warnings];
  return {
    kind: doc?.kind,
    eventCount: list.length,
    documentErrors: first.documentErrors.filter((e) => !perEvent(e)),
    warnings,
    vocabularies: doc && 'vocabularyList' in doc && doc.vocabularyList ? doc.vocabularyList : [],
    *batches() {
      yield { events: first.events, unreadable: first.documentErrors.filter(perEvent) };
      for (let offset = chunkSize; offset < list.length; offset += chunkSize) {
        const plan = prepareCapture(withEvents(parsed as Json, holder, list.slice(offset, offset + chunkSize)), 'json', { now: options.now, sha256 });
        warnings.push(...plan.warnings.filter((w) => w.eventIndex !== undefined).map((w) => shift(w, offset, base)));
        yield {
          events: plan.events.map((e) => ({ ...e, index: e.index + offset, errors: e.errors.map((x) => shift(x, offset, base)) })),
          unreadable: plan.documentErrors.filter(perEvent).map((e) => shift(e, offset, base)),
        };
      }
    },
  };
}

/** The document with `events` in place of its event list (shallow copies on the path to the list only). */
function withEvents(doc: Json, holder: Json, events: unknown[]): Json {
  const replace = (node: Json): Json => {
    if (node === holder) return { ...node, eventList: events };
    const out: Json = { ...node };
    for (const [k, v] of Object.entries(node)) if (isObject(v) && (k === 'epcisBody' || k === 'queryResults' || k === 'resultsBody')) out[k] = replace(v);
    return out;
  };
  return replace(doc);
}

const EVENT_TAG = /<(?:[A-Za-z_][\w.-]*:)?(?:Object|Aggregation|Transaction|Transformation|Association)Event[\s>/]/g;

function streamedXmlSource(text: string, options: CaptureOptions, chunkSize: number): DocumentSource {
  const estimate = text.match(EVENT_TAG)?.length ?? 0;
  options.onCount?.(estimate);
  const documentErrors: EpcisIssue[] = [];
  const warnings: EpcisIssue[] = [];
  const source = {
    kind: undefined as string | undefined,
    eventCount: estimate,
    documentErrors,
    warnings,
    vocabularies: [] as Vocabulary[],
    *batches(): Generator<Batch> {
      let pending: CapturedEvent[] = [];
      const stream = createXmlCaptureStream({ now: options.now, sha256 }, (e) => pending.push(e));
      for (let at = 0; at < text.length; at += XML_SLICE) {
        stream.write(text.slice(at, at + XML_SLICE));
        if (pending.length >= chunkSize) {
          yield { events: pending, unreadable: [] };
          pending = [];
        }
      }
      const summary = stream.close();
      source.kind = summary.root;
      source.eventCount = summary.eventCount;
      warnings.push(...summary.warnings);
      yield { events: pending, unreadable: summary.documentErrors.filter(perEvent), documentErrors: summary.documentErrors.filter((e) => !perEvent(e)) };
    },
  };
  return source;
}

export function openDocument(format: 'json' | 'xml', text: string, options: CaptureOptions): DocumentSource {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  if (format === 'json') return jsonSource(text, options, chunkSize);
  if (text.length >= STREAM_XML_FROM) return streamedXmlSource(text, options, chunkSize);
  return fromPlan(prepareCapture(text, 'xml', { now: options.now, sha256 }), chunkSize);
}
