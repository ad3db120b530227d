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

/** The same sequences as a trie of AIs, so a path is checked without building a string. */
interface SequenceNode {
  valid: boolean;
  readonly next: Map<string, SequenceNode>;
}
const TRIE: SequenceNode = { valid: false, next: new Map() };
for (const seq of KEY_QUALIFIER_SEQUENCES) {
  let node = TRIE;
  for (const ai of seq.split(' ')) {
    let child = node.next.get(ai);
    if (!child) {
      child = { valid: false, next: new Map() };
      node.next.set(ai, child);
    }
    node = child;
  }
  node.valid = true;
}

/** Every AI that can qualify each key, whatever the sequence. */
const QUALIFIER_AIS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  allAiEntries().filter((e) => e.dlpkey).map((e) => [e.ai, new Set((e.dlpkey ?? []).flat())]),
);

/** Whether `ai` can ever qualify `key` in a Digital Link path. */
export function canQualify(key: string, ai: string): boolean {
  return QUALIFIER_AIS.get(key)?.has(ai) === true;
}

export function isValidPathSequence(ais: readonly string[]): boolean {
  let node: SequenceNode | undefined = TRIE;
  for (let i = 0; node && i < ais.length; i++) node = node.next.get(ais[i] ?? '');
  return node?.valid === true && ais.length > 0;
}

export function isPrimaryKey(ai: string): boolean {
  return VALID.has(ai);
}

/** Qualifier sequences available after `key` (without the key itself), in byte order. */
export function qualifierSequencesFor(key: string): string[][] {
  const prefix = `${key} `;
  return KEY_QUALIFIER_SEQUENCES.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length).split(' '));
}
