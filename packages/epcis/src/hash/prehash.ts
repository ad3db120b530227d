// The CBV 2.0 event hash pre-hash string (CBV 2.0 §8.9.2): fields in the canonical property order, each
// `name=value`, list items sorted, then every field outside that order (ILMD, user extensions, business
// transactions, sources, destinations) sorted. The consumption rules follow the reference implementation
// exactly (a field is consumed when all its children were; what remains is appended generically), because
// the published vectors depend on them.
import { constrainedDigitalLink } from '../gs1/identifiers.ts';
import type { EpcisEvent } from '../model/types.ts';
import { hashTimestamp } from './hash-timestamp.ts';
import { eventTree, isPair, type HashItem, type HashNode, type TreeOptions } from './prehash-tree.ts';
import { canonicalNumericValue, compareCodePoints, pythonStrip } from './python-text.ts';

type Order = readonly (readonly [string, Order | null])[];

/** A sub-order that names no node: lists of pairs are never consumed in order, only appended at the end. */
const PAIRS: Order = [['\u0000type+id', null]];
const QUANTITY: Order = [['quantityElement', [['epcClass', null], ['quantity', null], ['uom', null]]]];
const EPC: Order = [['epc', null]];

/** CBV 2.0 §8.9.2 canonical property order (with certificationInfo where the reference places it). */
const PROPERTY_ORDER: Order = [
  ['eventTime', null], ['eventTimeZoneOffset', null], ['certificationInfo', null], ['parentID', null],
  ['epcList', EPC], ['inputEPCList', EPC], ['childEPCs', EPC], ['quantityList', QUANTITY], ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY], ['outputEPCList', EPC], ['outputQuantityList', QUANTITY], ['action', null],
  ['transformationID', null], ['bizStep', null], ['disposition', null], ['persistentDisposition', [['set', null], ['unset', null]]],
  ['readPoint', [['id', null]]], ['bizLocation', [['id', null]]], ['bizTransactionList', PAIRS], ['sourceList', PAIRS],
  ['destinationList', PAIRS],
  ['sensorElementList', [['sensorElement', [
    ['sensorMetadata', [['time', null], ['startTime', null], ['endTime', null], ['deviceID', null], ['deviceMetadata', null],
      ['rawData', null], ['dataProcessingMethod', null], ['bizRules', null]]],
    ['sensorReport', [['type', null], ['exception', null], ['deviceID', null], ['deviceMetadata', null], ['rawData', null],
      ['dataProcessingMethod', null], ['time', null], ['microorganism', null], ['chemicalSubstance', null], ['value', null],
      ['component', null], ['stringValue', null], ['booleanValue', null], ['hexBinaryValue', null], ['uriValue', null],
      ['minValue', null], ['maxValue', null], ['meanValue', null], ['sDev', null], ['percRank', null], ['percValue', null],
      ['uom', null], ['coordinateReferenceSystem', null]]],
  ]]]],
];

const IGNORED_TOP_LEVEL = new Set(['recordTime', 'eventID', 'type', 'errorDeclaration']);

/** Rule 14 (CBV URNs to Web URIs), CURIE expansion of the standard prefixes, rule 6, rules 16–17. */
const CBV_URNS: readonly [string, string][] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

function expandCurie(text: string): string {
  if (text.startsWith('gs1:')) return 'https://gs1.org/voc/' + text.slice(4);
  if (text.startsWith('cbv:')) return 'https://ref.gs1.org/cbv/' + text.slice(4);
  return text;
}

export function canonicalHashValue(text: string): string {
  let t = text;
  if (t.includes('urn:epcglobal:cbv:')) for (const [urn, web] of CBV_URNS) t = t.replaceAll(urn, web);
  t = canonicalNumericValue(t);
  return constrainedDigitalLink(t) ?? t;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Rule 10/11 order. Without surrogate pairs, the default (UTF-16) sort already is code point order. */
const sorted = (values: string[]): string[] => (values.some((v) => SURROGATE.test(v)) ? values.sort(compareCodePoints) : values.sort());

function genericString(items: readonly HashItem[]): string {
  const values: string[] = [];
  let sortable = true;
  for (const item of items) {
    if (isPair(item)) {
      values.push(genericString(item.pair));
      continue;
    }
    if (item.name === 'bizTransaction' || item.name === 'source' || item.name === 'destination') sortable = false;
    const text = pythonStrip(expandCurie(item.value));
    values.push(item.name + (text ? '=' + canonicalHashValue(text) : '') + genericString(item.children));
  }
  if (items.length > 1 && sortable) sorted(values);
  return values.join('');
}

function gatherUserExtensions(list: HashItem[]): HashNode[] {
  if (list.length <= 1) return [];
  for (const item of list) if (!isPair(item) && (item.name.includes('eventTime') || item.name.includes('action'))) return [];
  const extensions = list.filter((x): x is HashNode => !isPair(x) && x.name.includes('{') && x.name.includes('/}'));
  for (const x of extensions) list.splice(list.indexOf(x), 1);
  return extensions;
}

function childString(child: HashNode, order: Order | null): string {
  const grand = order ? inOrder(child.children, order) : '';
  let text = '';
  if (child.value) {
    text = pythonStrip(expandCurie(child.value));
    const lower = child.name.toLowerCase();
    text = lower.includes('time') && !lower.includes('offset') ? hashTimestamp(text) ?? text : canonicalHashValue(text);
    if (text) text = '=' + text;
  }
  return text || grand ? child.name + text + grand : '';
}

/** Consumes, in `order`, the children of a node; consumed children are removed from `list`. */
/** Names an order consumes (a node of such a name with no children left after processing is removed). */
const ORDER_NAMES = new WeakMap<Order, ReadonlySet<string>>();
const namesOf = (order: Order): ReadonlySet<string> => {
  let names = ORDER_NAMES.get(order);
  if (!names) ORDER_NAMES.set(order, (names = new Set(order.map(([name]) => name))));
  return names;
};

/** Consumes, in `order`, the children of a node; consumed children are removed from `list`. */
function inOrder(list: HashItem[], order: Order): string {
  let pre = '';
  const extensions = gatherUserExtensions(list);
  for (const [name, sub] of order) {
    let values: string[] | undefined;
    for (const x of list) {
      if (isPair(x) || x.name !== name) continue;
      const s = childString(x, sub);
      if (s) (values ??= []).push(s);
    }
    if (values) pre += (values.length > 1 ? sorted(values) : values).join('');
  }
  const names = namesOf(order);
  let w = 0;
  for (const x of list) if (isPair(x) || !names.has(x.name) || x.children.length > 0) list[w++] = x;
  list.length = w;
  if (extensions.length) pre += genericString(extensions);
  return pre;
}

/** The canonical pre-hash string of an event (CBV 2.0 §8.9.2). */
export function eventPreHash(event: EpcisEvent, options: TreeOptions = {}): string {
  const items = eventTree(event, options);
  const ordered = inOrder(items, PROPERTY_ORDER);
  const rest = items.filter((x) => isPair(x) || !IGNORED_TOP_LEVEL.has(x.name));
  return `eventType=${event.type}${ordered}${rest.length ? genericString(rest) : ''}`;
}
