// Validation of captured documents, one entry point per binding: the official JSON Schema (XML input is
// checked through its JSON rendering, with locations mapped back to XML paths), the binding's own rules,
// and the semantic rules. Every issue names its event (index in the input's event list) and location.
import { issue, type EpcisIssue } from '../errors/issue.ts';
import { readEpcisJson, parseJsonText, DEFAULT_MAX_JSON_DEPTH, type JsonReadable } from '../json/read-document.ts';
import { writeJsonDocument, writeJsonQueryDocument } from '../json/write-document.ts';
import type { EpcisEvent, EpcisInput } from '../model/types.ts';
import { parseQueryParameters } from '../query/parse-query.ts';
import { readEpcisXml, type XmlReadOptions } from '../xml/read-xml-document.ts';
import { locateInEvent, tokensUnder } from '../xml/xml-locate.ts';
import { xmlPath, type XmlElement } from '../xml/xml-tree.ts';
import { validateAgainstEpcisSchema, type BareSensorTypePolicy } from './schema-validator.ts';
import { checkEventSemantics, type SemanticOptions } from './semantic-rules.ts';

export interface ValidationOptions extends XmlReadOptions {
  /** The clock: current time as Date or ms since the epoch. Without it, future event times are not checked. */
  readonly now?: Date | number;
  readonly futureSkewMs?: number;
  readonly sensorTypes?: BareSensorTypePolicy;
  /** Malformed GS1 identifiers and wrong check digits: errors (default) or warnings. */
  readonly gs1Keys?: 'error' | 'warning';
}

export interface ValidationResult<D> {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** What could be read, even when invalid (undefined only for unreadable input). */
  readonly document?: D;
  /** Index in the input's event list of each `document.events[i]` (documents with events). */
  readonly eventIndexes: readonly number[];
  readonly errors: readonly EpcisIssue[];
  readonly warnings: readonly EpcisIssue[];
}

function semanticOptions(options: ValidationOptions): SemanticOptions {
  const now = options.now instanceof Date ? options.now.getTime() : options.now;
  return {
    ...(now === undefined ? {} : { now }),
    ...(options.futureSkewMs === undefined ? {} : { futureSkewMs: options.futureSkewMs }),
    ...(options.gs1Keys === undefined ? {} : { gs1Keys: options.gs1Keys }),
  };
}

function eventsBase(doc: { kind: string; bareEvent?: boolean }): string {
  if (doc.kind === 'EPCISQueryDocument') return '/epcisBody/queryResults/resultsBody/eventList';
  return doc.bareEvent ? '' : '/epcisBody/eventList';
}

const where = (i: EpcisIssue): string => i.pointer ?? i.xmlPath ?? '';

/** Drops repeats, and generic schema findings where a specific rule reported the same place. */
function merge(issues: readonly EpcisIssue[]): EpcisIssue[] {
  const specific = new Set(issues.filter((i) => !i.code.startsWith('EPCIS_SCHEMA_')).map(where));
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (i.code.startsWith('EPCIS_SCHEMA_') && specific.has(where(i))) return false;
    const key = `${i.code}|${where(i)}|${i.params?.property ?? ''}|${i.eventIndex ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function finish<D>(document: D | undefined, eventIndexes: readonly number[], errors: EpcisIssue[], warnings: EpcisIssue[]): ValidationResult<D> {
  const e = merge(errors);
  return { ok: e.length === 0, ...(document === undefined ? {} : { document }), eventIndexes, errors: e, warnings: merge(warnings) };
}

/** Called for each event right after its checks (capture hashes there, while its identifiers are warm). */
export type EventVisitor = (event: EpcisEvent, index: number) => void;

/** Validates EPCIS 2.0 JSON-LD (text or parsed): document, query document or bare event. */
export function validateEpcisJson(input: string | unknown, options: ValidationOptions = {}, visit?: EventVisitor): ValidationResult<JsonReadable> {
  const parsed = parseJsonText(input, options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH);
  if (parsed.error) return finish<JsonReadable>(undefined, [], [parsed.error], []);
  const errors = [...validateAgainstEpcisSchema(parsed.value, options.sensorTypes)];
  const read = readEpcisJson(parsed.value, options);
  errors.push(...read.errors);
  const warnings = [...read.warnings];
  const doc = read.document;
  const indexes = read.eventIndexes ?? [];
  if (doc) {
    const base = eventsBase(doc);
    const semantic = semanticOptions(options);
    doc.events.forEach((event, j) => {
      const index = indexes[j]!;
      const r = checkEventSemantics(event, index, base === '' ? '' : `${base}/${index}`, semantic);
      errors.push(...r.errors);
      warnings.push(...r.warnings);
      visit?.(event, index);
    });
  }
  return finish(doc, indexes, errors, warnings);
}

function relocate(found: EpcisIssue, root: XmlElement, base: string, elements: readonly XmlElement[], indexes: readonly number[]): EpcisIssue {
  const pointer = found.pointer ?? '';
  const rest: Omit<EpcisIssue, 'code'> = found.params ? { params: found.params } : {};
  for (let j = 0; j < elements.length; j++) {
    const tokens = tokensUnder(pointer, base === '' ? '' : `${base}/${j}`);
    if (tokens && (base !== '' || j === 0)) {
      return issue(found.code, { ...rest, eventIndex: indexes[j], ...locateInEvent(elements[j]!, tokens) });
    }
  }
  return issue(found.code, { ...rest, xmlPath: xmlPath(root) + pointer, position: { line: root.line, column: root.column } });
}

/** Validates EPCIS XML (1.x or 2.0, lenient as documented in read-xml-event.ts). */
export function validateEpcisXml(text: string, options: ValidationOptions = {}, visit?: EventVisitor): ValidationResult<EpcisInput> {
  const read = readEpcisXml(text, options);
  const errors = [...read.errors];
  const warnings = [...read.warnings];
  const doc = read.document;
  if (!doc) return finish<EpcisInput>(undefined, [], errors, warnings);
  if (doc.kind === 'EPCISDocument' || doc.kind === 'EPCISQueryDocument') {
    const json = doc.kind === 'EPCISDocument' ? writeJsonDocument(doc, { persistentDisposition: 'all' }) : writeJsonQueryDocument(doc, { persistentDisposition: 'all' });
    const root = read.eventElements[0] ? rootOf(read.eventElements[0]) : undefined;
    const base = eventsBase(doc);
    for (const found of validateAgainstEpcisSchema(json, options.sensorTypes)) {
      if (!appliesToXml(found)) continue;
      errors.push(root ? relocate(found, root, base, read.eventElements, read.eventIndexes) : found);
    }
    const semantic = semanticOptions(options);
    doc.events.forEach((event: EpcisEvent, j) => {
      const element = read.eventElements[j]!;
      const eventBase = base === '' ? '' : `${base}/${j}`;
      const r = checkEventSemantics(event, read.eventIndexes[j], eventBase, semantic, (pointer) => locateInEvent(element, tokensUnder(pointer, eventBase) ?? []));
      errors.push(...r.errors);
      warnings.push(...r.warnings);
      visit?.(event, read.eventIndexes[j]!);
    });
  } else if (doc.kind === 'QueryRequest') {
    const parsed = parseQueryParameters(doc.params);
    if (!parsed.ok) errors.push(...parsed.errors);
  }
  return finish(doc, read.eventIndexes, errors, warnings);
}

/**
 * JSON Schema findings that are JSON-binding constraints, not XML ones: the XSD types identifiers as
 * xsd:anyURI, which (XML Schema 1.0 §3.2.17) is far wider than RFC 3986 `format: uri`, and has no
 * uniqueness constraint on lists.
 */
function appliesToXml(found: EpcisIssue): boolean {
  if (found.code === 'EPCIS_SCHEMA_UNIQUE') return false;
  return !(found.code === 'EPCIS_SCHEMA_FORMAT' && /format "uri"/.test(String(found.params?.reason ?? '')));
}

function rootOf(el: XmlElement): XmlElement {
  let e = el;
  while (e.parent) e = e.parent;
  return e;
}
