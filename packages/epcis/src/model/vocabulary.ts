// CBV 2.0 standard vocabularies and GS1 Web vocabulary terms (CBV 2.0 §7, EPCIS 2.0 §10.1.2): in JSON-LD
// a standard value is a bare word (`receiving`), in XML an URN (`urn:epcglobal:cbv:bizstep:receiving`) or
// its Web URI (`https://ref.gs1.org/cbv/BizStep-receiving`). The model keeps bare words.
import { EPCIS_CONTEXT_PREFIXES, EPCIS_VOCABULARIES } from '../context/epcis-context.generated.ts';

export type VocabularyKind = keyof typeof EPCIS_VOCABULARIES;

/** CBV 1.x/2.0 URN namespaces per vocabulary (CBV 2.0 §8.2); not every vocabulary has one. */
const URN_PREFIXES: Partial<Record<VocabularyKind, string>> = {
  bizStep: 'urn:epcglobal:cbv:bizstep:',
  disposition: 'urn:epcglobal:cbv:disp:',
  bizTransactionType: 'urn:epcglobal:cbv:btt:',
  sourceDestType: 'urn:epcglobal:cbv:sdt:',
  errorReason: 'urn:epcglobal:cbv:er:',
};

const TERMS = new Map<VocabularyKind, ReadonlyMap<string, string>>();
const WEB_PREFIXES = new Map<VocabularyKind, string>();
for (const [kind, terms] of Object.entries(EPCIS_VOCABULARIES) as [VocabularyKind, Record<string, string>][]) {
  TERMS.set(kind, new Map(Object.entries(terms)));
  // Every term of a vocabulary expands to <common prefix><term>, e.g. https://ref.gs1.org/cbv/BizStep-.
  const [term, iri] = Object.entries(terms)[0]!;
  WEB_PREFIXES.set(kind, iri.slice(0, iri.length - term.length));
}

export const CBV_URN_ROOT = 'urn:epcglobal:cbv:';
export const CBV_WEB_ROOT = EPCIS_CONTEXT_PREFIXES.cbv!;
export const GS1_VOC_ROOT = EPCIS_CONTEXT_PREFIXES.gs1!;

export function isStandardTerm(kind: VocabularyKind, word: string): boolean {
  return TERMS.get(kind)!.has(word);
}

export function standardTerms(kind: VocabularyKind): readonly string[] {
  return [...TERMS.get(kind)!.keys()];
}

export type VocabularyForm = 'bare' | 'urn' | 'web' | 'curie' | 'other';

export interface NormalisedVocabularyValue {
  /** The model value: the bare word for a standard term, otherwise the input. */
  readonly value: string;
  readonly form: VocabularyForm;
  /** True when the value is in a standard namespace (URN or Web URI) but names no term of the vocabulary. */
  readonly unknownStandardTerm: boolean;
}

/** Reads a vocabulary value in any standard spelling into its model form. */
export function normaliseVocabularyValue(kind: VocabularyKind, input: string): NormalisedVocabularyValue {
  const terms = TERMS.get(kind)!;
  if (terms.has(input)) return { value: input, form: 'bare', unknownStandardTerm: false };
  const urn = URN_PREFIXES[kind];
  if (urn !== undefined && input.startsWith(urn)) {
    const word = input.slice(urn.length);
    return terms.has(word)
      ? { value: word, form: 'urn', unknownStandardTerm: false }
      : { value: input, form: 'urn', unknownStandardTerm: true };
  }
  let form: VocabularyForm = 'web';
  let iri = input;
  const colon = input.indexOf(':');
  const prefix = colon > 0 ? input.slice(0, colon) : '';
  if ((prefix === 'cbv' || prefix === 'gs1') && !input.startsWith(`${prefix}://`)) {
    iri = EPCIS_CONTEXT_PREFIXES[prefix] + input.slice(colon + 1);
    form = 'curie';
  }
  const web = WEB_PREFIXES.get(kind)!;
  if (iri.startsWith(web)) {
    const word = iri.slice(web.length);
    if (terms.has(word)) return { value: word, form, unknownStandardTerm: false };
    // GS1 Web vocabulary holds more than measurement types; only the CBV namespaces are closed.
    return { value: iri, form, unknownStandardTerm: web.startsWith(CBV_WEB_ROOT) };
  }
  if (form === 'curie') return { value: iri, form, unknownStandardTerm: iri.startsWith(CBV_WEB_ROOT) };
  return { value: input, form: 'other', unknownStandardTerm: input.startsWith(CBV_URN_ROOT) || input.startsWith(CBV_WEB_ROOT) };
}

/** Vocabularies of the GS1 Web vocabulary: a bare word outside the published list is still read in gs1:. */
const OPEN_GS1: ReadonlySet<VocabularyKind> = new Set(['measurementType', 'sensorAlertType']);

/**
 * The IRI a model value stands for (bare words expanded; anything else unchanged). A bare measurement or
 * alert type that is not in the list (e.g. `EffectiveDoseRate`, written bare by real EPCIS JSON for what
 * XML writes as `gs1:EffectiveDoseRate`) is read in the GS1 Web vocabulary too.
 */
export function vocabularyIri(kind: VocabularyKind, value: string): string {
  const known = TERMS.get(kind)!.get(value);
  if (known !== undefined) return known;
  return OPEN_GS1.has(kind) && /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? GS1_VOC_ROOT + value : value;
}

/** The CBV URN of a model value when the vocabulary has one (XML binding), else its IRI. */
export function vocabularyUrn(kind: VocabularyKind, value: string): string {
  const urn = URN_PREFIXES[kind];
  if (urn !== undefined && TERMS.get(kind)!.has(value)) return urn + value;
  return vocabularyIri(kind, value);
}

/** The bare word a JSON document should have used for a URN or Web URI, if it names a standard term. */
export function bareWordFor(kind: VocabularyKind, value: string): string | undefined {
  const n = normaliseVocabularyValue(kind, value);
  return n.form !== 'bare' && TERMS.get(kind)!.has(n.value) ? n.value : undefined;
}
