import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toHex, utf8 } from '../bytes.ts';
import { nodeCrypto } from '../node/index.ts';
import { merkleHasher } from '../merkle/hasher.ts';
import { cosigner, cosignatureVerifier } from '../note/cosignature.ts';
import { ed25519Signer, ed25519Verifier } from '../note/keys.ts';
import { signNote } from '../note/signed-note.ts';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { EMPTY_TREE_ROOT, openCheckpoint } from './open-checkpoint.ts';

const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('parseCheckpoint (c2sp.org/tlog-checkpoint §Note text)', () => {
  it('parses the spec example and keeps extension lines', () => {
    const cp = unwrap(parseCheckpoint(`example.com/behind-the-sofa\n20852163\n${root}\nextra line\n`));
    expect(cp).toEqual({ origin: 'example.com/behind-the-sofa', size: 20852163n, root: fromBase64(root), extensions: ['extra line'] });
    expect(unwrap(formatCheckpoint(cp))).toBe(`example.com/behind-the-sofa\n20852163\n${root}\nextra line\n`);
    expect(unwrap(parseCheckpoint(`o\n18446744073709551615\n${root}\n`)).size).toBe(2n ** 64n - 1n);
  });

  it.each([
    ['two lines', `o\n1\n`, 'CHECKPOINT_MALFORMED'],
    ['no final newline', `o\n1\n${root}`, 'CHECKPOINT_MALFORMED'],
    ['an empty origin', `\n1\n${root}\n`, 'CHECKPOINT_MALFORMED'],
    ['an empty extension line', `o\n1\n${root}\n\nx\n`, 'CHECKPOINT_MALFORMED'],
    ['a leading zero', `o\n01\n${root}\n`, 'CHECKPOINT_BAD_SIZE'],
    ['a sign', `o\n+1\n${root}\n`, 'CHECKPOINT_BAD_SIZE'],
    ['size 2^64', `o\n18446744073709551616\n${root}\n`, 'CHECKPOINT_BAD_SIZE'],
    ['a 31-byte root', `o\n1\n${toBase64(new Uint8Array(31))}\n`, 'CHECKPOINT_BAD_ROOT'],
    ['unpadded base64', `o\n1\n${root.slice(0, -1)}\n`, 'CHECKPOINT_BAD_ROOT'],
    ['non-canonical base64', `o\n1\n${root.slice(0, -2)}J=\n`, 'CHECKPOINT_BAD_ROOT'],
  ])('rejects %s', (_, text, code) => {
    expect(parseCheckpoint(text)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('openCheckpoint', () => {
  const seed = (n: number) => new Uint8Array(32).fill(n);
  const log = unwrap(ed25519Signer(nodeCrypto, 'txng.sonla.gov.vn/ledger', seed(9)));
  const logKey = unwrap(ed25519Verifier(nodeCrypto, 'txng.sonla.gov.vn/ledger', nodeCrypto.ed25519PublicKey(seed(9))));
  const witnesses = [1, 2, 3].map((n) => ({
    signer: unwrap(cosigner(nodeCrypto, `witness${n}.example`, seed(n), 1767139200 + n)),
    key: unwrap(cosignatureVerifier(nodeCrypto, `witness${n}.example`, nodeCrypto.ed25519PublicKey(seed(n)))),
  }));
  const text = unwrap(formatCheckpoint({ origin: 'txng.sonla.gov.vn/ledger', size: 5n, root: nodeCrypto.sha256(utf8('x')), extensions: [] }));
  const note = unwrap(signNote(text, [log, witnesses[0]!.signer, witnesses[1]!.signer]));
  const witnessKeys = witnesses.map((w) => w.key);

  it('counts distinct witness cosignatures against a k-of-n quorum', () => {
    const two = unwrap(openCheckpoint(note, { logKeys: [logKey], witnessKeys, quorum: 2 }));
    expect(two.cosignatures.map((c) => [c.name, c.timestamp])).toEqual([
      ['witness1.example', 1767139201n],
      ['witness2.example', 1767139202n],
    ]);
    expect(openCheckpoint(note, { logKeys: [logKey], witnessKeys, quorum: 3 })).toMatchObject({
      ok: false,
      error: { code: 'WITNESS_QUORUM_NOT_MET', params: { have: 2, need: 3 } },
    });
  });

  it('requires a log signature, not only witnesses', () => {
    expect(openCheckpoint(note, { logKeys: [], witnessKeys })).toMatchObject({ ok: false, error: { code: 'CHECKPOINT_NOT_LOG_SIGNED' } });
    expect(openCheckpoint(note, { logKeys: [logKey], origin: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'CHECKPOINT_ORIGIN_MISMATCH' },
    });
  });

  it('requires the empty-tree root for a size-0 checkpoint', () => {
    const hasher = merkleHasher(nodeCrypto);
    expect(toHex(EMPTY_TREE_ROOT)).toBe(toHex(hasher.emptyRoot));
    const bad = unwrap(formatCheckpoint({ origin: 'o', size: 0n, root: new Uint8Array(32), extensions: [] }));
    const good = unwrap(formatCheckpoint({ origin: 'o', size: 0n, root: hasher.emptyRoot, extensions: [] }));
    const key = unwrap(ed25519Verifier(nodeCrypto, 'o', nodeCrypto.ed25519PublicKey(seed(4))));
    const signer = unwrap(ed25519Signer(nodeCrypto, 'o', seed(4)));
    expect(openCheckpoint(unwrap(signNote(bad, [signer])), { logKeys: [key] })).toMatchObject({
      ok: false,
      error: { code: 'CHECKPOINT_BAD_EMPTY_ROOT' },
    });
    expect(openCheckpoint(unwrap(signNote(good, [signer])), { logKeys: [key] }).ok).toBe(true);
  });
});
