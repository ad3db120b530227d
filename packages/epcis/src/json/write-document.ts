// Model documents to EPCIS 2.0 JSON-LD with the standard @context (EPCIS 2.0 §10.1) plus one context
// object declaring the extension namespaces the content uses.
import type { EpcisDocument, EpcisEvent, EpcisQueryDocument, ExtensionElement, Vocabulary } from '../model/types.ts';
import { EPCIS_CONTEXT_URL, PrefixAllocator } from './namespaces.ts';
import { writeJsonEvent, type JsonWriteOptions } from './write-event.ts';
import { writeExtensions, type JsonValue } from './write-extensions.ts';

type JsonObject = { [key: string]: JsonValue };

function context(prefixes: PrefixAllocator): JsonValue {
  return Object.keys(prefixes.declared).length ? [EPCIS_CONTEXT_URL, { ...prefixes.declared }] : [EPCIS_CONTEXT_URL];
}

function vocabularies(list: readonly Vocabulary[], prefixes: PrefixAllocator): JsonValue {
  return list.map((v) => ({
    type: v.type,
    vocabularyElementList: (v.vocabularyElementList ?? []).map((el) => {
      const out: JsonObject = { id: el.id };
      if (el.attributes) {
        out.attributes = el.attributes.map((a): JsonObject => {
          if (a.children) {
            const obj: JsonObject = {};
            writeExtensions(a.children, obj, prefixes);
            return { id: a.id, attribute: obj };
          }
          return a.value === undefined || a.value === null ? { id: a.id } : { id: a.id, attribute: a.value };
        });
      }
      if (el.children) out.children = [...el.children];
      return out;
    }),
  }));
}

function header(doc: { schemaVersion?: string; creationDate?: string; id?: string }, type: string): JsonObject {
  const out: JsonObject = { type };
  if (doc.id !== undefined) out.id = doc.id;
  out.schemaVersion = doc.schemaVersion ?? '2.0';
  if (doc.creationDate !== undefined) out.creationDate = doc.creationDate;
  return out;
}

function documentExtensions(out: JsonObject, ext: readonly ExtensionElement[] | undefined, prefixes: PrefixAllocator): void {
  writeExtensions(ext, out, prefixes);
}

/** An EPCISDocument (or, for `bareEvent` documents with one event, the bare event) as JSON-LD. */
export function writeJsonDocument(doc: EpcisDocument, options: JsonWriteOptions = {}): JsonObject {
  const prefixes = new PrefixAllocator(doc.namespaces);
  if (doc.bareEvent && doc.events.length === 1) {
    const event = writeJsonEvent(doc.events[0]!, prefixes, options);
    return { '@context': context(prefixes), ...event };
  }
  const out = header(doc, 'EPCISDocument');
  for (const key of ['instanceIdentifier', 'sender', 'receiver'] as const) if (doc[key] !== undefined) out[key] = doc[key];
  const eventList = doc.events.map((e) => writeJsonEvent(e, prefixes, options));
  if (doc.vocabularyList) out.epcisHeader = { epcisMasterData: { vocabularyList: vocabularies(doc.vocabularyList, prefixes) } };
  out.epcisBody = { eventList };
  documentExtensions(out, doc.extensions, prefixes);
  return { '@context': context(prefixes), ...out };
}

export function writeJsonQueryDocument(doc: EpcisQueryDocument, options: JsonWriteOptions = {}): JsonObject {
  const prefixes = new PrefixAllocator(doc.namespaces);
  const out = header(doc, 'EPCISQueryDocument');
  const resultsBody: JsonObject = { eventList: doc.events.map((e) => writeJsonEvent(e, prefixes, options)) };
  if (doc.vocabularyList) resultsBody.vocabularyList = vocabularies(doc.vocabularyList, prefixes);
  const queryResults: JsonObject = { queryName: doc.queryName };
  if (doc.subscriptionID !== undefined) queryResults.subscriptionID = doc.subscriptionID;
  writeExtensions(doc.resultsExtensions, queryResults, prefixes);
  queryResults.resultsBody = resultsBody;
  out.epcisBody = { queryResults };
  documentExtensions(out, doc.extensions, prefixes);
  return { '@context': context(prefixes), ...out };
}

/** A single event as a standalone JSON-LD object with its own @context (e.g. GET /events/{eventID}). */
export function writeJsonEventWithContext(event: EpcisEvent, namespaces: Readonly<Record<string, string>> = {}, options: JsonWriteOptions = {}): JsonObject {
  const prefixes = new PrefixAllocator(namespaces);
  const body = writeJsonEvent(event, prefixes, options);
  return { '@context': context(prefixes), ...body };
}
