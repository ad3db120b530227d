// One EPCIS event element (EPCIS 2.0 §9 XML binding, EPCglobal-epcis-2_0.xsd) into the model. Lenient where
// real documents are: any element order (reported as EPCIS_XML_ELEMENT_ORDER, an error only when asked),
// EPCIS 1.x extension wrappers, namespaced extension elements and attributes anywhere EPCIS allows them.
// Values are checked afterwards by the JSON Schema and the semantic rules, like JSON input.
import { issue, type EpcisIssue } from '../errors/issue.ts';
import type { EpcisIssueCode } from '../errors/messages.ts';
import { EVENT_TYPES, isEventTypeName } from '../model/event-types.ts';
import type { EpcisEvent, ErrorDeclaration, ExtensionElement, Place, QuantityElement, SensorElement } from '../model/types.ts';
import { normaliseVocabularyValue, type VocabularyKind } from '../model/vocabulary.ts';
import { collapse, coreChildren, dateTimeText, flatChildren, isCore, XSD_ORDER } from './xml-names.ts';
import { extensionAttributes, readXmlExtension } from './read-xml-extensions.ts';
import { xmlPath, type XmlElement } from './xml-tree.ts';

export interface XmlEventContext {
  readonly errors: EpcisIssue[];
  readonly warnings: EpcisIssue[];
  readonly eventIndex: number;
  /** Report out-of-order elements as errors instead of warnings. */
  readonly strictOrder: boolean;
}

type Mutable = Record<string, unknown>;
const SINGLE = new Set(['eventTime', 'recordTime', 'eventTimeZoneOffset', 'eventID', 'errorDeclaration', 'parentID', 'action',
  'bizStep', 'disposition', 'readPoint', 'bizLocation', 'transformationID', 'persistentDisposition', 'ilmd']);
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const METADATA_ATTRIBUTES = ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'];
const REPORT_STRINGS = ['deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules', 'time', 'microorganism',
  'chemicalSubstance', 'coordinateReferenceSystem', 'stringValue', 'hexBinaryValue', 'uriValue', 'uom'];
const REPORT_NUMBERS = ['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'];
const REPORT_VOCAB: Record<string, VocabularyKind> = { type: 'measurementType', exception: 'sensorAlertType', component: 'component' };

class XmlEventReader {
  constructor(private readonly ctx: XmlEventContext) {}

  report(code: EpcisIssueCode, el: XmlElement, params?: Record<string, string | number>, warning = false): void {
    const found = issue(code, { eventIndex: this.ctx.eventIndex, xmlPath: xmlPath(el), position: { line: el.line, column: el.column }, params });
    (warning ? this.ctx.warnings : this.ctx.errors).push(found);
  }

  unknown(el: XmlElement): void {
    this.report('EPCIS_XML_UNKNOWN_ELEMENT', el, { element: el.prefix ? `${el.prefix}:${el.local}` : el.local });
  }

  number(text: string, el: XmlElement, field: string, lexical = DOUBLE): number | undefined {
    const t = collapse(text);
    if (lexical.test(t)) return Number(t);
    this.report('EPCIS_XML_INVALID_VALUE', el, { value: t, field, reason: 'not a decimal number' });
    return undefined;
  }

  vocab(kind: VocabularyKind, text: string): string {
    return normaliseVocabularyValue(kind, collapse(text)).value;
  }

  /** Items of a list element; anything else inside it is reported. */
  items(list: XmlElement, item: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of flatChildren(list)) {
      if (isCore(c) && c.local === item) out.push(c);
      else this.unknown(c);
    }
    return out;
  }

  quantities(list: XmlElement): QuantityElement[] {
    return this.items(list, 'quantityElement').flatMap((q) => {
      const out: Mutable = {};
      for (const c of flatChildren(q)) {
        if (!isCore(c) || !['epcClass', 'quantity', 'uom'].includes(c.local)) this.unknown(c);
        else if (c.local === 'quantity') {
          const nil = c.attributes.some((a) => a.local === 'nil' && a.value === 'true');
          if (!nil) out.quantity = this.number(c.text, c, 'quantity', DECIMAL);
        } else out[c.local] = collapse(c.text);
      }
      if (typeof out.epcClass !== 'string') {
        this.report('EPCIS_XML_MISSING_ELEMENT', q, { element: 'epcClass' });
        return [];
      }
      if (out.quantity === undefined) delete out.quantity;
      return [out as unknown as QuantityElement];
    });
  }

  place(el: XmlElement): Place | undefined {
    let id: string | undefined;
    const extensions: ExtensionElement[] = [];
    for (const c of flatChildren(el)) {
      if (isCore(c) && c.local === 'id') id = collapse(c.text);
      else if (!isCore(c)) extensions.push(readXmlExtension(c));
      else this.unknown(c);
    }
    if (id === undefined) {
      this.report('EPCIS_XML_MISSING_ELEMENT', el, { element: 'id' });
      return undefined;
    }
    return extensions.length ? { id, extensions } : { id };
  }

  typed(list: XmlElement, item: 'bizTransaction' | 'source' | 'destination', kind: VocabularyKind): Mutable[] {
    return this.items(list, item).flatMap((el) => {
      const type = el.attributes.find((a) => a.local === 'type' && a.ns === '')?.value;
      if (type === undefined && item !== 'bizTransaction') {
        this.report('EPCIS_XML_MISSING_ATTRIBUTE', el, { attribute: 'type' });
        return [];
      }
      return [type === undefined ? { [item]: collapse(el.text) } : { type: this.vocab(kind, type), [item]: collapse(el.text) }];
    });
  }

  attributes(el: XmlElement, strings: readonly string[], numbers: readonly string[], vocab: Record<string, VocabularyKind>): Mutable {
    const out: Mutable = {};
    const known = new Set([...strings, ...numbers, ...Object.keys(vocab), 'booleanValue']);
    for (const a of el.attributes) {
      if (a.ns !== '') continue;
      if (!known.has(a.local)) this.report('EPCIS_XML_UNKNOWN_ELEMENT', el, { element: `@${a.local}` });
      else if (numbers.includes(a.local)) out[a.local] = this.number(a.value, el, a.local);
      else if (vocab[a.local]) out[a.local] = this.vocab(vocab[a.local]!, a.value);
      else if (a.local === 'booleanValue') {
        const v = collapse(a.value);
        if (['true', 'false', '1', '0'].includes(v)) out.booleanValue = v === 'true' || v === '1';
        else this.report('EPCIS_XML_INVALID_VALUE', el, { value: v, field: 'booleanValue', reason: 'not a boolean' });
      } else if (a.local === 'time' || a.local === 'startTime' || a.local === 'endTime') out[a.local] = dateTimeText(a.value);
      else out[a.local] = a.local === 'stringValue' ? a.value : collapse(a.value);
    }
    for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
    const ext = extensionAttributes(el.attributes.filter((a) => a.ns !== ''));
    if (ext.length) out.extensions = ext;
    return out;
  }

  sensors(list: XmlElement): SensorElement[] {
    return this.items(list, 'sensorElement').map((se) => {
      const out: Mutable = {};
      const reports: Mutable[] = [];
      const extensions: ExtensionElement[] = [];
      for (const c of flatChildren(se)) {
        if (!isCore(c)) extensions.push(readXmlExtension(c));
        else if (c.local === 'sensorMetadata') out.sensorMetadata = this.attributes(c, METADATA_ATTRIBUTES, [], {});
        else if (c.local === 'sensorReport') reports.push(this.attributes(c, REPORT_STRINGS, REPORT_NUMBERS, REPORT_VOCAB));
        else this.unknown(c);
      }
      out.sensorReport = reports;
      if (extensions.length) out.extensions = extensions;
      return out as unknown as SensorElement;
    });
  }

  errorDeclaration(el: XmlElement): ErrorDeclaration | undefined {
    const out: Mutable = {};
    const extensions: ExtensionElement[] = [];
    for (const c of flatChildren(el)) {
      if (!isCore(c)) extensions.push(readXmlExtension(c));
      else if (c.local === 'declarationTime') out.declarationTime = dateTimeText(c.text);
      else if (c.local === 'reason') out.reason = this.vocab('errorReason', c.text);
      else if (c.local === 'correctiveEventIDs') out.correctiveEventIDs = this.items(c, 'correctiveEventID').map((x) => collapse(x.text));
      else this.unknown(c);
    }
    if (out.declarationTime === undefined) {
      this.report('EPCIS_XML_MISSING_ELEMENT', el, { element: 'declarationTime' });
      return undefined;
    }
    if (extensions.length) out.extensions = extensions;
    return out as unknown as ErrorDeclaration;
  }

  ilmd(el: XmlElement): ExtensionElement[] {
    return flatChildren(el).flatMap((c) => {
      if (isCore(c)) {
        this.unknown(c);
        return [];
      }
      return [readXmlExtension(c)];
    });
  }

  checkOrder(type: string, core: readonly XmlElement[]): void {
    const order = XSD_ORDER[type]!;
    let last = -1;
    for (const c of core) {
      const at = order.indexOf(c.local);
      if (at < last) {
        this.report('EPCIS_XML_ELEMENT_ORDER', c, { element: c.local }, !this.ctx.strictOrder);
        return;
      }
      last = at;
    }
  }
}

/** Reads one event element; undefined (with errors) when it is not an event or lacks its required core. */
export function readXmlEvent(el: XmlElement, ctx: XmlEventContext): EpcisEvent | undefined {
  const r = new XmlEventReader(ctx);
  const type = el.local;
  if (!isCore(el) || !isEventTypeName(type)) {
    r.report('EPCIS_UNKNOWN_EVENT_TYPE', el, { type: el.prefix ? `${el.prefix}:${el.local}` : el.local });
    return undefined;
  }
  const shape = EVENT_TYPES[type];
  const fields = new Set(XSD_ORDER[type]);
  const children = flatChildren(el);
  const core = children.filter((c) => isCore(c) && fields.has(c.local));
  const out: Mutable = { type };
  const extensions: ExtensionElement[] = [];
  const seen = new Set<string>();
  for (const c of children) {
    if (!isCore(c)) {
      extensions.push(readXmlExtension(c));
      continue;
    }
    if (!fields.has(c.local)) {
      r.unknown(c);
      continue;
    }
    if (SINGLE.has(c.local) && seen.has(c.local)) r.report('EPCIS_XML_DUPLICATE_ELEMENT', c, { element: c.local });
    seen.add(c.local);
    read(r, c, out);
  }
  r.checkOrder(type, core);
  const required = ['eventTime', 'eventTimeZoneOffset', ...(shape.hasAction ? ['action'] : [])];
  const missing = required.filter((f) => out[f] === undefined);
  for (const f of missing) r.report('EPCIS_XML_MISSING_ELEMENT', el, { element: f });
  if (missing.length) return undefined;
  if (extensions.length) out.extensions = extensions;
  return out as unknown as EpcisEvent;
}

function read(r: XmlEventReader, c: XmlElement, out: Mutable): void {
  switch (c.local) {
    case 'epcList': case 'childEPCs': case 'inputEPCList': case 'outputEPCList':
      out[c.local] = r.items(c, 'epc').map((e) => collapse(e.text));
      return;
    case 'quantityList': case 'childQuantityList': case 'inputQuantityList': case 'outputQuantityList':
      out[c.local] = r.quantities(c);
      return;
    case 'bizStep': out.bizStep = r.vocab('bizStep', c.text); return;
    case 'disposition': out.disposition = r.vocab('disposition', c.text); return;
    case 'persistentDisposition': {
      const pd: Mutable = {};
      for (const x of flatChildren(c)) {
        if (isCore(x) && (x.local === 'set' || x.local === 'unset')) ((pd[x.local] ??= []) as string[]).push(r.vocab('disposition', x.text));
        else r.unknown(x);
      }
      out.persistentDisposition = pd;
      return;
    }
    case 'readPoint': case 'bizLocation': {
      const p = r.place(c);
      if (p) out[c.local] = p;
      return;
    }
    case 'bizTransactionList': out.bizTransactionList = r.typed(c, 'bizTransaction', 'bizTransactionType'); return;
    case 'sourceList': out.sourceList = r.typed(c, 'source', 'sourceDestType'); return;
    case 'destinationList': out.destinationList = r.typed(c, 'destination', 'sourceDestType'); return;
    case 'sensorElementList': out.sensorElementList = [...((out.sensorElementList as SensorElement[]) ?? []), ...r.sensors(c)]; return;
    case 'errorDeclaration': {
      const ed = r.errorDeclaration(c);
      if (ed) out.errorDeclaration = ed;
      return;
    }
    case 'certificationInfo': ((out.certificationInfo ??= []) as string[]).push(collapse(c.text)); return;
    case 'ilmd': out.ilmd = r.ilmd(c); return;
    case 'eventTime': case 'recordTime': out[c.local] = dateTimeText(c.text); return;
    default: out[c.local] = collapse(c.text);
  }
}

/** All event elements of an EventList (EPCIS 1.x put TransformationEvent inside its `extension`). */
export function eventElements(eventList: XmlElement): XmlElement[] {
  return flatChildren(eventList);
}

export { coreChildren };
