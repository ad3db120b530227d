// Recall status as the resolver reads it. The recall capability (a later module) will provide a source backed
// by its campaigns; until then the default answers "not recalled". Stamps recalled through this module's own
// lifecycle (POST /stamps/recall) are `recalled` whatever the source says.
export interface RecallNotice {
  /** Why, in the owner's or authority's words. */
  readonly reason: string;
  /** What a consumer should do (return to the shop, call…), when stated. */
  readonly instructions: string | null;
  /** Whom to call. */
  readonly contact: string | null;
  readonly since: string;
  /** A page with the details, when there is one. */
  readonly url: string | null;
}

export interface RecallQuery {
  readonly productId: string;
  readonly lotId: string | null;
  readonly gtin: string | null;
  /** The scanned stamp's serial, so an item-level recall (one serialised item) is found too. */
  readonly serial?: string | null;
}

/**
 * Contract: answers quickly (it is on every scan's path: cache in the implementation), never throws for
 * "unknown" (answer null), and may be slightly stale (seconds); a thrown error is treated as "unknown".
 */
export interface RecallStatusSource {
  recallOf(query: RecallQuery): Promise<RecallNotice | null>;
}

export const NO_RECALLS: RecallStatusSource = Object.freeze({
  recallOf: async () => null,
});
