// signed-note/vectors.json: golang.org/x/mod sumdb/note vectors, the C2SP example, Sunlight cosignatures,
// the Go checksum database tree note and origin hash identifiers.
import { afterAll, describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../bytes.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { openCheckpoint } from '../checkpoint/open-checkpoint.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { CaseCounter, readJsonExact, readText } from '../../test/conformance.ts';
import { cosignatureVerifier } from './cosignature.ts';
import { formatVerifierKey, parseSignerKey, parseVerifierKey } from './keys.ts';
import { openNote, signNote } from './signed-note.ts';

interface Vectors {
  ed25519_notes: { skey?: string; vkey: string; text?: string; signed_note?: string; signature_line?: string }[];
  ed25519_cosignatures_type_0x04: {
    cosigners: { name: string; seed_string: string; vkey: string; checkpoint_file: string; timestamp: number }[];
  };
  sumdb_tree_note: { text: string };
  origin_hash_ids: {
    tlog_witness_origin_hash: Record<string, string>;
    transparency_dev_formats_log_ID: Record<string, string>;
  };
}

const v = readJsonExact<Vectors>('signed-note', 'vectors.json');
const counter = new CaseCounter('signed-note/vectors.json');
afterAll(() => counter.report());

const [peter, enoch, example] = v.ed25519_notes as [Vectors['ed25519_notes'][0], Vectors['ed25519_notes'][0], Vectors['ed25519_notes'][0]];
const verifier = (vkey: string) => {
  const parsed = parseVerifierKey(nobleCrypto, vkey);
  if (!parsed.ok) throw new Error(`${vkey}: ${parsed.error.code}`);
  return parsed.value;
};
const text = peter.text!;
const peterLine = peter.signed_note!.slice(text.length + 1);
const enochLine = enoch.signature_line!;

describe('Ed25519 notes (golang.org/x/mod sumdb/note)', () => {
  it('signs PeterNeumann text byte for byte from the signer key', () => {
    const parsed = parseSignerKey(nobleCrypto, peter.skey!);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const signed = signNote(text, [parsed.value.signer]);
    const pass = parsed.value.verifierKey === peter.vkey && signed.ok && signed.value === peter.signed_note;
    expect(counter.check('PeterNeumann sign', pass)).toBe(true);
  });

  it('opens with either key, both keys, and rejects with neither', () => {
    const msg = `${text}\n${peterLine}${enochLine}`;
    const one = openNote(msg, [verifier(peter.vkey)]);
    const both = openNote(msg, [verifier(peter.vkey), verifier(enoch.vkey)]);
    const other = openNote(msg, [verifier(enoch.vkey)]);
    const none = openNote(msg, []);
    const pass =
      one.ok && one.value.verified.length === 1 && one.value.unverified.length === 1 &&
      both.ok && both.value.verified.map((s) => s.name).join() === 'PeterNeumann,EnochRoot' &&
      other.ok && other.value.verified[0]!.name === 'EnochRoot' &&
      !none.ok && none.error.code === 'NOTE_UNKNOWN_KEY';
    expect(counter.check('PeterNeumann + EnochRoot open', pass)).toBe(true);
  });

  it('rejects more than 100 signatures as malformed', () => {
    const result = openNote(`${text}\n${peterLine.repeat(101)}`, [verifier(peter.vkey)]);
    expect(counter.check('101 signatures', !result.ok && result.error.code === 'NOTE_TOO_MANY_SIGNATURES')).toBe(true);
    expect(openNote(`${text}\n${peterLine.repeat(100)}`, [verifier(peter.vkey)]).ok).toBe(true);
  });

  it('verifies the c2sp.org/signed-note example', () => {
    expect(counter.check('C2SP example', openNote(example.signed_note!, [verifier(example.vkey)]).ok)).toBe(true);
  });

  // invalid_note_encodings_from_go_tests, spelled out as the Go test spells them.
  const sigBase64 = peterLine.slice('— PeterNeumann '.length, -1);
  it.each([
    ['text without blank line + signature', text],
    ['text + newline with no signature lines', `${text}\n`],
    ['last signature line missing its final newline', `${text}\n${peterLine.slice(0, -1)}`],
    ['leading control byte 0x01', `\x01${text}\n${peterLine}`],
    ['invalid UTF-8 0xff', new Uint8Array([0xff, ...utf8(`${text}\n${peterLine}`)])],
    ['key name containing a space', `${text}\n— Bad Name ${sigBase64}\n`],
    ['a non-signature line after the signature block', `${text}\n${peterLine}Unexpected line.\n`],
  ] as const)('rejects a note with %s', (what, msg) => {
    const result = openNote(msg, [verifier(peter.vkey)]);
    const pass = !result.ok && ['NOTE_MALFORMED', 'NOTE_BAD_ENCODING'].includes(result.error.code);
    expect(counter.check(`invalid: ${what}`, pass)).toBe(true);
  });

  it('rejects every mangling of the verifier key, and wrong key lengths or algorithms', () => {
    const vkey = peter.vkey;
    const bad: string[] = [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==', // wrong length, adjusted ID
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // unknown algorithm, adjusted ID
    ];
    for (let i = 0; i <= vkey.length; i++) for (let j = i + 1; j <= vkey.length; j++) if (i !== 0 || j !== vkey.length) bad.push(vkey.slice(i, j));
    for (let i = 0; i < vkey.length; i++) bad.push(vkey.slice(0, i) + String.fromCharCode(vkey.charCodeAt(i) + 1) + vkey.slice(i + 1));
    const accepted = bad.filter((k) => parseVerifierKey(nobleCrypto, k).ok);
    expect(counter.check('vkey manglings', accepted.length === 0), accepted.join('\n')).toBe(true);
  });

  it('rejects every mangling of the signer key', () => {
    const skey = peter.skey!;
    const bad: string[] = [];
    for (let i = 0; i <= skey.length; i++) for (let j = i + 1; j <= skey.length; j++) if (i !== 0 || j !== skey.length) bad.push(skey.slice(i, j));
    for (let i = 0; i < skey.length; i++) bad.push(skey.slice(0, i) + String.fromCharCode(skey.charCodeAt(i) + 1) + skey.slice(i + 1));
    const accepted = bad.filter((k) => parseSignerKey(nobleCrypto, k).ok);
    expect(counter.check('skey manglings', accepted.length === 0), accepted.join('\n')).toBe(true);
  });
});

describe('tlog-cosignature type 0x04 (Sunlight skylight)', () => {
  it.each(v.ed25519_cosignatures_type_0x04.cosigners)('$name', (c) => {
    const publicKey = nobleCrypto.ed25519PublicKey(nobleCrypto.sha256(utf8(c.seed_string)));
    const derived = cosignatureVerifier(nobleCrypto, c.name, publicKey);
    const note = readText(...c.checkpoint_file.split('/'));
    const opened = openCheckpoint(note, { logKeys: [verifier(c.vkey)] });
    const pass =
      derived.ok && formatVerifierKey(derived.value) === c.vkey &&
      opened.ok && opened.value.logSignatures[0]!.timestamp === BigInt(c.timestamp);
    expect(counter.check(`cosignature ${c.name}`, pass)).toBe(true);
  });
});

describe('Go checksum database tree note and origin identifiers', () => {
  it('parses the sumdb tree note as a checkpoint', () => {
    const cp = parseCheckpoint(v.sumdb_tree_note.text);
    const hasher = merkleHasher(nobleCrypto);
    const pass =
      cp.ok && cp.value.origin === 'go.sum database tree' && cp.value.size === 123456789012n &&
      toHex(cp.value.root) === toHex(hasher.leafHash(utf8('hello world')));
    expect(counter.check('sumdb tree note', pass)).toBe(true);
  });

  it('computes tlog-witness origin hashes and transparency-dev log IDs', () => {
    for (const [origin, want] of Object.entries(v.origin_hash_ids.tlog_witness_origin_hash)) {
      if (origin === 'definition') continue;
      expect(counter.check(`origin hash ${origin}`, toHex(nobleCrypto.sha256(utf8(origin))) === want)).toBe(true);
    }
    for (const [origin, want] of Object.entries(v.origin_hash_ids.transparency_dev_formats_log_ID)) {
      if (origin === 'definition') continue;
      expect(counter.check(`log ID ${origin}`, toHex(nobleCrypto.sha256(utf8(`o:${origin}`))) === want)).toBe(true);
    }
  });
});
