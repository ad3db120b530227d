import type { Gs1Error } from '../errors.ts';
import type { Result } from '../result.ts';
import type { AiElement } from '../element-string/parsed-ai.ts';
import { resolveElements } from '../digital-link/build-digital-link.ts';
import { computeCheckDigit } from '../keys/check-digit.ts';
import { MAX_GCP_LENGTH, MIN_GCP_LENGTH } from '../keys/company-prefix-keys.ts';
import { epcScheme, NON_GS1_SCHEMES, type EpcScheme } from './epc-schemes.ts';
import { tdsUnescape } from './tds-escape.ts';

/** An EPC URI read into its parts (GS1 EPC Tag Data Standard 2.1 §6, §8). */
export interface EpcIdentity {
  readonly uri: string;
  /** Pure identity (`urn:epc:id:`), class (`urn:epc:class:`) or pattern (`urn:epc:idpat:`). */
  readonly kind: 'id' | 'class' | 'idpat';
  readonly scheme: string;
  /** Fields with escapes decoded; "*" stands for "any" in a pattern. */
  readonly fields: readonly string[];
  readonly companyPrefix?: string;
  /** The GS1 AI data the URI stands for; absent for non-GS1 schemes and patterns without a whole key. */
  readonly elements?: readonly AiElement[];
}

type Out = Result<EpcIdentity, Gs1Error>;
const fail = (code: string, position: number, params?: Record<string, string>): Out => ({
  ok: false,
  error: params ? { code, position, params } : { code, position },
});

const PREFIX = /^urn:epc:(id|class|idpat):([A-Za-z0-9]+):/i;

/** Split `body` into `count` fields: the last field may itself contain "." (TDS 2.1 GS3A3Component). */
function splitFields(body: string, count: number): string[] | null {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < count - 1; i++) {
    const dot = body.indexOf('.', from);
    if (dot < 0) return null;
    out.push(body.slice(from, dot));
    from = dot + 1;
  }
  out.push(body.slice(from));
  return out;
}

/** AI data of a URI's fields; in a pattern (`pattern`) a "*" field is left out. */
function keyElements(s: EpcScheme, f: readonly string[], pattern: boolean): { elements: AiElement[]; badField?: number } {
  const any = (i: number) => pattern && f[i] === '*';
  const [gcp = '', ref = ''] = f;
  if (!/^\d+$/.test(gcp) || gcp.length < MIN_GCP_LENGTH || gcp.length > MAX_GCP_LENGTH) return { elements: [], badField: 0 };
  if (s.keyDigits !== undefined && (!/^\d*$/.test(ref) || gcp.length + ref.length !== s.keyDigits)) return { elements: [], badField: 1 };
  if (s.leadingFromReference && ref.length === 0) return { elements: [], badField: 1 };
  const body = s.leadingFromReference ? ref.slice(0, 1) + gcp + ref.slice(1) : gcp + ref;
  let value = (s.fixedLeading ?? '') + body + (s.checkDigit ? computeCheckDigit(body) : '');
  if (s.pieceTotal) {
    for (const i of [2, 3]) if (!/^\d{2}$/.test(f[i] ?? '')) return { elements: [], badField: i };
    value += (f[2] ?? '') + (f[3] ?? '');
  }
  if (s.serialInKey && !any(2)) value += f[2] ?? '';
  const elements: AiElement[] = [{ ai: s.keyAi, value }];
  const q = s.qualifier;
  const qValue = q ? f[q.field] : undefined;
  if (q && qValue !== undefined && !any(q.field) && qValue !== q.omitIf) elements.push({ ai: q.ai, value: qValue });
  return { elements };
}

/** Offset in `uri` of field `i`, given where the fields start. */
function fieldOffset(raw: readonly string[], start: number, i: number): number {
  let at = start;
  for (let k = 0; k < i; k++) at += (raw[k] ?? '').length + 1;
  return at;
}

/** Read an EPC pure identity, class or pattern URI; for GS1 schemes also the AI data it stands for. */
export function parseEpcUri(uri: string): Out {
  if (typeof uri !== 'string') return fail('GS1_EPC_NOT_AN_EPC_URI', 0);
  const m = PREFIX.exec(uri);
  if (!m) return fail('GS1_EPC_NOT_AN_EPC_URI', 0);
  const kind = (m[1] ?? '').toLowerCase() as EpcIdentity['kind'];
  const scheme = (m[2] ?? '').toLowerCase();
  const start = m[0].length;
  const body = uri.slice(start);
  if (NON_GS1_SCHEMES.has(scheme) && kind !== 'class') {
    return { ok: true, value: { uri, kind, scheme, fields: body.split('.') } };
  }
  const spec = epcScheme(kind === 'idpat' ? 'id' : kind, scheme);
  if (!spec) return fail('GS1_EPC_UNKNOWN_SCHEME', 'urn:epc:'.length + (m[1] ?? '').length + 1, { scheme });
  const raw = splitFields(body, spec.fields);
  if (!raw) return fail('GS1_EPC_WRONG_FIELD_COUNT', start, { expected: String(spec.fields) });
  const fields: string[] = [];
  let wildcard = false;
  for (const [i, r] of raw.entries()) {
    if (kind === 'idpat' && r === '*') {
      wildcard = true;
      fields.push('*');
      continue;
    }
    const decoded = tdsUnescape(r);
    // In a pattern, "any" fields may only follow the specific ones (TDS 2.1 §8).
    if (decoded === null || (decoded === '' && i !== 1) || wildcard) return fail('GS1_EPC_INVALID_FIELD', fieldOffset(raw, start, i), { field: String(i + 1) });
    fields.push(decoded);
  }
  const any = (i: number) => kind === 'idpat' && fields[i] === '*';
  const companyPrefix = any(0) ? undefined : fields[0];
  const keyComplete = !any(0) && !any(1) && (!spec.pieceTotal || (!any(2) && !any(3)));
  const identity: EpcIdentity = { uri, kind, scheme, fields, ...(companyPrefix ? { companyPrefix } : {}) };
  if (!keyComplete) return { ok: true, value: identity };
  const { elements, badField } = keyElements(spec, fields, kind === 'idpat');
  if (badField !== undefined) return fail('GS1_EPC_INVALID_FIELD', fieldOffset(raw, start, badField), { field: String(badField + 1) });
  const checked = resolveElements(elements);
  if (!checked.ok) {
    const field = checked.error.position === 0 ? (spec.serialInKey ? 2 : 1) : (spec.qualifier?.field ?? 2);
    return { ok: false, error: { ...checked.error, position: fieldOffset(raw, start, field) } };
  }
  return { ok: true, value: { ...identity, elements } };
}
