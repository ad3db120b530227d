// Independent implementation: the OpenSSL command line verifies the Ed25519 signatures and cosignatures our
// code (on @noble, not on OpenSSL) puts on a checkpoint, and our code verifies ones OpenSSL made.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes, toBase64, uint64BE, utf8 } from '../bytes.ts';
import { compactCrypto } from '../crypto/compact/index.ts';
import { nobleCrypto } from '../crypto/noble.ts';
import { formatCheckpoint } from '../checkpoint/checkpoint.ts';
import { openCheckpoint } from '../checkpoint/open-checkpoint.ts';
import { cosignatureMessage, cosigner, cosignatureVerifier } from '../note/cosignature.ts';
import { ed25519Signer, ed25519Verifier } from '../note/keys.ts';
import { formatSignatureLine, parseNote, signNote } from '../note/signed-note.ts';
import { hasTool, requireTool } from '../../test/tools.ts';

const run = requireTool(hasTool('openssl', ['version']), 'OpenSSL (openssl command line)');
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

function openssl(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes an Ed25519 public key as an RFC 8410 PEM file for `openssl pkeyutl -pubin`. */
function publicKeyPem(dir: string, name: string, key: Uint8Array): string {
  const file = path.join(dir, `${name}.pem`);
  const body = toBase64(concatBytes(SPKI_PREFIX, key));
  writeFileSync(file, `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`);
  return file;
}

function opensslVerifies(dir: string, pem: string, message: Uint8Array, signature: Uint8Array): boolean {
  writeFileSync(path.join(dir, 'msg'), message);
  writeFileSync(path.join(dir, 'sig'), signature);
  const r = openssl(['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', path.join(dir, 'msg'), '-sigfile', path.join(dir, 'sig')]);
  return r.status === 0 && r.stdout.includes('Signature Verified Successfully');
}

const seed = (n: number) => new Uint8Array(32).fill(n);
const ORIGIN = 'txng.sonla.gov.vn/ledger';
const text = unwrap(formatCheckpoint({ origin: ORIGIN, size: 20852163n, root: nobleCrypto.sha256(utf8('root')), extensions: [] }));

describe.runIf(run)('OpenSSL cross-check (Ed25519, RFC 8032)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tlog-openssl-'));

  it('OpenSSL verifies the log signature and the witness cosignature we put on a checkpoint', () => {
    const log = unwrap(ed25519Signer(nobleCrypto, ORIGIN, seed(21)));
    const witness = unwrap(cosigner(nobleCrypto, 'witness.example', seed(22), 1767139200));
    const note = unwrap(parseNote(unwrap(signNote(text, [log, witness]))));
    const [logSig, cosig] = note.signatures as [(typeof note.signatures)[0], (typeof note.signatures)[0]];
    const logPem = publicKeyPem(dir, 'log', nobleCrypto.ed25519PublicKey(seed(21)));
    const witnessPem = publicKeyPem(dir, 'witness', nobleCrypto.ed25519PublicKey(seed(22)));
    expect(opensslVerifies(dir, logPem, utf8(note.text), logSig.signature)).toBe(true);
    // tlog-cosignature: the signature after the 8-byte timestamp covers "cosignature/v1\ntime …\n" + text.
    expect(opensslVerifies(dir, witnessPem, cosignatureMessage(utf8(note.text), 1767139200n), cosig.signature.subarray(8))).toBe(true);
    // And it rejects them over a different text.
    expect(opensslVerifies(dir, logPem, utf8(note.text.replace('20852163', '20852164')), logSig.signature)).toBe(false);
    console.log('[interop] openssl verified 2/2 signatures made by @txng/tlog and rejected 1/1 forged');
  });

  it('we verify a checkpoint signature and a cosignature that OpenSSL made', () => {
    const keyFile = path.join(dir, 'openssl-key.pem');
    expect(openssl(['genpkey', '-algorithm', 'ed25519', '-out', keyFile]).status).toBe(0);
    const der = spawnSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-outform', 'DER']).stdout;
    const publicKey = new Uint8Array(der.subarray(der.length - 32));
    const sign = (message: Uint8Array): Uint8Array => {
      writeFileSync(path.join(dir, 'to-sign'), message);
      const out = path.join(dir, 'signature');
      expect(openssl(['pkeyutl', '-sign', '-inkey', keyFile, '-rawin', '-in', path.join(dir, 'to-sign'), '-out', out]).status).toBe(0);
      return new Uint8Array(readFileSync(out));
    };
    const logKey = unwrap(ed25519Verifier(nobleCrypto, ORIGIN, publicKey));
    const witnessKey = unwrap(cosignatureVerifier(nobleCrypto, 'openssl.witness', publicKey));
    const logLine = formatSignatureLine(ORIGIN, logKey.keyId, sign(utf8(text)));
    const cosignature = concatBytes(uint64BE(1767139200n), sign(cosignatureMessage(utf8(text), 1767139200n)));
    const cosignLine = formatSignatureLine('openssl.witness', witnessKey.keyId, cosignature);
    const note = `${text}\n${logLine}${cosignLine}`;
    for (const crypto of [nobleCrypto, compactCrypto]) {
      const policy = {
        origin: ORIGIN,
        logKeys: [unwrap(ed25519Verifier(crypto, ORIGIN, publicKey))],
        witnessKeys: [unwrap(cosignatureVerifier(crypto, 'openssl.witness', publicKey))],
        quorum: 1,
      };
      const opened = unwrap(openCheckpoint(note, policy));
      expect(opened.cosignatures[0]?.timestamp).toBe(1767139200n);
      expect(openCheckpoint(note.replace('\n20852163\n', '\n20852164\n'), policy).ok).toBe(false);
    }
    console.log('[interop] @txng/tlog (noble and compact) verified 2/2 signatures made by openssl');
  });
});
