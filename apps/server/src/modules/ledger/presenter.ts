// API shapes of the ledger's JSON helpers: hashes in standard base64 (as in checkpoints and tlog-proof), sizes
// and indices as JSON integers (the tree builder keeps them below 2^53).
import { toBase64 } from '@txng/tlog';
import type { StoredCheckpoint } from './checkpoints.ts';
import type { LedgerKeys, RecordProof } from './service.ts';

const hash = { type: 'string', description: 'SHA-256 hash, standard base64' } as const;

export const checkpointSchema = {
  type: 'object',
  properties: {
    size: { type: 'integer', description: 'Tree size (number of entries)' },
    rootHash: hash,
    note: { type: 'string', description: 'The signed checkpoint (c2sp.org/tlog-checkpoint) with witness cosignatures' },
    cosignatures: { type: 'integer' },
    signedAt: { type: 'string', format: 'date-time' },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export function presentCheckpoint(c: StoredCheckpoint) {
  return {
    size: Number(c.size),
    rootHash: toBase64(c.root),
    note: c.note,
    cosignatures: c.cosignatures,
    signedAt: c.signedAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
  };
}

export const proofSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    id: { type: 'string' },
    sha256: { type: 'string', description: 'Hex SHA-256 of the record\'s RFC 8785 canonical content' },
    leaf: { type: 'string', description: 'The logged entry: RFC 8785 JSON of {v, kind, id, sha256}' },
    leafIndex: { type: 'integer' },
    leafHash: { ...hash, description: 'RFC 9162 leaf hash SHA-256(0x00 || leaf), base64' },
    treeSize: { type: 'integer' },
    rootHash: hash,
    inclusionProof: { type: 'array', items: hash, description: 'RFC 9162 §2.1.3 inclusion proof' },
    checkpoint: { type: 'string', description: 'The signed checkpoint the proof leads to' },
    tlogProof: { type: 'string', description: 'c2sp.org/tlog-proof with the leaf as extra data; verify offline with `txng ledger verify-proof`' },
  },
} as const;

export function presentProof(p: RecordProof) {
  return {
    kind: p.kind,
    id: p.id,
    sha256: p.sha256,
    leaf: p.leaf,
    leafIndex: Number(p.leafIndex),
    leafHash: toBase64(p.leafHash),
    treeSize: Number(p.checkpoint.size),
    rootHash: toBase64(p.checkpoint.root),
    inclusionProof: p.inclusionProof.map(toBase64),
    checkpoint: p.checkpoint.note,
    tlogProof: p.tlogProof,
  };
}

export const consistencySchema = {
  type: 'object',
  properties: { from: { type: 'integer' }, to: { type: 'integer' }, proof: { type: 'array', items: hash } },
} as const;

export function presentConsistency(c: { from: bigint; to: bigint; proof: readonly Uint8Array[] }) {
  return { from: Number(c.from), to: Number(c.to), proof: c.proof.map(toBase64) };
}

export const keysSchema = {
  type: 'object',
  properties: {
    vkey: { type: 'string', description: 'The log\'s verifier key in signed-note form <name>+<hex key ID>+<base64>' },
    origin: { type: 'string', description: 'The checkpoint origin line' },
    witnesses: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, vkey: { type: 'string' } } },
    },
    quorum: { type: 'integer', description: 'Witness cosignatures a published checkpoint carries at least' },
  },
} as const;

export function presentKeys(k: LedgerKeys) {
  return { vkey: k.vkey, origin: k.origin, witnesses: k.witnesses.map((w) => ({ name: w.name, vkey: w.vkey })), quorum: k.quorum };
}
