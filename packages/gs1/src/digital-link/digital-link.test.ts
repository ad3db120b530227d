import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './digital-link.ts';
import { buildDigitalLink, canonicalDigitalLink, formatDigitalLink } from './format-digital-link.ts';

describe('parseDigitalLink', () => {
  it('separates stem, key, qualifiers, attributes, linkType and fragment', () => {
    const r = parseDigitalLink('https://brand.example.com/p/q/01/09520123456788/10/AB%2F1/21/X9?17=270101&linkType=gs1%3Apip&x=1#top');
    expect(r).toEqual({
      ok: true,
      value: {
        uri: 'https://brand.example.com/p/q/01/09520123456788/10/AB%2F1/21/X9?17=270101&linkType=gs1%3Apip&x=1#top',
        stem: 'https://brand.example.com/p/q',
        primaryKey: { ai: '01', value: '09520123456788' },
        qualifiers: [{ ai: '10', value: 'AB/1' }, { ai: '21', value: 'X9' }],
        attributes: [{ ai: '17', value: '270101' }],
        linkType: 'gs1:pip',
        otherParams: [{ name: 'linkType', value: 'gs1:pip' }, { name: 'x', value: '1' }],
        fragment: 'top',
        elements: [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'AB/1' }, { ai: '21', value: 'X9' }, { ai: '17', value: '270101' }],
      },
    });
  });

  it('points at the faulty character, also inside a percent-encoded value', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456789')).toMatchObject({
      ok: false, error: { code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT', ai: '01', position: 35, markup: '(01)0952012345678|9|' },
    });
    // "%20" decodes to a space, which CSET 82 forbids: the error points at the "%".
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788/10/AB%20C')).toMatchObject({
      ok: false, error: { code: 'GS1_LINTER_INVALID_CSET82_CHARACTER', ai: '10', position: 42 },
    });
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788/10/A<B')).toMatchObject({ ok: false, error: { code: 'GS1_URI_CONTAINS_ILLEGAL_CHARACTERS', position: 41 } });
  });

  it('checks AI associations by default, and can leave them to the caller', () => {
    const exclusive = 'https://id.gs1.org/01/09520123456788?37=12';
    expect(parseDigitalLink(exclusive)).toMatchObject({ ok: false, error: { code: 'GS1_INVALID_AI_PAIRS', ai: '01', params: { other: '37' } } });
    expect(parseDigitalLink(exclusive, { validateAssociations: false }).ok).toBe(true);
    expect(parseDigitalLink('https://id.gs1.org/00/106141412345678908?4300=ACME&4302=Hanoi').ok).toBe(true);
  });

  it('rejects attributes that belong in the path or are not data attributes', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788?10=ABC')).toMatchObject({ ok: false, error: { code: 'GS1_AI_SHOULD_BE_IN_PATH_INFO', ai: '10' } });
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788?21=ABC')).toMatchObject({ ok: false, error: { code: 'GS1_AI_IS_NOT_VALID_DATA_ATTRIBUTE', ai: '21' } });
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788/21/A/10/B')).toMatchObject({ ok: false, error: { code: 'GS1_INVALID_KEY_QUALIFIER_SEQUENCE' } });
  });
});

describe('building and re-writing Digital Links', () => {
  it('hoists the key and its longest qualifier sequence into the path', () => {
    const elements = [{ ai: '17', value: '270101' }, { ai: '21', value: 'S 1' }, { ai: '01', value: '09520123456788' }, { ai: '10', value: 'L1' }];
    expect(buildDigitalLink(elements, { base: 'https://dl.sonla.example/vn/' })).toMatchObject({ ok: false, error: { code: 'GS1_LINTER_INVALID_CSET82_CHARACTER', position: 1 } });
    elements[1] = { ai: '21', value: 'S/1' };
    expect(buildDigitalLink(elements, { base: 'https://dl.sonla.example/vn/' })).toEqual({
      ok: true, value: 'https://dl.sonla.example/vn/01/09520123456788/10/L1/21/S%2F1?17=270101',
    });
  });

  it('refuses to build without a primary key or with a bad stem', () => {
    expect(buildDigitalLink([{ ai: '10', value: 'L1' }], { validateAssociations: false })).toMatchObject({ ok: false, error: { code: 'GS1_CANNOT_CREATE_DL_URI_WITHOUT_PRIMARY_KEY_AI' } });
    expect(buildDigitalLink([{ ai: '01', value: '09520123456788' }], { base: 'ftp://x' })).toMatchObject({ ok: false, error: { code: 'GS1_INVALID_DL_STEM' } });
  });

  it('keeps a parsed path on another stem, and canonicalises to id.gs1.org with GTIN-14', () => {
    const parsed = parseDigitalLink('https://example.com/01/09520123456788/235/XYZ?10=ABC123&linkType=gs1:pip');
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(formatDigitalLink(parsed.value, { base: 'https://a.example' })).toEqual({
      ok: true, value: 'https://a.example/01/09520123456788/235/XYZ?10=ABC123&linkType=gs1%3Apip',
    });
    expect(canonicalDigitalLink('https://example.com/shop/01/9520123456788/10/A1?linkType=all&17=270101')).toEqual({
      ok: true, value: 'https://id.gs1.org/01/09520123456788/10/A1?17=270101',
    });
  });
});
