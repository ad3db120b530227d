import type { ResolvedEntry } from '../dictionary/ai-entry-resolved.ts';
import type { LintContext } from '../linters/lint-types.ts';

/** One AI and its value, the unit every representation (bracketed, unbracketed, Digital Link…) converts to. */
export interface AiElement {
  readonly ai: string;
  readonly value: string;
}

/** An element as read from some input, with its dictionary entry and where it was found. */
export interface ParsedAi extends AiElement {
  readonly entry: ResolvedEntry;
  /** Offset of the AI and of its value in the input that was parsed. */
  readonly aiPos: number;
  readonly valuePos: number;
}

/** The engine's limit on AIs in one message (GS1 Syntax Engine MAX_AIS). */
export const MAX_AIS = 64;

/** Options shared by the element-string and Digital Link readers. */
export interface Gs1ParseOptions extends LintContext {
  /** Accept AIs the Syntax Dictionary does not know, when their length can be told. Default false. */
  readonly permitUnknownAis?: boolean;
  /** Check `ex`, `req`, repeated-AI and (8030) rules over the whole message. Default true. */
  readonly validateAssociations?: boolean;
  /** Check the `req` rules (the only association rule that may be switched off alone). Default true. */
  readonly validateRequisites?: boolean;
}

export function toAiElements(parsed: readonly ParsedAi[]): AiElement[] {
  return parsed.map((p) => ({ ai: p.ai, value: p.value }));
}
