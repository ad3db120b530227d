import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../node/index.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { cosignatureVerifier } from './cosignature.ts';
import { isValidKeyName } from './key-id.ts';
import { ed25519Signer, ed25519Verifier, newSignerKey, parseSignerKey, parseVerifierKey } from './keys.ts';
import { openNote, parseNote, signatureLines, signNote } from './signed-note.ts';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const seed = (n: number) => new Uint8Array(32).fill(n);
const text = 'Sở Nông nghiệp và Môi trường Sơn La\nmã số vùng trồng: SL-001\n';

describe('keys', () => {
  it('creates Go-compatible signer and verifier keys from caller-supplied randomness', () => {
    const keys = unwrap(newSignerKey(nodeCrypto, 'txng.sonla.gov.vn/ledger', seed(42)));
    expect(keys.signerKey).toMatch(/^PRIVATE\+KEY\+txng\.sonla\.gov\.vn\/ledger\+[0-9a-f]{8}\+/);
    const parsed = unwrap(parseSignerKey(nobleCrypto, keys.signerKey));
    expect(parsed.verifierKey).toBe(keys.verifierKey);
    expect(unwrap(parseVerifierKey(nobleCrypto, keys.verifierKey)).keyId).toBe(parsed.signer.keyId);
  });

  it('keeps Ed25519 and cosignature key IDs apart for the same key and name', () => {
    const a = unwrap(ed25519Verifier(nodeCrypto, 'w', nodeCrypto.ed25519PublicKey(seed(1))));
    const b = unwrap(cosignatureVerifier(nodeCrypto, 'w', nodeCrypto.ed25519PublicKey(seed(1))));
    expect(a.keyId).not.toBe(b.keyId);
  });

  it.each(['', 'a b', 'a+b', 'a\u00a0b', 'a\u3000b', 'a\tb', 'a\u2014b '])('rejects key name %j', (name) => {
    expect(isValidKeyName(name)).toBe(false);
  });

  it('rejects unsupported signature types with a matching key ID', () => {
    expect(parseVerifierKey(nobleCrypto, 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toMatchObject({
      ok: false,
      error: { code: 'NOTE_UNSUPPORTED_KEY_TYPE', params: { type: '65' } },
    });
  });
});

describe('notes', () => {
  const alice = unwrap(ed25519Signer(nodeCrypto, 'alice', seed(1)));
  const bob = unwrap(ed25519Signer(nodeCrypto, 'bob', seed(2)));
  const aliceKey = unwrap(ed25519Verifier(nodeCrypto, 'alice', nodeCrypto.ed25519PublicKey(seed(1))));
  const bobKey = unwrap(ed25519Verifier(nodeCrypto, 'bob', nodeCrypto.ed25519PublicKey(seed(2))));

  it('signs Vietnamese text and replaces an older signature by the same key', () => {
    const first = unwrap(signNote(text, [alice]));
    const parsed = unwrap(parseNote(first));
    const both = unwrap(signNote(text, [bob, alice], parsed.signatures));
    expect(both.split('\n— ').length).toBe(3); // text + bob + alice, alice's old line dropped
    const opened = unwrap(openNote(both, [aliceKey, bobKey]));
    expect(opened.verified.map((s) => s.name)).toEqual(['bob', 'alice']);
    expect(opened.text).toBe(text);
  });

  it('rejects a note whose known signature fails even when another verifies', () => {
    const note = unwrap(signNote(text, [alice, bob]));
    const forged = note.replace(unwrap(signatureLines(text, [bob])), unwrap(signatureLines('other\n', [bob])));
    expect(openNote(forged, [aliceKey, bobKey])).toMatchObject({ ok: false, error: { code: 'NOTE_BAD_SIGNATURE', params: { name: 'bob' } } });
    expect(openNote(forged, [aliceKey])).toMatchObject({ ok: true }); // bob is unknown here: ignored
  });

  it('reports ambiguous keys, and keeps one copy of repeated lines', () => {
    const note = unwrap(signNote(text, [alice]));
    expect(openNote(note, [aliceKey, { ...aliceKey }])).toMatchObject({ ok: false, error: { code: 'NOTE_AMBIGUOUS_KEY' } });
    const line = note.slice(text.length + 1);
    const repeated = unwrap(openNote(`${note}${line}`, [bobKey, aliceKey]));
    expect(repeated.verified).toHaveLength(1);
    const unknown = unwrap(openNote(`${text}\n${line}${line}${unwrap(signatureLines(text, [bob]))}`, [bobKey]));
    expect(unknown.unverified).toHaveLength(1);
  });

  it('refuses to sign text without a final newline or with control characters', () => {
    expect(signNote('no newline', [alice])).toMatchObject({ ok: false, error: { code: 'NOTE_BAD_TEXT' } });
    expect(signNote('tab\there\n', [alice])).toMatchObject({ ok: false, error: { code: 'NOTE_BAD_TEXT' } });
    expect(signNote(text, [])).toMatchObject({ ok: false, error: { code: 'NOTE_MALFORMED' } });
  });

  it('verifies notes given as bytes exactly, including a leading byte-order mark', () => {
    const note = unwrap(signNote(`\ufeff${text}`, [alice]));
    const bytes = new TextEncoder().encode(note);
    expect(bytes.subarray(0, 3)).toEqual(Uint8Array.of(0xef, 0xbb, 0xbf));
    expect(openNote(bytes, [aliceKey]).ok).toBe(true);
    expect(openNote(bytes.subarray(3), [aliceKey])).toMatchObject({ ok: false, error: { code: 'NOTE_BAD_SIGNATURE' } });
  });

  it('reports the line of a malformed signature', () => {
    const note = unwrap(signNote(text, [alice]));
    expect(parseNote(`${note}— bob !!!\n`)).toMatchObject({ ok: false, error: { code: 'NOTE_MALFORMED', position: 5 } });
  });
});
