// Streaming capture of EPCIS XML (EPCIS 2.0 §9): chunks go in, each event comes out validated and hashed as
// soon as its element closes, and is then dropped, so a 10,000-event document is never held whole. Same
// safety as the tree reader (no DTD, bounded depth), same per-event checks as validateEpcisXml.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import type { CapturedEvent } from '../capture.ts';
import { issue, type EpcisIssue } from '../errors/issue.ts';
import { eventHashId, type Sha256 } from '../hash/event-hash.ts';
import { writeJsonEventWithContext } from '../json/write-document.ts';
import { isEventTypeName } from '../model/event-types.ts';
import { validateAgainstEpcisSchema } from '../validation/schema-validator.ts';
import { checkEventSemantics } from '../validation/semantic-rules.ts';
import type { ValidationOptions } from '../validation/validate.ts';
import { readXmlEvent } from './read-xml-event.ts';
import { isCore } from './xml-names.ts';
import { locateInEvent, tokensUnder } from './xml-locate.ts';
import { DEFAULT_MAX_XML_DEPTH, nextOrdinal, xmlPath, type XmlAttribute, type XmlElement } from './xml-tree.ts';

export interface XmlCaptureStreamOptions extends ValidationOptions {
  readonly sha256?: Sha256;
}

export interface XmlCaptureSummary {
  /** Local name of the root element (EPCISDocument, EPCISQueryDocument, or an event for a bare event). */
  readonly root?: string;
  readonly eventCount: number;
  /** Problems outside any event (syntax, DOCTYPE, depth, unknown elements in the event list). */
  readonly documentErrors: readonly EpcisIssue[];
  readonly warnings: readonly EpcisIssue[];
}

export interface XmlCaptureStream {
  write(chunk: string): void;
  /** Ends the input; returns what concerned the document as a whole. */
  close(): XmlCaptureSummary;
}

class Abort extends Error {}

/** An element is an event when it sits in an EventList (or its 1.x `extension`) or is the root. */
function isEventElement(el: XmlElement): boolean {
  const parent = el.parent;
  if (!parent) return isEventTypeName(el.local);
  const list = parent.local === 'extension' && parent.parent ? parent.parent : parent;
  return isCore(list) && list.local === 'EventList';
}

export function createXmlCaptureStream(options: XmlCaptureStreamOptions, onEvent: (event: CapturedEvent) => void): XmlCaptureStream {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  const now = options.now instanceof Date ? options.now.getTime() : options.now;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const documentErrors: EpcisIssue[] = [];
  const warnings: EpcisIssue[] = [];
  let root: XmlElement | undefined;
  let index = 0;
  let failed = false;
  const fail = (e: EpcisIssue): never => {
    documentErrors.push(e);
    failed = true;
    throw new Abort();
  };
  const position = (): { line: number; column: number } => ({ line: parser.line, column: parser.column + 1 });
  parser.on('error', (e) => fail(issue('EPCIS_XML_SYNTAX', { position: position(), params: { reason: e.message.replace(/^[^:]*:\d+:\d+: /, '') } })));
  parser.on('doctype', (d) => {
    if (/\[|\bSYSTEM\b|\bPUBLIC\b/.test(d)) fail(issue('EPCIS_XML_DOCTYPE_FORBIDDEN', { position: position() }));
  });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagNS;
    if (stack.length >= maxDepth) fail(issue('EPCIS_XML_TOO_DEEP', { position: position(), params: { max: maxDepth } }));
    const attributes: XmlAttribute[] = [];
    const declarations: Record<string, string> = {};
    for (const name in t.attributes) {
      const a = t.attributes[name] as SaxesAttributeNS;
      if (a.prefix === 'xmlns' || a.name === 'xmlns') declarations[a.prefix === 'xmlns' ? a.local : ''] = a.value;
      else attributes.push({ ns: a.uri, local: a.local, prefix: a.prefix, value: a.value });
    }
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      ns: t.uri, local: t.local, prefix: t.prefix, attributes, children: [], text: '', parent,
      line: parser.line, column: parser.column + 1, declarations, ordinal: nextOrdinal(parent, t.uri, t.local),
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    if (isEventElement(el)) {
      handle(el, index++);
      // Drop the event: only the path to it stays in memory.
      if (el.parent) el.parent.children.splice(el.parent.children.indexOf(el), 1);
    }
  });
  const onText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top && (top.children.length === 0 || /\S/.test(t))) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  function handle(el: XmlElement, i: number): void {
    const errors: EpcisIssue[] = [];
    const event = readXmlEvent(el, { errors, warnings, eventIndex: i, strictOrder: options.strictOrder ?? false });
    if (!event) {
      documentErrors.push(...errors);
      return;
    }
    for (const found of validateAgainstEpcisSchema(writeJsonEventWithContext(event, {}, { persistentDisposition: 'all' }), options.sensorTypes)) {
      if (found.code === 'EPCIS_SCHEMA_UNIQUE' || (found.code === 'EPCIS_SCHEMA_FORMAT' && /format "uri"/.test(String(found.params?.reason ?? '')))) continue;
      errors.push(issue(found.code, { eventIndex: i, ...locateInEvent(el, tokensUnder(found.pointer ?? '', '') ?? []), ...(found.params ? { params: found.params } : {}) }));
    }
    const semantic = checkEventSemantics(event, i, '', {
      ...(now === undefined ? {} : { now }), ...(options.futureSkewMs === undefined ? {} : { futureSkewMs: options.futureSkewMs }),
      ...(options.gs1Keys === undefined ? {} : { gs1Keys: options.gs1Keys }),
    }, (pointer) => locateInEvent(el, tokensUnder(pointer, '') ?? []));
    errors.push(...semantic.errors);
    warnings.push(...semantic.warnings);
    const specific = new Set(errors.filter((e) => !e.code.startsWith('EPCIS_SCHEMA_')).map((e) => e.xmlPath));
    const kept = errors.filter((e) => !(e.code.startsWith('EPCIS_SCHEMA_') && specific.has(e.xmlPath)));
    onEvent({ index: i, event, hashId: eventHashId(event, options.sha256 ? { sha256: options.sha256 } : {}), errors: kept });
  }

  return {
    write(chunk: string): void {
      if (failed) return;
      try {
        parser.write(chunk);
      } catch (e) {
        if (!(e instanceof Abort)) documentErrors.push(issue('EPCIS_XML_SYNTAX', { position: position(), params: { reason: (e as Error).message } }));
        failed = true;
      }
    },
    close(): XmlCaptureSummary {
      if (!failed) {
        try {
          parser.close();
        } catch (e) {
          if (!(e instanceof Abort)) documentErrors.push(issue('EPCIS_XML_SYNTAX', { position: position(), params: { reason: (e as Error).message } }));
        }
      }
      if (!failed && root && !isCore(root)) documentErrors.push(issue('EPCIS_XML_UNKNOWN_ROOT', { xmlPath: xmlPath(root), params: { element: root.local } }));
      return { ...(root ? { root: root.local } : {}), eventCount: index, documentErrors, warnings };
    },
  };
}
