import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import type { AiElement } from '../element-string/parsed-ai.ts';
import { buildDigitalLink } from '../digital-link/build-digital-link.ts';
import { parseDigitalLink } from '../digital-link/digital-link.ts';
import type { DigitalLinkParseOptions } from '../digital-link/digital-link-types.ts';
import { MAX_GCP_LENGTH, MIN_GCP_LENGTH } from '../keys/company-prefix-keys.ts';
import { deduceCompanyPrefixLength } from './company-prefix-length.ts';
import { EPC_SCHEMES, type EpcScheme } from './epc-schemes.ts';
import { parseEpcUri } from './parse-epc-uri.ts';
import { tdsEscape } from './tds-escape.ts';

// Conversions between EPC URIs and GS1 Digital Link URIs through their common GS1 AI data
// (GS1 EPC Tag Data Standard 2.1 §7; GS1 Digital Link URI Syntax 1.4 §4).

type Out = Result<string, Gs1Error>;

/** The Digital Link URI for an EPC pure identity, class (LGTIN) or pattern with a whole key. */
export function epcUriToDigitalLink(uri: string, options?: { base?: string }): Out {
  const epc = parseEpcUri(uri);
  if (!epc.ok) return epc;
  if (!epc.value.elements) {
    const code = epc.value.kind === 'idpat' ? 'GS1_EPC_PATTERN_HAS_NO_WHOLE_KEY' : 'GS1_EPC_NO_DIGITAL_LINK_EQUIVALENT';
    return { ok: false, error: { code, position: 0, params: { scheme: epc.value.scheme } } };
  }
  return buildDigitalLink(epc.value.elements, options?.base === undefined ? {} : { base: options.base });
}

export interface EpcFromDigitalLinkOptions extends DigitalLinkParseOptions {
  /** GS1 Company Prefix length, or a lookup by primary key; deduced from the key where its structure allows. */
  readonly companyPrefixLength?: number | ((primaryKey: AiElement) => number | undefined);
}

function pick(name: string, kind: 'id' | 'class'): EpcScheme | undefined {
  return EPC_SCHEMES.find((s) => s.name === name && s.kind === kind);
}

/** Which EPC scheme a primary key with its other AIs maps to, and whether it can only be a pattern. */
function choose(key: AiElement, has: (ai: string) => string | undefined): { scheme: EpcScheme; pattern: boolean } | undefined {
  const id = (name: string, pattern = false) => {
    const scheme = pick(name, 'id');
    return scheme ? { scheme, pattern } : undefined;
  };
  switch (key.ai) {
    case '01': {
      if (has('21') !== undefined) return id('sgtin');
      if (has('235') !== undefined) return id('upui');
      const lgtin = pick('lgtin', 'class');
      if (has('10') !== undefined && lgtin) return { scheme: lgtin, pattern: false };
      return id('sgtin', true);
    }
    case '8003': return id('grai', key.value.length <= 14);
    case '253': return id('gdti', key.value.length <= 13);
    case '255': return id('sgcn', key.value.length <= 13);
    case '8010': return id('cpi', has('8011') === undefined);
    case '8006': return id('itip', has('21') === undefined);
    default: {
      const scheme = EPC_SCHEMES.find((s) => s.kind === 'id' && s.keyAi === key.ai && s.name !== 'upui');
      return scheme ? { scheme, pattern: false } : undefined;
    }
  }
}

/** Split the key value into the EPC fields for a GCP of `length`. */
function fields(s: EpcScheme, key: string, length: number, has: (ai: string) => string | undefined): string[] | Gs1Error {
  const lead = s.leadingFromReference || s.fixedLeading ? 1 : 0;
  const gcp = key.slice(lead, lead + length);
  if (!/^\d+$/.test(gcp) || gcp.length !== length) return { code: 'GS1_EPC_INVALID_COMPANY_PREFIX', position: 0 };
  const refEnd = s.keyDigits === undefined ? key.length : s.keyDigits + (s.fixedLeading ? 1 : 0);
  if (lead + length > refEnd) return { code: 'GS1_EPC_INVALID_COMPANY_PREFIX_LENGTH', position: 0, params: { length: String(length) } };
  const reference = (s.leadingFromReference ? key.slice(0, 1) : '') + key.slice(lead + length, refEnd);
  const out = [gcp, s.keyDigits === undefined ? tdsEscape(reference) : reference];
  const afterCheck = refEnd + (s.checkDigit ? 1 : 0);
  if (s.pieceTotal) out.push(key.slice(afterCheck, afterCheck + 2), key.slice(afterCheck + 2, afterCheck + 4));
  if (s.serialInKey) out.push(tdsEscape(key.slice(afterCheck)));
  if (s.qualifier) out[s.qualifier.field] = tdsEscape(has(s.qualifier.ai) ?? s.qualifier.omitIf ?? '');
  return out;
}

/** The EPC URI (pure identity, LGTIN class, or pattern for an unserialised key) for GS1 AI data. */
export function elementsToEpcUri(elements: readonly AiElement[], opts?: EpcFromDigitalLinkOptions): Out {
  const [key] = elements;
  if (!key) return { ok: false, error: { code: 'GS1_EPC_NO_EPC_EQUIVALENT', position: 0 } };
  const has = (ai: string) => elements.find((e) => e.ai === ai)?.value;
  const choice = choose(key, has);
  if (!choice) return { ok: false, error: { code: 'GS1_EPC_NO_EPC_EQUIVALENT', position: 0, ai: key.ai } };
  const given = opts?.companyPrefixLength;
  const length = typeof given === 'function' ? given(key) : (given ?? deduceCompanyPrefixLength(key));
  if (length === undefined) return { ok: false, error: { code: 'GS1_EPC_COMPANY_PREFIX_LENGTH_REQUIRED', position: 0, ai: key.ai } };
  if (!Number.isInteger(length) || length < MIN_GCP_LENGTH || length > MAX_GCP_LENGTH) {
    return { ok: false, error: { code: 'GS1_EPC_INVALID_COMPANY_PREFIX_LENGTH', position: 0, params: { length: String(length) } } };
  }
  const { scheme, pattern } = choice;
  const f = fields(scheme, key.value, length, has);
  if (!Array.isArray(f)) return { ok: false, error: f };
  if (pattern) f[f.length - 1] = '*';
  const kind = pattern ? 'idpat' : scheme.kind;
  return { ok: true, value: `urn:epc:${kind}:${scheme.name}:${f.join('.')}` };
}

/** The EPC URI for a GS1 Digital Link URI; the GCP length is given, looked up, or deduced. */
export function digitalLinkToEpcUri(uri: string, options?: EpcFromDigitalLinkOptions): Out {
  const dl = parseDigitalLink(uri, options);
  if (!dl.ok) return dl;
  return elementsToEpcUri(dl.value.elements, options);
}
