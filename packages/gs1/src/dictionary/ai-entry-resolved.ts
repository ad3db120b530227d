import type { AiEntry } from './ai-entry.ts';

/** An AI table entry, or a stand-in "vivified" for an AI the dictionary does not know. */
export interface ResolvedEntry extends AiEntry {
  /** True for stand-ins of unknown AIs (accepted only when the caller permits unknown AIs). */
  readonly unknown: boolean;
  /** AI length; 0 for an unknown AI whose length cannot be told from its first two digits. */
  readonly aiLength: number;
  /** Sum of the mandatory components' minimum lengths, and of all components' maximum lengths. */
  readonly minLength: number;
  readonly maxLength: number;
}
