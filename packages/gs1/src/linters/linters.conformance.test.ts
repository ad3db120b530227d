import { describe, expect, it } from 'vitest';
import { readVectors, report, type CaseOutcome } from '../../scripts/conformance/vectors.ts';
import { gcpLookupAt, loopCases } from '../../scripts/conformance/engine-test-context.ts';
import { lint } from './linter-registry.ts';

interface LinterVector {
  test: 'UNIT_TEST_PASS' | 'UNIT_TEST_FAIL';
  linter: string;
  input: string;
  expectedError?: string;
  expectedErrMarkup?: string;
  source: string;
}

/** The reference tests' highlight: the faulty segment between asterisks. */
function markup(input: string, position: number, length: number): string {
  return `${input.slice(0, position)}*${input.slice(position, position + length)}*${input.slice(position + length)}`;
}

function run(v: LinterVector, input: string, expectedMarkup: string | undefined): CaseOutcome {
  const gcpLookup = gcpLookupAt(v.source);
  const error = lint(v.linter, input, gcpLookup ? { gcpLookup } : undefined);
  const id = `${v.source} ${v.linter}(${JSON.stringify(input)})`;
  if (v.test === 'UNIT_TEST_PASS') return { id, ok: error === null, detail: error?.code };
  if (!error) return { id, ok: false, detail: 'passed, expected failure' };
  const got = markup(input, error.position, error.length);
  return { id, ok: error.code === v.expectedError && got === expectedMarkup, detail: `${error.code} ${got}` };
}

describe('GS1 Syntax Tests (linters) against gs1-syntax-dictionary test vectors', () => {
  it('passes every case of linters.json', () => {
    const vectors = readVectors<LinterVector>('gs1/gs1-syntax-dictionary/test-vectors/linters.json');
    const outcomes: CaseOutcome[] = [];
    for (const v of vectors) {
      const generated = v.input === 'data' ? loopCases(v.source) : undefined;
      if (generated) for (const g of generated) outcomes.push(run(v, g.input, g.markup));
      else outcomes.push(run(v, v.input, v.expectedErrMarkup));
    }
    expect(report('gs1-syntax-dictionary/test-vectors/linters.json', outcomes)).toEqual([]);
  });
});
