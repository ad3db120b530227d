import { describe, expect, it } from 'vitest';
import { computeCheckDigit, hasValidCheckDigit } from './check-digit.ts';
import { normalizeGtin, shortestGtin } from './gtin.ts';
import { buildGln, buildGtin, buildSscc } from './company-prefix-keys.ts';

describe('GS1 check digits (General Specifications §7.9.1)', () => {
  // Examples from the GS1 General Specifications and the EPC Tag Data Standard.
  it('computes the published examples', () => {
    expect(computeCheckDigit('952012345678')).toBe('8'); // GTIN-13 9520123456788
    expect(computeCheckDigit('8061414112345')).toBe('8'); // GTIN-14 80614141123458
    expect(computeCheckDigit('061414112345')).toBe('2'); // GLN 0614141123452
    expect(computeCheckDigit('10614141234567890')).toBe('8'); // SSCC 106141412345678908
    expect(computeCheckDigit('0234567')).toBe('3'); // GTIN-8 02345673
  });

  it('refuses anything but digits', () => {
    expect(computeCheckDigit('')).toBe('');
    expect(computeCheckDigit('12a4')).toBe('');
    expect(hasValidCheckDigit('9520123456788')).toBe(true);
    expect(hasValidCheckDigit('9520123456789')).toBe(false);
    expect(hasValidCheckDigit('8')).toBe(false);
    expect(hasValidCheckDigit('95201234567８8')).toBe(false);
  });
});

describe('GTIN normalisation', () => {
  it('pads GTIN-8/12/13 to GTIN-14 after checking the check digit', () => {
    expect(normalizeGtin('02345673')).toEqual({ ok: true, value: '00000002345673' });
    expect(normalizeGtin('416000336108')).toEqual({ ok: true, value: '00416000336108' });
    expect(normalizeGtin('9520123456788')).toEqual({ ok: true, value: '09520123456788' });
    expect(normalizeGtin('19520123456785')).toEqual({ ok: true, value: '19520123456785' });
  });

  it('says what is wrong and where', () => {
    expect(normalizeGtin('9520123456789')).toEqual({ ok: false, error: { code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT', position: 12, length: 1 } });
    expect(normalizeGtin('95201234A6788')).toEqual({ ok: false, error: { code: 'GS1_LINTER_NON_DIGIT_CHARACTER', position: 8, length: 1 } });
    expect(normalizeGtin('123456789')).toMatchObject({ ok: false, error: { code: 'GS1_GTIN_INVALID_LENGTH' } });
  });

  it('finds the shortest form back', () => {
    expect(shortestGtin('00000002345673')).toBe('02345673');
    expect(shortestGtin('00416000336108')).toBe('416000336108');
    expect(shortestGtin('09520123456788')).toBe('9520123456788');
  });
});

describe('keys built from a GS1 Company Prefix', () => {
  it('builds GTIN-14, GLN and SSCC with their check digits', () => {
    expect(buildGtin('0614141', '12345', '8')).toEqual({ ok: true, value: '80614141123458' });
    expect(buildGtin('952012', '345678')).toEqual({ ok: true, value: '09520123456788' });
    expect(buildGln('0614141', '12345')).toEqual({ ok: true, value: '0614141123452' });
    expect(buildSscc('0614141', '234567890', '1')).toEqual({ ok: true, value: '106141412345678908' });
  });

  it('explains a reference of the wrong length for the prefix', () => {
    expect(buildGln('893123', '45')).toEqual({
      ok: false,
      error: { code: 'GS1_KEY_COMPONENT_WRONG_LENGTH', params: { component: 'locationReference', expected: '6', actual: '2' } },
    });
    expect(buildGtin('12', '1234567890')).toMatchObject({ ok: false, error: { code: 'GS1_INVALID_COMPANY_PREFIX' } });
    expect(buildSscc('8931234', '12345678X')).toMatchObject({ ok: false, error: { code: 'GS1_KEY_COMPONENT_NOT_NUMERIC' } });
  });
});
