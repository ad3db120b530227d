// The URI printed in a stamp's QR code, and the reading of any URI or path a scanner brings back.
//
// With a GTIN the URI is a GS1 Digital Link (GS1 Digital Link URI Syntax 1.4 §4): https://<host>/01/<GTIN-14>
// [/10/<lot>]/21/<serial>; (21) may follow (01) without (10) since the key-qualifier path allows any ordered
// subset of 22, 10, 21 (§4.4). Without a GTIN it is this province's short URI https://<host>/s/<serial>.
// Parsing and escaping are @txng/gs1's; nothing here re-implements them.
import { buildDigitalLink, parseDigitalLink, type DigitalLink, type Gs1Error } from '@txng/gs1';
import { isSerial, normalizeSerial, SERIAL_LENGTH } from './serials.ts';

export const SHORT_PATH = '/s/';

/** The fixed part of every URI of a request's stamps (the serial is appended), or an error for a bad lot code. */
export function stampUriPrefix(publicBaseUrl: string, gtin: string | null, lotCode: string | null): { ok: true; prefix: string } | { ok: false; error: Gs1Error } {
  if (!gtin) return { ok: true, prefix: `${publicBaseUrl}${SHORT_PATH}` };
  const placeholder = '0'.repeat(SERIAL_LENGTH);
  const elements = [{ ai: '01', value: gtin }, ...(lotCode ? [{ ai: '10', value: lotCode }] : []), { ai: '21', value: placeholder }];
  const built = buildDigitalLink(elements, { base: publicBaseUrl });
  if (!built.ok) return built;
  return { ok: true, prefix: built.value.slice(0, -SERIAL_LENGTH) };
}

export type StampAddress =
  /** A GS1 Digital Link: its key and the qualifiers the resolver serves. */
  | { readonly kind: 'digital-link'; readonly link: DigitalLink; readonly gtin: string | null; readonly lotCode: string | null; readonly serial: string | null; readonly servable: boolean }
  /** The short provincial URI /s/<serial>. */
  | { readonly kind: 'short'; readonly serial: string }
  | { readonly kind: 'invalid'; readonly error: Gs1Error };

/** Where a path with a query starts, for Digital Link parsing: any origin works, the resolver ignores it. */
const PARSE_ORIGIN = 'https://resolver.invalid';

/**
 * Reads what a scanner or a person brings: a full URI (any host) or a path such as `/01/…` or `/s/…`.
 * A Digital Link keeps every AI; `servable` says whether its key and qualifiers are ones this resolver
 * answers for (GTIN with optional lot and serial), so a well-formed but unserved key answers 404, not 400.
 */
export function readStampAddress(input: string): StampAddress {
  let pathAndQuery = input.trim();
  const scheme = /^https?:\/\/[^/?#]*/i.exec(pathAndQuery);
  if (scheme) pathAndQuery = pathAndQuery.slice(scheme[0].length) || '/';
  if (pathAndQuery.startsWith(SHORT_PATH)) {
    const raw = decodeSafely(pathAndQuery.slice(SHORT_PATH.length).split(/[?#]/)[0]!.replace(/\/+$/, ''));
    const serial = raw === undefined ? undefined : isSerial(raw) ? raw : normalizeSerial(raw);
    return serial ? { kind: 'short', serial } : { kind: 'invalid', error: { code: 'STAMP_SHORT_CODE_MALFORMED', position: SHORT_PATH.length } };
  }
  const parsed = parseDigitalLink(`${PARSE_ORIGIN}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`);
  if (!parsed.ok) {
    const position = parsed.error.position === undefined ? undefined : Math.max(0, parsed.error.position - PARSE_ORIGIN.length);
    return { kind: 'invalid', error: position === undefined ? parsed.error : { ...parsed.error, position } };
  }
  const link = parsed.value;
  const key = link.primaryKey;
  if (key.ai !== '01') return { kind: 'digital-link', link, gtin: null, lotCode: null, serial: null, servable: false };
  const byAi = new Map(link.qualifiers.map((q) => [q.ai, q.value]));
  // (22) consumer product variant and (235) third-party serial are not issued here: well-formed but unknown.
  const servable = !byAi.has('22') && !byAi.has('235');
  return { kind: 'digital-link', link, gtin: key.value, lotCode: byAi.get('10') ?? null, serial: byAi.get('21') ?? null, servable };
}

function decodeSafely(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** A stamp's own path as printed: /01/<GTIN-14>[/10/<lot>]/21/<serial>, nothing escaped, no query. */
const PRINTED_PATH = /^\/01\/\d{14}(?:\/10\/[^/?#%]+)?\/21\/([0-9A-HJKMNP-TV-Z]{16})$/;
const PLACEHOLDER = '0'.repeat(SERIAL_LENGTH);

/**
 * readStampAddress for the resolver's hot path. A path of the printed shape differs from every other stamp of
 * its request only in the serial, which is always valid AI (21) data (16 characters of 0-9 A-Z): the path
 * before the serial is parsed and checked once (with a placeholder serial, as stampUriPrefix builds it) and the
 * answer reused with the serial put in. Anything else goes through readStampAddress unchanged.
 */
export function createStampAddressReader(maxPrefixes = 10_000): (input: string) => StampAddress {
  const prefixes = new Map<string, StampAddress>();
  return (input) => {
    const m = PRINTED_PATH.exec(input);
    if (!m) return readStampAddress(input);
    const serial = m[1]!;
    const prefix = input.slice(0, -SERIAL_LENGTH);
    let template = prefixes.get(prefix);
    if (!template) {
      template = readStampAddress(`${prefix}${PLACEHOLDER}`);
      if (template.kind !== 'digital-link' || template.serial !== PLACEHOLDER) return readStampAddress(input);
      if (prefixes.size >= maxPrefixes) prefixes.delete(prefixes.keys().next().value!);
      prefixes.set(prefix, template);
    }
    if (template.kind !== 'digital-link') return readStampAddress(input);
    const withSerial = <T extends { readonly ai: string; readonly value: string }>(e: T): T => (e.ai === '21' ? { ...e, value: serial } : e);
    const t = template.link;
    const link: DigitalLink = { ...t, uri: `${t.uri.slice(0, -SERIAL_LENGTH)}${serial}`, qualifiers: t.qualifiers.map(withSerial), elements: t.elements.map(withSerial) };
    return { ...template, link, serial };
  };
}
