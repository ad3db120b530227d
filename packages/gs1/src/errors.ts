/**
 * A typed error. `code` is a stable UPPER_SNAKE identifier: the GS1 Syntax Engine's own names
 * (`GS1_LINTER_NON_DIGIT_CHARACTER`, `GS1_AI_UNRECOGNISED`…) or this package's (`GS1_EPC_…`).
 * Human text comes only from the catalogue (`gs1Message`), never from the error itself.
 */
export interface Gs1Error {
  readonly code: string;
  /** Offset (UTF-16 code units) of the fault in the input given to the function that failed. */
  readonly position?: number;
  /** The AI whose data is at fault, when there is one. */
  readonly ai?: string;
  /** Length of the faulty segment starting at `position`. */
  readonly length?: number;
  /** The GS1 Syntax Engine's error markup, e.g. `(8001)1|X|34`, for linter faults inside AI data. */
  readonly markup?: string;
  /** Values interpolated into the catalogue message, e.g. `{ required: '01,02' }`. */
  readonly params?: Readonly<Record<string, string>>;
  readonly message?: never;
}

/** Shift an error found inside a substring so that its position refers to the enclosing input. */
export function shiftError(error: Gs1Error, offset: number): Gs1Error {
  return error.position === undefined ? error : { ...error, position: error.position + offset };
}
