// c2sp.org/signed-note §Format: text ending in a newline, a blank line, then one or more lines
// "— <key name> base64(32-bit key ID || signature)\n". The text ends at the last blank line.
import { decodeUtf8, fromBase64, readUint32BE, toBase64, uint32BE, concatBytes, utf8 } from '../bytes.ts';
import { fail, ok, type Result } from '../errors.ts';
import { parseCosignature } from './cosignature.ts';
import { isValidKeyName, keyIdHex, SIGNATURE_TYPE_COSIGNATURE, type NoteSigner, type NoteVerifier } from './key-id.ts';

/** §Format: verifiers "MUST accept at least up to 16 signatures"; 100 is golang.org/x/mod's limit. */
export const MAX_SIGNATURES = 100;
const EM_DASH_SPACE = '\u2014 ';

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the key ID. */
  readonly signature: Uint8Array;
  /** The signature line without its newline, as it appeared. */
  readonly line: string;
}

export interface Note {
  /** The note text, including its final newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export interface VerifiedSignature extends NoteSignature {
  readonly verifier: NoteVerifier;
  /** For tlog-cosignature (type 0x04) signatures: the cosigner's timestamp in POSIX seconds. */
  readonly timestamp?: bigint;
}

export interface OpenedNote extends Note {
  /** Signatures by known keys, each verified; one per key. */
  readonly verified: readonly VerifiedSignature[];
  /** Signatures by unknown keys, ignored as §Signatures requires; repeated identical lines once. */
  readonly unverified: readonly NoteSignature[];
}

// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\x00-\x09\x0b-\x1f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function asText(message: string | Uint8Array): string | undefined {
  const text = typeof message === 'string' ? message : decodeUtf8(message);
  return text === undefined || BAD_CHARACTER.test(text) ? undefined : text;
}

/** Parses a signed note without checking signatures. */
export function parseNote(message: string | Uint8Array): Result<Note> {
  const msg = asText(message);
  if (msg === undefined) return fail('NOTE_BAD_ENCODING');
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) return fail('NOTE_MALFORMED');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) return fail('NOTE_MALFORMED');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return fail('NOTE_TOO_MANY_SIGNATURES', { max: MAX_SIGNATURES });
  const firstLine = text.split('\n').length + 1;
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const position = firstLine + i;
    if (!line.startsWith(EM_DASH_SPACE)) return fail('NOTE_MALFORMED', undefined, position);
    const rest = line.slice(EM_DASH_SPACE.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const bytes = space < 0 ? undefined : fromBase64(rest.slice(space + 1));
    if (!isValidKeyName(name) || bytes === undefined || bytes.length < 5) return fail('NOTE_MALFORMED', undefined, position);
    signatures.push({ name, keyId: readUint32BE(bytes, 0), signature: bytes.subarray(4), line });
  }
  return ok({ text, signatures });
}

/**
 * Parses a note and checks it against the known keys (§Signatures): signatures by unknown keys are ignored,
 * every signature by a known key must verify, and at least one must exist.
 */
export function openNote(message: string | Uint8Array, known: readonly NoteVerifier[]): Result<OpenedNote> {
  const parsed = parseNote(message);
  if (!parsed.ok) return parsed;
  const { text, signatures } = parsed.value;
  const textBytes = utf8(text);
  const verified: VerifiedSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of signatures) {
    const matches = known.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (matches.length === 0) {
      if (!unverified.some((u) => u.line === sig.line)) unverified.push(sig);
      continue;
    }
    const params = { name: sig.name, keyId: keyIdHex(sig.keyId) };
    if (matches.length > 1) return fail('NOTE_AMBIGUOUS_KEY', params);
    const verifier = matches[0]!;
    if (!verifier.verify(textBytes, sig.signature)) return fail('NOTE_BAD_SIGNATURE', params);
    if (verified.some((v) => v.verifier === verifier)) continue;
    const cosignature = verifier.type === SIGNATURE_TYPE_COSIGNATURE ? parseCosignature(sig.signature) : undefined;
    verified.push({ ...sig, verifier, ...(cosignature?.ok ? { timestamp: cosignature.value.timestamp } : {}) });
  }
  if (verified.length === 0) return fail('NOTE_UNKNOWN_KEY');
  return ok({ text, signatures, verified, unverified });
}

/** One signature line, with its newline. */
export function formatSignatureLine(name: string, keyId: number, signature: Uint8Array): string {
  return `${EM_DASH_SPACE}${name} ${toBase64(concatBytes(uint32BE(keyId), signature))}\n`;
}

/** The signature lines of `signers` over `text` (what a tlog-witness returns from add-checkpoint). */
export function signatureLines(text: string, signers: readonly NoteSigner[]): Result<string> {
  if (!text.endsWith('\n') || asText(text) === undefined) return fail('NOTE_BAD_TEXT');
  const textBytes = utf8(text);
  let lines = '';
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) return fail('NOTE_BAD_KEY_NAME');
    lines += formatSignatureLine(signer.name, signer.keyId, signer.sign(textBytes));
  }
  return ok(lines);
}

/**
 * Signs `text`. Signatures in `keep` (e.g. the log's, when a witness adds its own) come first, except those
 * by a key among `signers`, whose fresh signature replaces them.
 */
export function signNote(text: string, signers: readonly NoteSigner[], keep: readonly NoteSignature[] = []): Result<string> {
  const fresh = signatureLines(text, signers);
  if (!fresh.ok) return fresh;
  const kept = keep.filter((k) => !signers.some((s) => s.name === k.name && s.keyId === k.keyId));
  if (kept.length + signers.length === 0) return fail('NOTE_MALFORMED');
  if (kept.length + signers.length > MAX_SIGNATURES) return fail('NOTE_TOO_MANY_SIGNATURES', { max: MAX_SIGNATURES });
  const old = kept.map((k) => formatSignatureLine(k.name, k.keyId, k.signature)).join('');
  return ok(`${text}\n${old}${fresh.value}`);
}
