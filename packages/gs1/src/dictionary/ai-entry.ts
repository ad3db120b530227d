/** Character set of a component: N numeric, X CSET 82, Y CSET 39, Z CSET 64 (Syntax Dictionary header). */
export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N13,csum,gcppos1` or `[X..17]`. */
export interface AiComponent {
  readonly cset: CharacterSet;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  /** Linter names applied after the character-set linter, in dictionary order. */
  readonly linters: readonly string[];
}

/** One AI as described by the GS1 Barcode Syntax Dictionary (ranges are expanded to one entry per AI). */
export interface AiEntry {
  readonly ai: string;
  readonly title: string;
  /** False for AIs flagged `*`: predefined length, no FNC1 separator needed after them. */
  readonly fnc1: boolean;
  /** True for AIs flagged `?`: permitted as a GS1 Digital Link data attribute. */
  readonly dlDataAttribute: boolean;
  readonly components: readonly AiComponent[];
  /** Each `req=` attribute: alternatives, each a group of AI patterns that must all be present ("01+21"). */
  readonly req: readonly (readonly (readonly string[])[])[];
  /** Union of all `ex=` attributes: AI patterns (e.g. `310n`) that must not appear with this AI. */
  readonly ex: readonly string[];
  /** `dlpkey` alternatives of ordered qualifier AIs; `[[]]` for a key without qualifiers; absent if not a key. */
  readonly dlpkey?: readonly (readonly string[])[];
}
