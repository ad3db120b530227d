// JSON-LD @context handling for EPCIS 2.0 JSON (EPCIS 2.0 §10.1): the standard context is bundled (never
// fetched); extra context objects declare namespace prefixes for user extensions (§10.1.3), whose
// compact keys `prefix:local` are resolved here.
import { EPCIS_CONTEXT_PREFIXES } from '../context/epcis-context.generated.ts';
import type { Namespaces } from '../model/types.ts';

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

/** Any published location of the EPCIS 2.0 context (ref.gs1.org versions, gs1.github.io). */
export function isEpcisContextUrl(url: string): boolean {
  return /^https?:\/\/[^?#]*epcis-context\.jsonld$/.test(url);
}

export interface ContextInfo {
  /** Declared prefixes: the standard ones plus those of the document's context objects. */
  readonly namespaces: Namespaces;
  /** Only the prefixes the document itself declared. */
  readonly declared: Namespaces;
  readonly referencesEpcisContext: boolean;
}

function termIri(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { '@id'?: unknown })['@id'] === 'string') {
    return (value as { '@id': string })['@id'];
  }
  return undefined;
}

/** Reads a `@context` value (string, object or array of them) on top of the inherited namespaces. */
export function readContext(context: unknown, inherited: Namespaces = EPCIS_CONTEXT_PREFIXES): ContextInfo {
  const namespaces: Record<string, string> = { ...inherited };
  const declared: Record<string, string> = {};
  let referencesEpcisContext = false;
  const entries = Array.isArray(context) ? context : [context];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (isEpcisContextUrl(entry)) referencesEpcisContext = true;
    } else if (typeof entry === 'object' && entry !== null) {
      for (const [key, value] of Object.entries(entry)) {
        if (key.startsWith('@')) continue;
        const iri = termIri(value);
        if (iri !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri)) {
          namespaces[key] = iri;
          declared[key] = iri;
        }
      }
    }
  }
  return { namespaces, declared, referencesEpcisContext };
}

export type ResolvedKey =
  | { readonly ok: true; readonly ns: string; readonly name: string; readonly prefix?: string }
  | { readonly ok: false; readonly prefix: string; readonly name: string };

/**
 * Resolves a JSON key to (namespace IRI, local name): `prefix:local` via the declared prefixes, an absolute
 * IRI split at its last `#`, `/` or `:`, or a bare key with no namespace.
 */
export function resolveKey(key: string, namespaces: Namespaces): ResolvedKey {
  const colon = key.indexOf(':');
  if (colon <= 0) return { ok: true, ns: '', name: key };
  const prefix = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  const iri = Object.prototype.hasOwnProperty.call(namespaces, prefix) ? namespaces[prefix] : undefined;
  if (iri !== undefined && !rest.startsWith('//')) return { ok: true, ns: iri, name: rest, prefix };
  if (rest.startsWith('//') || prefix === 'urn') {
    const cut = Math.max(key.lastIndexOf('#'), key.lastIndexOf('/'), prefix === 'urn' ? key.lastIndexOf(':') : -1);
    return { ok: true, ns: key.slice(0, cut + 1), name: key.slice(cut + 1) };
  }
  return { ok: false, prefix, name: rest };
}

/** Finds a prefix for a namespace IRI, inventing `ext1`, `ext2`… when the document declared none. */
export class PrefixAllocator {
  private readonly byIri = new Map<string, string>();
  private readonly used = new Set<string>(Object.keys(EPCIS_CONTEXT_PREFIXES));
  private counter = 0;
  readonly declared: Record<string, string> = {};

  constructor(preferred: Namespaces = {}) {
    for (const [prefix, iri] of Object.entries(EPCIS_CONTEXT_PREFIXES)) this.byIri.set(iri, prefix);
    for (const [prefix, iri] of Object.entries(preferred)) {
      if (this.byIri.get(iri) === prefix) continue;
      const standard = EPCIS_CONTEXT_PREFIXES[prefix];
      // A document may re-declare a standard prefix (e.g. cbvmda) for its own namespace: keep its choice.
      if (standard !== undefined && this.byIri.get(standard) === prefix) this.byIri.delete(standard);
      if (!this.byIri.has(iri)) this.take(prefix, iri);
    }
  }

  private take(prefix: string, iri: string): string {
    this.byIri.set(iri, prefix);
    this.used.add(prefix);
    this.declared[prefix] = iri;
    return prefix;
  }

  prefixFor(iri: string, hint?: string): string {
    const known = this.byIri.get(iri);
    if (known !== undefined) return known;
    if (hint !== undefined && /^[A-Za-z_][\w.-]*$/.test(hint) && !this.used.has(hint)) return this.take(hint, iri);
    let candidate: string;
    do candidate = `ext${++this.counter}`;
    while (this.used.has(candidate));
    return this.take(candidate, iri);
  }
}
