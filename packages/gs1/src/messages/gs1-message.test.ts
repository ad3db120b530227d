import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readVectors } from '../../scripts/conformance/vectors.ts';
import fc from 'fast-check';
import { lintCouponCode, lintCouponPosOffer } from '../linters/coupon-linters.ts';
import { GS1_MESSAGES, gs1Message } from './gs1-message.ts';

const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.includes('messages') ? [p] : [];
  });
}

/** Error codes written as literals in the package's sources, and those the linter vectors expect. */
function producedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'(GS1_[A-Z0-9_]+)'/g)) {
      if (m[1] && !m[1].endsWith('_') && !m[1].startsWith('GS1_128_')) codes.add(m[1]); // GS1_128_* name symbologies.
    }
  }
  for (const v of readVectors<{ expectedError?: string }>('gs1/gs1-syntax-dictionary/test-vectors/linters.json')) {
    if (v.expectedError) codes.add(v.expectedError);
  }
  return codes;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('message catalogue', () => {
  it('has a Vietnamese and an English message for every error kind the package produces', () => {
    const missing = [...producedCodes()].filter((code) => !Object.hasOwn(GS1_MESSAGES, code));
    expect(missing).toEqual([]);
  });

  it('covers the coupon linters, whose codes are composed from field names', () => {
    const seen = new Set<string>();
    fc.assert(
      // A valid head (GCP VLI, GCP, offer code, save value, first purchase) lets random tails reach later fields.
      fc.property(fc.constantFrom('', '0123456123456111101', '012345612345611110123'), fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '9'), { maxLength: 40 }), (head, digits) => {
        const data = head + digits.join('');
        for (const e of [lintCouponCode(data), lintCouponPosOffer(data)]) if (e) seen.add(e.code);
      }),
      { numRuns: 30000, seed: 3 },
    );
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen].filter((code) => !Object.hasOwn(GS1_MESSAGES, code))).toEqual([]);
  });

  it('writes Vietnamese with its diacritics and English separately for every entry', () => {
    for (const [code, [vi, en]] of Object.entries(GS1_MESSAGES)) {
      expect(vi, code).toMatch(VIETNAMESE);
      expect(en, code).not.toMatch(VIETNAMESE);
      expect(vi, code).not.toBe(en);
    }
  });

  it('fills in the AI, the parameters and the position', () => {
    const error = { code: 'GS1_REQUIRED_AIS_NOT_SATISFIED', ai: '21', position: 4, params: { required: '01,03,8006' } };
    expect(gs1Message(error, 'vi')).toBe('AI (21) cần có kèm các AI: 01,03,8006 (vị trí 4).');
    expect(gs1Message(error, 'en')).toBe('AI (21) requires the AIs: 01,03,8006 (position 4).');
    expect(gs1Message({ code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT', ai: '01', position: 17 }, 'vi')).toBe('AI (01): Số kiểm tra không đúng (vị trí 17).');
    expect(gs1Message({ code: 'NOT_A_CODE' }, 'en')).toBe('GS1 data error (NOT_A_CODE).');
  });
});
