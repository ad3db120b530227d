// The event as the generic tree the CBV 2.0 event hash works on (CBV 2.0 §8.9): one node per XML element or
// attribute of the event's XML form (extension wrappers removed), a value and children. A business
// transaction, source or destination is a pair (type first), as in the reference implementation.
import type { EpcisEvent, ExtensionElement, Place, QuantityElement, SensorElement } from '../model/types.ts';
import { vocabularyIri } from '../model/vocabulary.ts';
import { canonicalNumberText, literalText } from './python-text.ts';

export interface HashNode {
  readonly name: string;
  readonly value: string;
  readonly children: HashItem[];
}

/** [type, identifier] of a bizTransaction, source or destination. */
export interface HashPair {
  readonly pair: readonly [HashNode, HashNode] | readonly [HashNode];
}

export type HashItem = HashNode | HashPair;

export const isPair = (item: HashItem): item is HashPair => 'pair' in item;

const leaf = (name: string, value: string): HashNode => ({ name, value, children: [] });
const node = (name: string, children: HashItem[]): HashNode => ({ name, value: '', children });
const num = (name: string, value: number | undefined): HashNode[] => (value === undefined ? [] : [leaf(name, canonicalNumberText(value) ?? String(value))]);
const str = (name: string, value: string | undefined): HashNode[] => (value === undefined ? [] : [leaf(name, value)]);

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

export interface TreeOptions {
  /** Top-level extension fields excluded from the hash (the document's `ignoreFields`). */
  readonly ignore?: readonly { readonly ns: string; readonly name: string }[];
}

function extensionNodes(elements: readonly ExtensionElement[] | undefined): HashNode[] {
  const out: HashNode[] = [];
  for (const el of elements ?? []) {
    // Comments are not event data (the reference drops `rdfs:comment` and `comment` keys).
    if (el.name === 'comment' && (el.ns === RDFS || el.ns === '')) continue;
    const value = el.value === undefined ? '' : literalText(el.value);
    out.push({ name: el.ns ? `{${el.ns}}${el.name}` : el.name, value, children: [...extensionNodes(el.attributes), ...extensionNodes(el.children)] });
  }
  return out;
}

function place(name: string, p: Place | undefined): HashNode[] {
  return p ? [node(name, [leaf('id', p.id), ...extensionNodes(p.extensions)])] : [];
}

function quantities(name: string, list: readonly QuantityElement[] | undefined): HashNode[] {
  if (!list) return [];
  return [node(name, list.map((q) => node('quantityElement', [leaf('epcClass', q.epcClass), ...num('quantity', q.quantity), ...str('uom', q.uom)])))];
}

function epcs(name: string, list: readonly string[] | undefined): HashNode[] {
  return list ? [node(name, list.map((epc) => leaf('epc', epc)))] : [];
}

function sensors(list: readonly SensorElement[] | undefined): HashNode[] {
  if (!list) return [];
  return [node('sensorElementList', list.map((se) => {
    const children: HashItem[] = [];
    const md = se.sensorMetadata;
    if (md) {
      children.push(node('sensorMetadata', [
        ...str('time', md.time), ...str('startTime', md.startTime), ...str('endTime', md.endTime), ...str('deviceID', md.deviceID),
        ...str('deviceMetadata', md.deviceMetadata), ...str('rawData', md.rawData), ...str('dataProcessingMethod', md.dataProcessingMethod),
        ...str('bizRules', md.bizRules), ...extensionNodes(md.extensions),
      ]));
    }
    for (const r of se.sensorReport) {
      children.push(node('sensorReport', [
        ...str('type', r.type === undefined ? undefined : vocabularyIri('measurementType', r.type)),
        ...str('exception', r.exception === undefined ? undefined : vocabularyIri('sensorAlertType', r.exception)),
        ...str('deviceID', r.deviceID), ...str('deviceMetadata', r.deviceMetadata), ...str('rawData', r.rawData),
        ...str('dataProcessingMethod', r.dataProcessingMethod), ...str('bizRules', r.bizRules), ...str('time', r.time),
        ...str('microorganism', r.microorganism), ...str('chemicalSubstance', r.chemicalSubstance), ...num('value', r.value),
        ...str('component', r.component === undefined ? undefined : vocabularyIri('component', r.component)),
        ...str('stringValue', r.stringValue), ...str('booleanValue', r.booleanValue === undefined ? undefined : String(r.booleanValue)),
        ...str('hexBinaryValue', r.hexBinaryValue), ...str('uriValue', r.uriValue), ...num('minValue', r.minValue),
        ...num('maxValue', r.maxValue), ...num('meanValue', r.meanValue), ...num('sDev', r.sDev), ...num('percRank', r.percRank),
        ...num('percValue', r.percValue), ...str('uom', r.uom), ...str('coordinateReferenceSystem', r.coordinateReferenceSystem),
        ...extensionNodes(r.extensions),
      ]));
    }
    children.push(...extensionNodes(se.extensions));
    return node('sensorElement', children);
  }))];
}

function pairList(name: string, idName: string, list: readonly { type?: string; id: string }[] | undefined, kind: 'bizTransactionType' | 'sourceDestType'): HashNode[] {
  if (!list) return [];
  return [node(name, list.map((x) => ({
    pair: x.type === undefined ? [leaf(idName, x.id)] as const : [leaf('type', vocabularyIri(kind, x.type)), leaf(idName, x.id)] as const,
  })))];
}

/** The children of the event's root node (its `eventType` is added by the hash itself). */
export function eventTree(event: EpcisEvent, options: TreeOptions = {}): HashItem[] {
  const e = event as EpcisEvent & Record<string, unknown>;
  const out: HashItem[] = [leaf('eventTime', event.eventTime), leaf('eventTimeZoneOffset', event.eventTimeZoneOffset)];
  for (const c of event.certificationInfo ?? []) out.push(leaf('certificationInfo', c));
  out.push(...str('parentID', e.parentID as string | undefined));
  for (const field of ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']) out.push(...epcs(field, e[field] as string[] | undefined));
  for (const field of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
    out.push(...quantities(field, e[field] as QuantityElement[] | undefined));
  }
  out.push(...str('action', e.action as string | undefined), ...str('transformationID', e.transformationID as string | undefined));
  out.push(...str('bizStep', event.bizStep === undefined ? undefined : vocabularyIri('bizStep', event.bizStep)));
  out.push(...str('disposition', event.disposition === undefined ? undefined : vocabularyIri('disposition', event.disposition)));
  const pd = event.persistentDisposition;
  if (pd) {
    out.push(node('persistentDisposition', [
      ...(pd.set ?? []).map((d) => leaf('set', vocabularyIri('disposition', d))),
      ...(pd.unset ?? []).map((d) => leaf('unset', vocabularyIri('disposition', d))),
    ]));
  }
  out.push(...place('readPoint', event.readPoint), ...place('bizLocation', event.bizLocation));
  out.push(...pairList('bizTransactionList', 'bizTransaction', event.bizTransactionList?.map((b) => ({ type: b.type, id: b.bizTransaction })), 'bizTransactionType'));
  out.push(...pairList('sourceList', 'source', event.sourceList?.map((s) => ({ type: s.type, id: s.source })), 'sourceDestType'));
  out.push(...pairList('destinationList', 'destination', event.destinationList?.map((d) => ({ type: d.type, id: d.destination })), 'sourceDestType'));
  out.push(...sensors(event.sensorElementList));
  const ilmd = e.ilmd as readonly ExtensionElement[] | undefined;
  if (ilmd) out.push(node('ilmd', extensionNodes(ilmd)));
  const ignore = options.ignore ?? [];
  const kept = (event.extensions ?? []).filter((x) => !ignore.some((i) => i.ns === x.ns && i.name === x.name));
  out.push(...extensionNodes(kept));
  return out;
}
