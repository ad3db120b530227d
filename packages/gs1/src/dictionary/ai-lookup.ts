import { AI_TABLE } from '../ai-table.generated.ts';
import type { AiComponent, AiEntry } from './ai-entry.ts';
import type { ResolvedEntry } from './ai-entry-resolved.ts';

export type { ResolvedEntry };

function lengths(components: readonly AiComponent[]): { minLength: number; maxLength: number } {
  let minLength = 0;
  let maxLength = 0;
  for (const c of components) {
    if (!c.optional) minLength += c.min;
    maxLength += c.max;
  }
  return { minLength, maxLength };
}

function known(entry: AiEntry): ResolvedEntry {
  return { ...entry, unknown: false, aiLength: entry.ai.length, ...lengths(entry.components) };
}

const BY_AI: ReadonlyMap<string, ResolvedEntry> = new Map(AI_TABLE.map((e) => [e.ai, known(e)]));

/** The same entries indexed by length·10000 + numeric value, so that AIs are found without building strings. */
const BY_CODE: (ResolvedEntry | undefined)[] = new Array<ResolvedEntry | undefined>(50_000);
for (const e of BY_AI.values()) BY_CODE[e.ai.length * 10_000 + Number(e.ai)] = e;

/** AI length by the AI's first two digits; all AIs sharing two leading digits have one length. */
const LENGTH_BY_PREFIX = new Uint8Array(100);
for (const e of AI_TABLE) LENGTH_BY_PREFIX[Number(e.ai.slice(0, 2))] = e.ai.length;

// Value lengths of the AI prefixes that GS1 General Specifications §7.8.5 (Figure 7.8.5-2) predefines as
// fixed-length, needing no FNC1 separator. Only consulted to vivify unknown AIs: known AIs carry their own
// "*" flag from the Syntax Dictionary.
const PREDEFINED_VALUE_LENGTH: Readonly<Record<string, number>> = {
  '00': 18, '01': 14, '02': 14, '03': 14, '04': 16,
  '11': 6, '12': 6, '13': 6, '14': 6, '15': 6, '16': 6, '17': 6, '18': 6, '19': 6, '20': 2,
  '31': 6, '32': 6, '33': 6, '34': 6, '35': 6, '36': 6, '41': 13,
};

function unknownEntry(aiLength: number, fixedLength?: number): ResolvedEntry {
  const component: AiComponent = fixedLength
    ? { cset: 'X', min: fixedLength, max: fixedLength, optional: false, linters: [] }
    : { cset: 'X', min: 1, max: 90, optional: false, linters: [] };
  return {
    ai: '', title: 'UNKNOWN', fnc1: fixedLength === undefined, dlDataAttribute: false,
    components: [component], req: [], ex: [], unknown: true, aiLength, ...lengths([component]),
  };
}

const UNKNOWN_ANY_LENGTH = unknownEntry(0);
const UNKNOWN_BY_SHAPE = new Map<string, ResolvedEntry>();

function vivify(aiLength: number, prefix: string): ResolvedEntry {
  const fixed = PREDEFINED_VALUE_LENGTH[prefix];
  const key = `${aiLength}:${fixed ?? 0}`;
  let entry = UNKNOWN_BY_SHAPE.get(key);
  if (!entry) {
    entry = unknownEntry(aiLength, fixed);
    UNKNOWN_BY_SHAPE.set(key, entry);
  }
  return entry;
}

function allDigits(s: string, from: number, to: number): boolean {
  if (to > s.length) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The AI length implied by an AI's first two digits, or 0 when no known AI starts with them. */
export function aiLengthByPrefix(twoDigits: string): number {
  return LENGTH_BY_PREFIX[Number(twoDigits)] ?? 0;
}

/** Entry of a known AI, exactly. */
export function aiEntry(ai: string): ResolvedEntry | undefined {
  return BY_AI.get(ai);
}

export function allAiEntries(): readonly AiEntry[] {
  return AI_TABLE;
}

/**
 * Look up the AI written exactly as `ai` (2-4 digits). With `permitUnknown`, an AI that conflicts with no
 * known AI and has the length its prefix implies is vivified as an unknown AI (GS1 Syntax Engine behaviour).
 */
export function lookupAi(ai: string, permitUnknown: boolean): ResolvedEntry | undefined {
  return lookupAiAt(ai, 0, ai.length, permitUnknown);
}

/** As `lookupAi` for the AI written in `s` from `start` to `end`. */
export function lookupAiAt(s: string, start: number, end: number, permitUnknown: boolean): ResolvedEntry | undefined {
  const n = end - start;
  if (n < 2 || n > 4) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    value = value * 10 + c;
  }
  const implied = LENGTH_BY_PREFIX[(s.charCodeAt(start) - 48) * 10 + s.charCodeAt(start + 1) - 48] ?? 0;
  if (implied !== 0 && implied !== n) return undefined;
  const entry = BY_CODE[n * 10_000 + value];
  if (entry) return entry;
  if (!permitUnknown) return undefined;
  return implied === 0 ? vivify(n, '') : vivify(n, s.slice(start, start + 2));
}

/**
 * Look up the AI at the start of `data` (from `at`), as when reading unbracketed element strings. An unknown
 * AI whose length its prefix does not tell is returned as a stand-in with `aiLength` 0.
 */
export function lookupAiPrefix(data: string, at: number, permitUnknown: boolean): ResolvedEntry | undefined {
  if (!allDigits(data, at, at + 2)) return undefined;
  const prefix = data.slice(at, at + 2);
  const implied = LENGTH_BY_PREFIX[(data.charCodeAt(at) - 48) * 10 + data.charCodeAt(at + 1) - 48] ?? 0;
  if (implied !== 0) {
    const entry = BY_AI.get(data.slice(at, at + implied));
    if (entry) return entry;
    if (!permitUnknown || !allDigits(data, at, at + implied)) return undefined;
    return vivify(implied, prefix);
  }
  return permitUnknown ? UNKNOWN_ANY_LENGTH : undefined;
}
