// Typed results for the pure package (docs/contributing.md#errors): bad input never throws; every failure is
// a `TlogError` whose `code` is stable and has a Vietnamese and an English message in `messages.ts`.

export const ERROR_CODES = [
  // Merkle tree (RFC 9162 §2.1)
  'TLOG_BAD_HASH_SIZE',
  'TLOG_NOT_U64',
  'TLOG_INDEX_OUT_OF_RANGE',
  'TLOG_SIZE_ORDER',
  'TLOG_BAD_INCLUSION_PROOF',
  'TLOG_BAD_CONSISTENCY_PROOF',
  'TLOG_EMPTY_TREE_CONSISTENCY',
  'TLOG_ROOT_MISMATCH',
  'TLOG_READER_MISMATCH',
  'TLOG_TREE_TOO_LARGE',
  // tlog-tiles
  'TILE_BAD_PATH',
  'TILE_BAD_WIDTH',
  'TILE_BAD_SIZE',
  'BUNDLE_MALFORMED',
  'BUNDLE_ENTRY_TOO_LARGE',
  // signed-note
  'NOTE_MALFORMED',
  'NOTE_BAD_ENCODING',
  'NOTE_TOO_MANY_SIGNATURES',
  'NOTE_BAD_TEXT',
  'NOTE_BAD_KEY_NAME',
  'NOTE_UNKNOWN_KEY',
  'NOTE_AMBIGUOUS_KEY',
  'NOTE_BAD_SIGNATURE',
  'NOTE_BAD_VERIFIER_KEY',
  'NOTE_BAD_SIGNER_KEY',
  'NOTE_UNSUPPORTED_KEY_TYPE',
  'NOTE_KEY_ID_MISMATCH',
  // tlog-checkpoint, tlog-cosignature, tlog-proof
  'CHECKPOINT_MALFORMED',
  'CHECKPOINT_BAD_SIZE',
  'CHECKPOINT_BAD_ROOT',
  'CHECKPOINT_BAD_EMPTY_ROOT',
  'CHECKPOINT_ORIGIN_MISMATCH',
  'CHECKPOINT_NOT_LOG_SIGNED',
  'COSIGNATURE_MALFORMED',
  'WITNESS_QUORUM_NOT_MET',
  'WITNESS_BAD_REQUEST',
  'PROOF_MALFORMED',
] as const;

export type TlogErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Readonly<Record<string, string | number | bigint>>;

export interface TlogError {
  readonly code: TlogErrorCode;
  /** 1-based line number (notes, checkpoints, proofs) or 0-based byte offset (tiles, bundles), when known. */
  readonly position?: number;
  readonly params?: ErrorParams;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TlogError };

/** A check that has no value to return. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly error: TlogError };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export const PASS: Verdict = Object.freeze({ ok: true });

export function fail(code: TlogErrorCode, params?: ErrorParams, position?: number): { readonly ok: false; readonly error: TlogError } {
  const error: TlogError = {
    code,
    ...(position === undefined ? {} : { position }),
    ...(params === undefined ? {} : { params }),
  };
  return { ok: false, error };
}
