import { allAiEntries } from '../dictionary/ai-lookup.ts';

// Valid GS1 Digital Link path sequences: a primary key followed by any ordered subset of one of its
// qualifier lists, from the Syntax Dictionary's "dlpkey" attributes (GS1 Digital Link URI Syntax 1.4 §4.4,
// e.g. /01/{gtin}/22/{cpv}/10/{lot}/21/{ser}; alternatives such as "22,10,21|235" are not mixed).

function buildSequences(): string[] {
  const out: string[] = [];
  for (const entry of allAiEntries()) {
    for (const qualifiers of entry.dlpkey ?? []) {
      let seqs = [entry.ai];
      for (const q of qualifiers) seqs = [...seqs, ...seqs.map((s) => `${s} ${q}`)];
      out.push(...seqs);
    }
  }
  return [...new Set(out)].sort();
}

/** All valid sequences, space-separated AIs, in byte order (the order the engine's selection relies on). */
export const KEY_QUALIFIER_SEQUENCES: readonly string[] = buildSequences();
const VALID = new Set(KEY_QUALIFIER_SEQUENCES);

export function isValidPathSequence(ais: readonly string[]): boolean {
  return VALID.has(ais.join(' '));
}

export function isPrimaryKey(ai: string): boolean {
  return VALID.has(ai);
}

/** Qualifier sequences available after `key` (without the key itself), in byte order. */
export function qualifierSequencesFor(key: string): string[][] {
  const prefix = `${key} `;
  return KEY_QUALIFIER_SEQUENCES.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length).split(' '));
}
