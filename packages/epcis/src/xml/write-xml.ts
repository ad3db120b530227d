// The model to EPCIS 2.0 XML (EPCglobal-epcis-2_0.xsd element order). Standard vocabulary values are
// written as CBV URNs by default (GS1-CBV-XML-Format: Always_URN) or as Web URIs; typed extension values
// carry xsi:type so that reading the XML back gives the same model.
import type {
  EpcisDocument, EpcisEvent, EpcisQueryDocument, ExtensionElement, Place, QuantityElement, SensorElement, Vocabulary,
} from '../model/types.ts';
import { vocabularyIri, vocabularyUrn, type VocabularyKind } from '../model/vocabulary.ts';
import { XSD_ORDER, EPCIS_QUERY_XML_NS, EPCIS_XML_NS } from './xml-names.ts';
import { attributes, escapeText, XmlPrefixes, type Attributes } from './xml-writer-base.ts';

export interface XmlWriteOptions {
  /** `urn` (default): urn:epcglobal:cbv:… ; `web`: https://ref.gs1.org/cbv/… */
  readonly cbvFormat?: 'urn' | 'web';
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';

class Writer {
  readonly prefixes = new XmlPrefixes();
  usesXsi = false;
  constructor(private readonly options: XmlWriteOptions) {}

  vocab(kind: VocabularyKind, value: string): string {
    return this.options.cbvFormat === 'web' ? vocabularyIri(kind, value) : vocabularyUrn(kind, value);
  }

  leaf(name: string, value: string | undefined): string {
    return value === undefined ? '' : `<${name}>${escapeText(value)}</${name}>`;
  }

  qname(el: Pick<ExtensionElement, 'ns' | 'name' | 'prefix'>): string {
    return el.ns === '' ? el.name : `${this.prefixes.prefixFor(el.ns, el.prefix)}:${el.name}`;
  }

  extension(el: ExtensionElement): string {
    const name = this.qname(el);
    const attrs: [string, string][] = (el.attributes ?? []).map((a) => [this.qname(a), String(a.value ?? '')]);
    if (el.children) return `<${name}${attributes(attrs)}>${el.children.map((c) => this.extension(c)).join('')}</${name}>`;
    const v = el.value;
    if (v === null) {
      this.usesXsi = true;
      return `<${name}${attributes([...attrs, ['xsi:nil', 'true']])}/>`;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      this.usesXsi = true;
      const type = typeof v === 'boolean' ? 'xsd:boolean' : Number.isInteger(v) ? 'xsd:integer' : 'xsd:decimal';
      return `<${name}${attributes([...attrs, ['xsi:type', type]])}>${String(v)}</${name}>`;
    }
    return `<${name}${attributes(attrs)}>${escapeText(v ?? '')}</${name}>`;
  }

  extensions(list: readonly ExtensionElement[] | undefined): string {
    return (list ?? []).map((e) => this.extension(e)).join('');
  }

  place(name: string, p: Place | undefined): string {
    return p ? `<${name}>${this.leaf('id', p.id)}${this.extensions(p.extensions)}</${name}>` : '';
  }

  quantities(name: string, list: readonly QuantityElement[] | undefined): string {
    if (!list) return '';
    const items = list.map((q) => `<quantityElement>${this.leaf('epcClass', q.epcClass)}${this.leaf('quantity', q.quantity?.toString())}${this.leaf('uom', q.uom)}</quantityElement>`);
    return `<${name}>${items.join('')}</${name}>`;
  }

  epcs(name: string, list: readonly string[] | undefined): string {
    return list ? `<${name}>${list.map((e) => this.leaf('epc', e)).join('')}</${name}>` : '';
  }

  extensionAttributes(list: readonly ExtensionElement[] | undefined): [string, string][] {
    return (list ?? []).filter((e) => !e.children).map((e) => [this.qname(e), String(e.value ?? '')]);
  }

  sensors(list: readonly SensorElement[] | undefined): string {
    if (!list) return '';
    const elements = list.map((se) => {
      let out = '<sensorElement>';
      if (se.sensorMetadata) {
        const { extensions, ...md } = se.sensorMetadata;
        out += `<sensorMetadata${attributes([...Object.entries(md), ...this.extensionAttributes(extensions)] as Attributes)}/>`;
      }
      for (const { extensions, type, exception, component, ...r } of se.sensorReport) {
        const list: [string, string | undefined][] = [
          ['type', type === undefined ? undefined : vocabularyIri('measurementType', type)],
          ['exception', exception === undefined ? undefined : vocabularyIri('sensorAlertType', exception)],
          ['component', component === undefined ? undefined : vocabularyIri('component', component)],
          ...Object.entries(r).map(([k, v]): [string, string] => [k, String(v)]),
          ...this.extensionAttributes(extensions),
        ];
        out += `<sensorReport${attributes(list)}/>`;
      }
      return `${out}${this.extensions(se.extensions)}</sensorElement>`;
    });
    return `<sensorElementList>${elements.join('')}</sensorElementList>`;
  }

  field(event: EpcisEvent, name: string): string {
    const e = event as EpcisEvent & Record<string, unknown>;
    switch (name) {
      case 'epcList': case 'childEPCs': case 'inputEPCList': case 'outputEPCList': return this.epcs(name, e[name] as string[] | undefined);
      case 'quantityList': case 'childQuantityList': case 'inputQuantityList': case 'outputQuantityList':
        return this.quantities(name, e[name] as QuantityElement[] | undefined);
      case 'bizStep': return event.bizStep === undefined ? '' : this.leaf('bizStep', this.vocab('bizStep', event.bizStep));
      case 'disposition': return event.disposition === undefined ? '' : this.leaf('disposition', this.vocab('disposition', event.disposition));
      case 'readPoint': case 'bizLocation': return this.place(name, event[name]);
      case 'certificationInfo': return (event.certificationInfo ?? []).map((c) => this.leaf('certificationInfo', c)).join('');
      case 'errorDeclaration': {
        const ed = event.errorDeclaration;
        if (!ed) return '';
        const ids = ed.correctiveEventIDs ? `<correctiveEventIDs>${ed.correctiveEventIDs.map((i) => this.leaf('correctiveEventID', i)).join('')}</correctiveEventIDs>` : '';
        return `<errorDeclaration>${this.leaf('declarationTime', ed.declarationTime)}${ed.reason === undefined ? '' : this.leaf('reason', this.vocab('errorReason', ed.reason))}${ids}${this.extensions(ed.extensions)}</errorDeclaration>`;
      }
      case 'persistentDisposition': {
        const pd = event.persistentDisposition;
        if (!pd) return '';
        const items = [...(pd.unset ?? []).map((d) => this.leaf('unset', this.vocab('disposition', d))), ...(pd.set ?? []).map((d) => this.leaf('set', this.vocab('disposition', d)))];
        return `<persistentDisposition>${items.join('')}</persistentDisposition>`;
      }
      case 'bizTransactionList':
        return event.bizTransactionList ? `<bizTransactionList>${event.bizTransactionList.map((b) => `<bizTransaction${attributes([['type', b.type === undefined ? undefined : this.vocab('bizTransactionType', b.type)]])}>${escapeText(b.bizTransaction)}</bizTransaction>`).join('')}</bizTransactionList>` : '';
      case 'sourceList':
        return event.sourceList ? `<sourceList>${event.sourceList.map((s) => `<source${attributes([['type', this.vocab('sourceDestType', s.type)]])}>${escapeText(s.source)}</source>`).join('')}</sourceList>` : '';
      case 'destinationList':
        return event.destinationList ? `<destinationList>${event.destinationList.map((d) => `<destination${attributes([['type', this.vocab('sourceDestType', d.type)]])}>${escapeText(d.destination)}</destination>`).join('')}</destinationList>` : '';
      case 'sensorElementList': return this.sensors(event.sensorElementList);
      case 'ilmd': return e.ilmd ? `<ilmd>${this.extensions(e.ilmd as ExtensionElement[])}</ilmd>` : '';
      default: return this.leaf(name, e[name] as string | undefined);
    }
  }

  event(event: EpcisEvent): string {
    const fields = XSD_ORDER[event.type]!.map((name) => this.field(event, name)).join('');
    return `<${event.type}>${fields}${this.extensions(event.extensions)}</${event.type}>`;
  }

  vocabularies(list: readonly Vocabulary[]): string {
    const vocab = list.map((v) => {
      const elements = (v.vocabularyElementList ?? []).map((el) => {
        const attrs = (el.attributes ?? []).map((a) => `<attribute${attributes([['id', a.id]])}>${a.children ? this.extensions(a.children) : escapeText(a.value == null ? '' : String(a.value))}</attribute>`);
        const children = el.children ? `<children>${el.children.map((c) => this.leaf('id', c)).join('')}</children>` : '';
        return `<VocabularyElement${attributes([['id', el.id]])}>${attrs.join('')}${children}</VocabularyElement>`;
      });
      return `<Vocabulary${attributes([['type', v.type]])}><VocabularyElementList>${elements.join('')}</VocabularyElementList></Vocabulary>`;
    });
    return `<VocabularyList>${vocab.join('')}</VocabularyList>`;
  }

  rootAttributes(ns: [string, string], doc: { schemaVersion?: string; creationDate?: string }): string {
    const decl: [string, string | undefined][] = [[`xmlns:${ns[0]}`, ns[1]]];
    for (const [prefix, iri] of this.prefixes.declared) decl.push([`xmlns:${prefix}`, iri]);
    if (this.usesXsi) decl.push(['xmlns:xsi', XSI], ['xmlns:xsd', XSD]);
    decl.push(['schemaVersion', doc.schemaVersion ?? '2.0'], ['creationDate', doc.creationDate]);
    return attributes(decl);
  }
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function writeXmlDocument(doc: EpcisDocument, options: XmlWriteOptions = {}): string {
  const w = new Writer(options);
  const body = `<EPCISBody><EventList>${doc.events.map((e) => w.event(e)).join('')}</EventList></EPCISBody>`;
  const header = doc.vocabularyList ? `<EPCISHeader><extension><EPCISMasterData>${w.vocabularies(doc.vocabularyList)}</EPCISMasterData></extension></EPCISHeader>` : '';
  const ext = w.extensions(doc.extensions);
  return `${DECLARATION}<epcis:EPCISDocument${w.rootAttributes(['epcis', EPCIS_XML_NS], doc)}>${header}${body}${ext}</epcis:EPCISDocument>`;
}

export function writeXmlQueryDocument(doc: EpcisQueryDocument, options: XmlWriteOptions = {}): string {
  const w = new Writer(options);
  const events = doc.events.map((e) => w.event(e)).join('');
  const vocab = doc.vocabularyList ? w.vocabularies(doc.vocabularyList) : '';
  const results = `<epcisq:QueryResults>${w.leaf('queryName', doc.queryName)}${w.leaf('subscriptionID', doc.subscriptionID)}<resultsBody><EventList>${events}</EventList>${vocab}</resultsBody></epcisq:QueryResults>`;
  return `${DECLARATION}<epcisq:EPCISQueryDocument${w.rootAttributes(['epcisq', EPCIS_QUERY_XML_NS], doc)}><EPCISBody>${results}</EPCISBody></epcisq:EPCISQueryDocument>`;
}

/** One event as a bare XML element (e.g. for GET /events/{eventID} with Accept: application/xml). */
export function writeXmlEvent(event: EpcisEvent, options: XmlWriteOptions = {}): string {
  const w = new Writer(options);
  const body = w.event(event);
  const decl = [...w.prefixes.declared.map(([p, iri]): [string, string] => [`xmlns:${p}`, iri]), ...(w.usesXsi ? [['xmlns:xsi', XSI], ['xmlns:xsd', XSD]] as [string, string][] : [])];
  return DECLARATION + body.replace(`<${event.type}>`, `<${event.type}${attributes(decl)}>`);
}
