import { describe, expect, it } from 'vitest';
import { parseGs1Input } from './parse-gs1-input.ts';

const GTIN_LOT = [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'L1' }];

describe('parseGs1Input recognises every supported form', () => {
  it.each([
    ['bracketed', '(01)09520123456788(10)L1'],
    ['unbracketed', '^010952012345678810L1'],
    ['digital-link', 'https://id.gs1.org/01/09520123456788/10/L1'],
    ['scan-data', ']d2010952012345678810L1'],
    ['scan-data', ']Q1https://id.gs1.org/01/09520123456788/10/L1'],
    ['epc', 'urn:epc:class:lgtin:952012.0345678.L1'],
  ])('%s: %s', (form, input) => {
    const r = parseGs1Input(input);
    expect(r.ok && r.value.form).toBe(form);
    expect(r.ok && r.value.elements).toEqual(GTIN_LOT);
  });

  it('takes a bare GTIN as AI (01) in GTIN-14 form', () => {
    expect(parseGs1Input('9520123456788')).toEqual({ ok: true, value: { form: 'gtin', elements: [{ ai: '01', value: '09520123456788' }] } });
  });

  it('says when it cannot tell what the input is', () => {
    expect(parseGs1Input('hello')).toEqual({ ok: false, error: { code: 'GS1_UNRECOGNISED_INPUT', position: 0 } });
    expect(parseGs1Input('')).toEqual({ ok: false, error: { code: 'GS1_UNRECOGNISED_INPUT', position: 0 } });
  });
});
