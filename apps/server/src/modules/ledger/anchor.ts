// Optional anchoring (issue 9 §7): publishing each published checkpoint's hash to an external chain (e.g. a
// national blockchain service) as one more independent record. Witness cosignatures already give the split-view
// protection; an anchor only adds a public timestamp. The default does nothing and makes no network call.

export interface AnchoredCheckpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Uint8Array;
  /** The published note (log signature and cosignatures). */
  readonly note: string;
}

/**
 * Contract: called once per newly published checkpoint, in size order, after it is stored and served; may be
 * slow (it runs beside the sequencer, never blocking it). A rejection is logged and not retried: anchoring is
 * best-effort, and a later checkpoint commits to every earlier one.
 */
export interface CheckpointAnchor {
  readonly name: string;
  anchor(checkpoint: AnchoredCheckpoint): Promise<void>;
}

export const noAnchor: CheckpointAnchor = Object.freeze({
  name: 'none',
  anchor: async () => {},
});
