import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateAiTableSource, outputPath } from '../../scripts/generate-ai-table.ts';
import { parseSyntaxDictionary } from './dictionary-parser.ts';
import { aiEntry, lookupAi, lookupAiPrefix } from './ai-lookup.ts';

describe('AI table generated from the GS1 Barcode Syntax Dictionary', () => {
  it('is exactly what the generator makes from the released dictionary today', async () => {
    const committed = await readFile(outputPath, 'utf8');
    expect(committed).toBe(await generateAiTableSource());
  });

  it('carries formats, FNC1 flags, linters, associations and Digital Link rules', () => {
    expect(aiEntry('01')).toMatchObject({
      fnc1: false, dlDataAttribute: true, ex: ['255', '37'], dlpkey: [['22', '10', '21'], ['235']],
      components: [{ cset: 'N', min: 14, max: 14, optional: false, linters: ['csum', 'gcppos2'] }],
    });
    expect(aiEntry('8003')?.components.map((c) => [c.cset, c.min, c.max, c.optional])).toEqual([
      ['N', 1, 1, false], ['N', 13, 13, false], ['X', 1, 16, true],
    ]);
    expect(aiEntry('250')?.req).toEqual([[['01'], ['8006']], [['21']]]);
    expect(aiEntry('7004')?.req).toEqual([[['01', '10']]]);
    expect(aiEntry('21')?.dlDataAttribute).toBe(false);
    expect(['3100', '3105'].map((ai) => aiEntry(ai)?.ex)).toEqual([['310n'], ['310n']]);
    expect(aiEntry('3106')).toBeUndefined();
  });

  it('rejects a malformed dictionary instead of guessing', () => {
    expect(() => parseSyntaxDictionary('01 *? N14,csum\n00 * N18')).toThrow(/ascending/);
    expect(() => parseSyntaxDictionary('10 ? X..20 N3')).toThrow(/final component/);
    expect(() => parseSyntaxDictionary('10 * X..20')).toThrow(/predefined length/);
    expect(() => parseSyntaxDictionary('10 ? Q..20')).toThrow(/unrecognised component/);
  });

  it('looks AIs up exactly or by prefix, vivifying unknown AIs only on request', () => {
    expect(lookupAi('37', false)?.ai).toBe('37');
    expect(lookupAi('371', true)).toBeUndefined(); // (37) is known: (371) would be ambiguous.
    expect(lookupAi('89', false)).toBeUndefined();
    expect(lookupAi('89', true)?.unknown).toBe(true);
    expect(lookupAi('3199', true)).toMatchObject({ unknown: true, fnc1: false, aiLength: 4 });
    expect(lookupAi('419', true)).toMatchObject({ unknown: true, fnc1: false, components: [{ min: 13, max: 13 }] });
    expect(lookupAiPrefix('8012XYZ', 0, false)?.ai).toBe('8012');
    expect(lookupAiPrefix('23XABC', 0, true)).toBeUndefined();
  });
});
