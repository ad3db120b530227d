// Keys asked for in one turn of the event loop are read together (distinct, at most `max` per read); a failed
// read fails exactly its callers; keys asked for later go in a later read.
import { describe, expect, it } from 'vitest';
import { turnBatcher } from './turn-batcher.ts';

describe('turnBatcher', () => {
  it('reads the keys of one turn together, once each, and answers every caller', async () => {
    const reads: string[][] = [];
    const get = turnBatcher(async (keys: readonly string[]) => {
      reads.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const answers = await Promise.all(['a', 'b', 'a', 'missing'].map(get));
    expect(answers).toEqual(['A', 'B', 'A', undefined]);
    expect(reads).toEqual([['a', 'b', 'missing']]);
    expect(await get('c')).toBe('C');
    expect(reads).toHaveLength(2);
  });

  it('splits a large turn into reads of at most max keys', async () => {
    const sizes: number[] = [];
    const get = turnBatcher(async (keys: readonly number[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    }, 4);
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => get(i)))).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('rejects the callers of a failed read only', async () => {
    const get = turnBatcher(async (keys: readonly number[]) => {
      if (keys.includes(3)) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k]));
    }, 2);
    const results = await Promise.allSettled([1, 2, 3, 4].map(get));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(await get(5)).toBe(5);
  });
});
