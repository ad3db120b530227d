// @txng/tlog: transparency-log wire formats and Merkle proofs, pure (no I/O, no clock, no randomness).
// RFC 9162 hashing and proofs; C2SP signed-note, tlog-checkpoint, tlog-tiles, tlog-cosignature, tlog-proof.
// Primitives are injected: `nobleCrypto` here, `nodeCrypto` from '@txng/tlog/node'.

export { ERROR_CODES, fail, ok, PASS } from './errors.ts';
export type { ErrorParams, Result, TlogError, TlogErrorCode, Verdict } from './errors.ts';
export { formatError, messages } from './messages.ts';
export type { Language } from './messages.ts';
export { fromBase64, fromHex, toBase64, toHex } from './bytes.ts';
export { parseDecimalU64, toU64, U64_MAX } from './u64.ts';
export type { U64Like } from './u64.ts';

export type { SigningCrypto, TlogCrypto } from './crypto/types.ts';
export { nobleCrypto } from './crypto/noble.ts';

export { HASH_SIZE, merkleHasher, perfectSubtreeHash, rootOfLeafHashes } from './merkle/hasher.ts';
export type { Hash, MerkleHasher } from './merkle/hasher.ts';
export {
  compactRangeNodes,
  foldRange,
  nodeTreeSize,
  planConsistencyProof,
  planFromRanges,
  planInclusionProof,
  planNodeInclusionProof,
  rangeNodes,
  rootFromCompactRange,
} from './merkle/proof-plan.ts';
export type { LeafRange, NodeId, ProofPlan } from './merkle/proof-plan.ts';
export { proveConsistency, proveInclusion, treeRoot } from './merkle/prove.ts';
export type { NodeReader } from './merkle/prove.ts';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './merkle/verify.ts';
export {
  isValidSubtree,
  planSubtreeConsistencyProof,
  planSubtreeInclusionProof,
  verifySubtreeConsistency,
  verifySubtreeInclusion,
} from './merkle/subtree.ts';
export type { ConsistencyOptions } from './merkle/verify.ts';
export { MAX_BUILDER_SIZE, TreeBuilder } from './merkle/tree-builder.ts';
export type { AppendResult, RestoreInput, TileData, TreeBuilderOptions } from './merkle/tree-builder.ts';

export {
  entryBundlePath,
  formatTileIndex,
  MAX_TILE_LEVEL,
  MID_TILE_OFFSET,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  tilePath,
} from './tiles/paths.ts';
export type { EntryBundleId, TileId, TileResource } from './tiles/paths.ts';
export {
  entryBundleFor,
  fullTileCount,
  hashesAtTileLevel,
  locateNode,
  newTiles,
  partialEntryBundle,
  partialMidTiles,
  partialTiles,
  tileHashes,
  tileLevelCount,
} from './tiles/layout.ts';
export type { NodeLocation } from './tiles/layout.ts';
export { encodeEntryBundle, MAX_ENTRY_SIZE, parseEntryBundle } from './tiles/entry-bundle.ts';
export { EntryBundleBuilder } from './tiles/bundle-builder.ts';
export type { EntryBundleData } from './tiles/bundle-builder.ts';
export { MemoryTileStore, tileNodeReader } from './tiles/tile-reader.ts';
export { tileNodes, verifyTile } from './tiles/verify-tile.ts';
export type { TileReader } from './tiles/tile-reader.ts';

export {
  computeKeyId,
  isValidKeyName,
  keyIdHex,
  SIGNATURE_TYPE_COSIGNATURE,
  SIGNATURE_TYPE_ED25519,
} from './note/key-id.ts';
export type { NoteSigner, NoteVerifier } from './note/key-id.ts';
export {
  ed25519Signer,
  ed25519Verifier,
  formatVerifierKey,
  newSignerKey,
  parseSignerKey,
  parseVerifierKey,
} from './note/keys.ts';
export type { ParsedSignerKey } from './note/keys.ts';
export {
  formatSignatureLine,
  MAX_SIGNATURES,
  openNote,
  parseNote,
  signatureLines,
  signNote,
} from './note/signed-note.ts';
export type { Note, NoteSignature, OpenedNote, VerifiedSignature } from './note/signed-note.ts';
export {
  cosignatureMessage,
  cosignatureVerifier,
  cosigner,
  MAX_COSIGNATURE_TIMESTAMP,
  parseCosignature,
} from './note/cosignature.ts';
export type { Cosignature } from './note/cosignature.ts';

export { formatCheckpoint, parseCheckpoint } from './checkpoint/checkpoint.ts';
export type { Checkpoint } from './checkpoint/checkpoint.ts';
export { EMPTY_TREE_ROOT, openCheckpoint } from './checkpoint/open-checkpoint.ts';
export type { CheckpointPolicy, VerifiedCheckpoint } from './checkpoint/open-checkpoint.ts';
export { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER, verifyTlogProof } from './proof/tlog-proof.ts';
export type { TlogProof, VerifiedTlogProof } from './proof/tlog-proof.ts';
export {
  checkAddCheckpoint,
  formatAddCheckpointRequest,
  MAX_WITNESS_PROOF_LINES,
  parseAddCheckpointRequest,
} from './witness/add-checkpoint.ts';
export type { AddCheckpointOutcome, AddCheckpointRequest, WitnessView } from './witness/add-checkpoint.ts';
