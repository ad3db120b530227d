// EPCIS XML documents into the model (EPCIS 2.0 §9, §11): EPCISDocument (with master data in its header),
// EPCISQueryDocument (query results, or a Poll request), EPCISMasterDataDocument, EPCISCaptureJob and a
// bare event. Query documents are read leniently: their parts are looked up wherever they are nested.
import { issue, type EpcisIssue } from '../errors/issue.ts';
import type {
  EpcisCaptureJob, EpcisEvent, EpcisInput, ExtensionElement, Vocabulary, VocabularyAttribute, VocabularyElement,
} from '../model/types.ts';
import { isEventTypeName } from '../model/event-types.ts';
import { extensionAttributes, readXmlExtension } from './read-xml-extensions.ts';
import { eventElements, readXmlEvent } from './read-xml-event.ts';
import { collapse, coreChild, coreChildren, flatChildren, isCore } from './xml-names.ts';
import { collectDeclarations, parseXmlTree, xmlPath, type XmlElement, type XmlParseOptions } from './xml-tree.ts';

export interface XmlReadOptions extends XmlParseOptions {
  /** Report elements out of XSD order as errors (default: warnings; real documents often jumble them). */
  readonly strictOrder?: boolean;
}

export interface XmlReadOutcome {
  readonly document?: EpcisInput;
  readonly errors: readonly EpcisIssue[];
  readonly warnings: readonly EpcisIssue[];
  /** The element of each event in `document.events`, for locating errors found later. */
  readonly eventElements: readonly XmlElement[];
  /** The index in the input's event list of each event in `document.events`. */
  readonly eventIndexes: readonly number[];
}

/** Breadth-first search for a core element, not looking inside event lists (which can be large). */
function find(el: XmlElement, local: string): XmlElement | undefined {
  const queue = [...el.children];
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i]!;
    if (isCore(c) && c.local === local) return c;
    if (!(isCore(c) && c.local === 'EventList')) queue.push(...c.children);
  }
  return undefined;
}

function vocabularies(list: XmlElement | undefined): Vocabulary[] {
  if (!list) return [];
  return coreChildren(list, 'Vocabulary').map((v) => {
    const elements = coreChild(v, 'VocabularyElementList');
    const vocabularyElementList: VocabularyElement[] = (elements ? coreChildren(elements, 'VocabularyElement') : []).map((ve) => {
      const attributes: VocabularyAttribute[] = coreChildren(ve, 'attribute').map((a) => {
        const id = a.attributes.find((x) => x.local === 'id' && x.ns === '')?.value ?? '';
        return a.children.length ? { id, children: a.children.map(readXmlExtension) } : { id, value: a.text.trim() };
      });
      const children = coreChild(ve, 'children');
      return {
        id: ve.attributes.find((x) => x.local === 'id' && x.ns === '')?.value ?? '',
        ...(attributes.length ? { attributes } : {}),
        ...(children ? { children: coreChildren(children, 'id').map((c) => collapse(c.text)) } : {}),
      };
    });
    return { type: v.attributes.find((x) => x.local === 'type' && x.ns === '')?.value ?? '', vocabularyElementList };
  });
}

function attr(el: XmlElement, name: string): string | undefined {
  return el.attributes.find((a) => a.local === name && a.ns === '')?.value;
}

/** Namespaced attributes and elements of the root (its unqualified attributes are the XSD's anyAttribute). */
function documentExtensions(root: XmlElement): ExtensionElement[] {
  return [...extensionAttributes(root.attributes.filter((a) => a.ns !== '')), ...flatChildren(root).filter((c) => !isCore(c)).map(readXmlExtension)];
}

function captureJob(root: XmlElement, common: object, errors: EpcisIssue[]): EpcisCaptureJob {
  const text = (name: string): string | undefined => {
    const c = coreChild(root, name);
    return c ? collapse(c.text) : undefined;
  };
  for (const required of ['captureID', 'running', 'success']) {
    if (attr(root, required) === undefined) errors.push(issue('EPCIS_XML_MISSING_ATTRIBUTE', { xmlPath: xmlPath(root), params: { attribute: required } }));
  }
  const errorList = coreChild(root, 'errors');
  const job: Record<string, unknown> = {
    ...common,
    kind: 'EPCISCaptureJob',
    captureID: attr(root, 'captureID') ?? '',
    running: attr(root, 'running') === 'true',
    success: attr(root, 'success') === 'true',
    captureErrorBehaviour: text('captureErrorBehaviour') === 'proceed' ? 'proceed' : 'rollback',
  };
  for (const key of ['createdAt', 'finishedAt', 'errorFile']) if (text(key) !== undefined) job[key] = text(key);
  if (errorList) {
    job.errors = coreChildren(errorList, 'error').map((e) => {
      const out: Record<string, unknown> = {};
      for (const c of flatChildren(e)) if (isCore(c)) out[c.local] = c.local === 'status' ? Number(collapse(c.text)) : collapse(c.text);
      return out;
    });
  }
  return job as unknown as EpcisCaptureJob;
}

/** Reads EPCIS XML text. Never throws; `document` is absent only when nothing could be read. */
export function readEpcisXml(text: string, options: XmlReadOptions = {}): XmlReadOutcome {
  const tree = parseXmlTree(text, options);
  if (!tree.root) return { errors: [tree.error!], warnings: [], eventElements: [], eventIndexes: [] };
  const root = tree.root;
  const errors: EpcisIssue[] = [];
  const warnings: EpcisIssue[] = [];
  const elements: XmlElement[] = [];
  const indexes: number[] = [];
  const namespaces = collectDeclarations(root);
  const common: { namespaces: Record<string, string>; schemaVersion?: string; creationDate?: string; extensions?: ExtensionElement[] } = { namespaces };
  const schemaVersion = attr(root, 'schemaVersion');
  const creationDate = attr(root, 'creationDate');
  if (schemaVersion !== undefined) common.schemaVersion = schemaVersion;
  if (creationDate !== undefined) common.creationDate = creationDate;
  const extensions = documentExtensions(root);
  if (extensions.length) common.extensions = extensions;
  const readEvents = (list: XmlElement | undefined): EpcisEvent[] => {
    const events: EpcisEvent[] = [];
    (list ? eventElements(list) : []).forEach((el, i) => {
      const event = readXmlEvent(el, { errors, warnings, eventIndex: i, strictOrder: options.strictOrder ?? false });
      if (event) {
        events.push(event);
        elements.push(el);
        indexes.push(i);
      }
    });
    return events;
  };
  const done = (document: EpcisInput): XmlReadOutcome => ({ document, errors, warnings, eventElements: elements, eventIndexes: indexes });
  if (!isCore(root)) {
    return { errors: [issue('EPCIS_XML_UNKNOWN_ROOT', { xmlPath: xmlPath(root), params: { element: root.local } })], warnings, eventElements: [], eventIndexes: [] };
  }
  switch (root.local) {
    case 'EPCISDocument': {
      const body = coreChild(root, 'EPCISBody');
      if (!body) errors.push(issue('EPCIS_XML_MISSING_ELEMENT', { xmlPath: xmlPath(root), params: { element: 'EPCISBody' } }));
      const header = coreChild(root, 'EPCISHeader');
      const master = header ? find(header, 'VocabularyList') : undefined;
      return done({
        ...common, kind: 'EPCISDocument', ...(master ? { vocabularyList: vocabularies(master) } : {}),
        events: readEvents(body ? coreChild(body, 'EventList') : undefined),
      } as EpcisInput);
    }
    case 'EPCISQueryDocument': {
      const poll = find(root, 'Poll');
      if (poll) return done(pollRequest(poll, common, errors));
      const queryName = find(root, 'queryName');
      const subscriptionID = find(root, 'subscriptionID');
      const resultsBody = find(root, 'resultsBody');
      const master = resultsBody ? find(resultsBody, 'VocabularyList') : undefined;
      return done({
        ...common, kind: 'EPCISQueryDocument', queryName: queryName ? collapse(queryName.text) : '',
        ...(subscriptionID ? { subscriptionID: collapse(subscriptionID.text) } : {}),
        ...(master ? { vocabularyList: vocabularies(master) } : {}),
        events: readEvents(find(root, 'EventList')),
      } as EpcisInput);
    }
    case 'EPCISMasterDataDocument':
      return done({ ...common, kind: 'EPCISMasterDataDocument', vocabularyList: vocabularies(find(root, 'VocabularyList')) } as EpcisInput);
    case 'EPCISCaptureJob':
      return done(captureJob(root, common, errors));
    default:
      if (isEventTypeName(root.local)) return done({ ...common, kind: 'EPCISDocument', bareEvent: true, events: readEvents({ ...root, children: [root] }) } as EpcisInput);
      return { errors: [issue('EPCIS_XML_UNKNOWN_ROOT', { xmlPath: xmlPath(root), params: { element: root.local } })], warnings, eventElements: [], eventIndexes: [] };
  }
}

/** EPCIS 2.0 §11 (XML query binding) Poll: queryName and params; each value a string or ArrayOfString. */
function pollRequest(poll: XmlElement, common: object, errors: EpcisIssue[]): EpcisInput {
  const name = coreChild(poll, 'queryName');
  if (!name) errors.push(issue('EPCIS_QUERY_NAME_MISSING', { xmlPath: xmlPath(poll) }));
  const params: Record<string, string | string[]> = {};
  const list = coreChild(poll, 'params');
  for (const p of list ? coreChildren(list, 'param') : []) {
    const n = coreChild(p, 'name');
    const v = coreChild(p, 'value');
    const paramName = n ? collapse(n.text) : '';
    if (!v) {
      errors.push(issue('EPCIS_QUERY_PARAM_WITHOUT_VALUE', { xmlPath: xmlPath(p), params: { name: paramName } }));
      continue;
    }
    const strings = coreChildren(v, 'string');
    params[paramName] = strings.length ? strings.map((s) => collapse(s.text)) : collapse(v.text);
  }
  return { ...common, kind: 'QueryRequest', queryName: name ? collapse(name.text) : '', params } as EpcisInput;
}
