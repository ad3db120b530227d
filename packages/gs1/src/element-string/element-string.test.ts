import { describe, expect, it } from 'vitest';
import { parseElementString } from './parse-element-string.ts';
import { toBracketed, toHri, toUnbracketed } from './write-element-string.ts';

describe('parseElementString', () => {
  it('reads bracketed and unbracketed forms to the same elements', () => {
    const expected = [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'AB(1' }, { ai: '17', value: '270101' }];
    expect(parseElementString('(01)09520123456788(10)AB\\(1(17)270101')).toEqual({ ok: true, value: expected });
    expect(parseElementString('^010952012345678810AB(1^17270101')).toEqual({ ok: true, value: expected });
  });

  it('gives the position of the fault in the input', () => {
    expect(parseElementString('(01)09520123456788(10)ABC(17)271301')).toEqual({
      ok: false, error: { code: 'GS1_LINTER_ILLEGAL_MONTH', ai: '17', position: 31, length: 2, markup: '(17)27|13|01' },
    });
    expect(parseElementString('^0109520123456788^17271301')).toMatchObject({ ok: false, error: { code: 'GS1_LINTER_ILLEGAL_MONTH', position: 22 } });
    expect(parseElementString('(01)09520123456788(98)X(A')).toMatchObject({ ok: false, error: { code: 'GS1_AI_PARSE_FAILED', position: 23 } });
    expect(parseElementString('(01)0952012345678')).toMatchObject({ ok: false, error: { code: 'GS1_AI_VALUE_IS_TOO_SHORT', ai: '01', position: 0 } });
    expect(parseElementString('0109520123456788')).toMatchObject({ ok: false, error: { code: 'GS1_MISSING_FNC1_IN_FIRST_POSITION', position: 0 } });
  });

  it('applies mandatory and exclusive associations over the whole message', () => {
    expect(parseElementString('(10)ABC')).toMatchObject({ ok: false, error: { code: 'GS1_REQUIRED_AIS_NOT_SATISFIED', ai: '10', params: { required: '01,02,03,8006,8026' } } });
    expect(parseElementString('(10)ABC', { validateRequisites: false }).ok).toBe(true);
    expect(parseElementString('(01)09520123456788(02)09520123456788(37)1')).toMatchObject({ ok: false, error: { code: 'GS1_INVALID_AI_PAIRS' } });
    expect(parseElementString('(01)09520123456788(21)A(21)B')).toMatchObject({ ok: false, error: { code: 'GS1_INSTANCES_OF_AI_HAVE_DIFFERENT_VALUES', ai: '21' } });
  });

  it('reads the two parts of a composite message', () => {
    expect(parseElementString('(01)09520123456788|(10)ABC(17)270101')).toEqual({
      ok: true, value: [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'ABC' }, { ai: '17', value: '270101' }],
    });
  });
});

describe('writing element strings', () => {
  const elements = [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'A(B' }, { ai: '3103', value: '000500' }, { ai: '21', value: 'S1' }];
  it('places FNC1 only after variable-length values followed by another element', () => {
    expect(toUnbracketed(elements)).toBe('^010952012345678810A(B^310300050021S1');
    expect(toBracketed(elements)).toBe('(01)09520123456788(10)A\\(B(3103)000500(21)S1');
    expect(toHri(elements)).toEqual(['(01) 09520123456788', '(10) A(B', '(3103) 000500', '(21) S1']);
  });
});
