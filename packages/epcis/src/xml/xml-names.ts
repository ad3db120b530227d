// Element names of the EPCIS 2.0 XML binding (EPCglobal-epcis-2_0.xsd, -query-2_0.xsd, -masterdata-2_0.xsd)
// and the leniency rules of the reader: EPCIS elements are unqualified or in an EPCIS namespace (1.x or
// 2.0); `extension`/`baseExtension` wrappers (EPCIS 1.x) are transparent.
import type { XmlElement } from './xml-tree.ts';

export const EPCIS_NAMESPACES: ReadonlySet<string> = new Set([
  '',
  'urn:epcglobal:epcis:xsd:1', 'urn:epcglobal:epcis:xsd:2',
  'urn:epcglobal:epcis-query:xsd:1', 'urn:epcglobal:epcis-query:xsd:2',
  'urn:epcglobal:epcis-masterdata:xsd:1', 'urn:epcglobal:epcis-masterdata:xsd:2',
]);

export const EPCIS_XML_NS = 'urn:epcglobal:epcis:xsd:2';
export const EPCIS_QUERY_XML_NS = 'urn:epcglobal:epcis-query:xsd:2';
export const EPCIS_MASTERDATA_XML_NS = 'urn:epcglobal:epcis-masterdata:xsd:2';

export const isCore = (el: XmlElement): boolean => EPCIS_NAMESPACES.has(el.ns);

const WRAPPERS = new Set(['extension', 'baseExtension']);

/** Children with EPCIS 1.x `extension`/`baseExtension` wrappers replaced by their content. */
export function flatChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (isCore(child) && WRAPPERS.has(child.local)) out.push(...flatChildren(child));
    else out.push(child);
  }
  return out;
}

/** The first core child (after flattening) with this local name. */
export function coreChild(el: XmlElement, local: string): XmlElement | undefined {
  return flatChildren(el).find((c) => isCore(c) && c.local === local);
}

export function coreChildren(el: XmlElement, local: string): XmlElement[] {
  return flatChildren(el).filter((c) => isCore(c) && c.local === local);
}

/** XML Schema whiteSpace="collapse" (anyURI, dateTime, decimal, enumerations). */
export function collapse(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * An xsd:dateTime as written in the document, except that a time without seconds (`13:00Z`, seen in real
 * EPCIS XML) is read as `13:00:00Z`; anything else is left for validation to judge.
 */
export function dateTimeText(text: string): string {
  const t = collapse(text);
  const m = /^(\d{4,}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(t);
  return m ? `${m[1]}:00${m[2]}` : t;
}

/** EPCIS 2.0 XSD sequence of each event type (EPCISEventType fields first). */
const BASE = ['eventTime', 'recordTime', 'eventTimeZoneOffset', 'eventID', 'errorDeclaration', 'certificationInfo'];
const TAIL = ['sourceList', 'destinationList', 'sensorElementList', 'persistentDisposition'];
export const XSD_ORDER: Readonly<Record<string, readonly string[]>> = {
  ObjectEvent: [...BASE, 'epcList', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'bizTransactionList', 'quantityList', ...TAIL, 'ilmd'],
  AggregationEvent: [...BASE, 'parentID', 'childEPCs', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'bizTransactionList', 'childQuantityList', ...TAIL],
  TransactionEvent: [...BASE, 'bizTransactionList', 'parentID', 'epcList', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'quantityList', ...TAIL],
  TransformationEvent: [...BASE, 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'transformationID', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'bizTransactionList', ...TAIL, 'ilmd'],
  AssociationEvent: [...BASE, 'parentID', 'childEPCs', 'childQuantityList', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'bizTransactionList', ...TAIL],
};

/** JSON list field → name of its XML item element. */
export const LIST_ITEMS: Readonly<Record<string, string>> = {
  epcList: 'epc', childEPCs: 'epc', inputEPCList: 'epc', outputEPCList: 'epc',
  quantityList: 'quantityElement', childQuantityList: 'quantityElement', inputQuantityList: 'quantityElement', outputQuantityList: 'quantityElement',
  bizTransactionList: 'bizTransaction', sourceList: 'source', destinationList: 'destination', sensorElementList: 'sensorElement',
  correctiveEventIDs: 'correctiveEventID',
};
