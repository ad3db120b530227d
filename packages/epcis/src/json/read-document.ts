// EPCIS 2.0 JSON-LD documents (EPCIS 2.0 §10): EPCISDocument, EPCISQueryDocument or a bare event, into the
// model. JSON text is parsed here with a nesting bound; structure is checked by the JSON Schema separately.
import { describeValue, issue, joinPointer, type EpcisIssue } from '../errors/issue.ts';
import { isEventTypeName } from '../model/event-types.ts';
import type {
  EpcisDocument, EpcisEvent, EpcisQueryDocument, ExtensionElement, Namespaces, Vocabulary, VocabularyAttribute, VocabularyElement,
} from '../model/types.ts';
import { readContext } from './namespaces.ts';
import { readExtensions } from './read-extensions.ts';
import { readJsonEvent } from './read-event.ts';

export type JsonReadable = EpcisDocument | EpcisQueryDocument;

export interface ReadOutcome<T> {
  /** Undefined only when nothing could be read (syntax error, unknown document type). */
  readonly document?: T;
  readonly errors: readonly EpcisIssue[];
  readonly warnings: readonly EpcisIssue[];
  /** The index in the input's event list of each event in `document.events`. */
  readonly eventIndexes?: readonly number[];
}

export const DEFAULT_MAX_JSON_DEPTH = 64;

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Depth of nested arrays/objects, iteratively (no recursion on hostile input). */
export function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export function parseJsonText(input: string | unknown, maxDepth: number): { value?: unknown; error?: EpcisIssue } {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { error: issue('EPCIS_JSON_SYNTAX', { params: { reason: (e as Error).message } }) };
    }
  }
  if (jsonDepth(value, maxDepth) > maxDepth) return { error: issue('EPCIS_JSON_TOO_DEEP', { params: { max: maxDepth } }) };
  return { value };
}

function readVocabularies(list: unknown): Vocabulary[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: Vocabulary[] = [];
  for (const v of list) {
    if (!isObj(v) || typeof v.type !== 'string') continue;
    const elements: VocabularyElement[] = [];
    for (const el of Array.isArray(v.vocabularyElementList) ? v.vocabularyElementList : []) {
      if (!isObj(el) || typeof el.id !== 'string') continue;
      const attributes: VocabularyAttribute[] = [];
      for (const a of Array.isArray(el.attributes) ? el.attributes : []) {
        if (!isObj(a) || typeof a.id !== 'string') continue;
        const value = a.attribute;
        if (isObj(value)) {
          const children = readExtensions(value, new Set(), { namespaces: {}, issues: [], checkPrefixes: false }, '');
          attributes.push({ id: a.id, children });
        } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          attributes.push({ id: a.id, value });
        } else attributes.push({ id: a.id });
      }
      const children = Array.isArray(el.children) ? el.children.filter((c): c is string => typeof c === 'string') : undefined;
      elements.push({ id: el.id, ...(attributes.length ? { attributes } : {}), ...(children ? { children } : {}) });
    }
    out.push({ type: v.type, vocabularyElementList: elements });
  }
  return out;
}

function readEvents(list: unknown, pointer: string, namespaces: Namespaces, errors: EpcisIssue[], indexes: number[]): EpcisEvent[] {
  if (!Array.isArray(list)) {
    errors.push(issue('EPCIS_SCHEMA_REQUIRED', { pointer, params: { property: 'eventList' } }));
    return [];
  }
  const events: EpcisEvent[] = [];
  list.forEach((raw, i) => {
    const event = readJsonEvent(raw, { eventIndex: i, pointer: joinPointer(pointer, 'eventList', i), issues: errors, namespaces });
    if (event) {
      events.push(event);
      indexes.push(i);
    }
  });
  return events;
}

const DOCUMENT_KEYS = new Set(['@context', 'id', 'type', 'schemaVersion', 'creationDate', 'instanceIdentifier', 'sender', 'receiver', 'epcisHeader', 'epcisBody']);

function common(json: Obj, declared: Namespaces, namespaces: Namespaces, errors: EpcisIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = { namespaces: declared };
  for (const key of ['id', 'schemaVersion', 'creationDate', 'instanceIdentifier', 'sender', 'receiver']) {
    if (typeof json[key] === 'string') out[key] = json[key];
  }
  const extensions: ExtensionElement[] = readExtensions(json, DOCUMENT_KEYS, { namespaces, issues: errors, checkPrefixes: true }, '');
  if (extensions.length) out.extensions = extensions;
  return out;
}

/** Reads an EPCIS 2.0 JSON-LD document, query document or bare event (text or parsed JSON). */
export function readEpcisJson(input: string | unknown, options: { maxDepth?: number } = {}): ReadOutcome<JsonReadable> {
  const parsed = parseJsonText(input, options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH);
  if (parsed.error) return { errors: [parsed.error], warnings: [] };
  const json = parsed.value;
  if (!isObj(json)) return { errors: [issue('EPCIS_SCHEMA_TYPE', { pointer: '', params: { reason: 'a document must be an object' } })], warnings: [] };
  const errors: EpcisIssue[] = [];
  const warnings: EpcisIssue[] = [];
  const eventIndexes: number[] = [];
  const context = readContext(json['@context']);
  if (!context.referencesEpcisContext) warnings.push(issue('EPCIS_UNKNOWN_CONTEXT', { pointer: '/@context' }));
  const type = json.type;
  if (type === 'EPCISDocument') {
    const body = isObj(json.epcisBody) ? json.epcisBody : {};
    const header = isObj(json.epcisHeader) ? json.epcisHeader : {};
    const master = isObj(header.epcisMasterData) ? readVocabularies(header.epcisMasterData.vocabularyList) : undefined;
    const document: EpcisDocument = {
      kind: 'EPCISDocument',
      ...common(json, context.declared, context.namespaces, errors),
      ...(master ? { vocabularyList: master } : {}),
      events: readEvents(body.eventList, '/epcisBody', context.namespaces, errors, eventIndexes),
    } as unknown as EpcisDocument;
    return { document, errors, warnings, eventIndexes };
  }
  if (type === 'EPCISQueryDocument') {
    const body = isObj(json.epcisBody) ? json.epcisBody : {};
    const results = isObj(body.queryResults) ? body.queryResults : {};
    const resultsBody = isObj(results.resultsBody) ? results.resultsBody : {};
    const vocabularyList = readVocabularies(resultsBody.vocabularyList);
    const resultsExtensions = readExtensions(results, new Set(['queryName', 'subscriptionID', 'resultsBody']), {
      namespaces: context.namespaces, issues: errors, checkPrefixes: true,
    }, '/epcisBody/queryResults');
    const document = {
      kind: 'EPCISQueryDocument',
      ...common(json, context.declared, context.namespaces, errors),
      queryName: typeof results.queryName === 'string' ? results.queryName : '',
      ...(typeof results.subscriptionID === 'string' ? { subscriptionID: results.subscriptionID } : {}),
      ...(vocabularyList ? { vocabularyList } : {}),
      ...(resultsExtensions.length ? { resultsExtensions } : {}),
      events: readEvents(resultsBody.eventList, '/epcisBody/queryResults/resultsBody', context.namespaces, errors, eventIndexes),
    } as unknown as EpcisQueryDocument;
    return { document, errors, warnings, eventIndexes };
  }
  if (isEventTypeName(type)) {
    const event = readJsonEvent(json, { eventIndex: 0, pointer: '', issues: errors, namespaces: context.namespaces });
    const document: EpcisDocument = {
      kind: 'EPCISDocument',
      namespaces: context.declared,
      events: event ? [event] : [],
      bareEvent: true,
    };
    if (event) eventIndexes.push(0);
    return { document, errors, warnings, eventIndexes };
  }
  return { errors: [issue('EPCIS_UNKNOWN_DOCUMENT_TYPE', { pointer: '/type', params: { type: describeValue(type) } })], warnings };
}
