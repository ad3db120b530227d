import { describe, expect, it } from 'vitest';
import { parseEpcUri } from './parse-epc-uri.ts';
import { digitalLinkToEpcUri, elementsToEpcUri, epcUriToDigitalLink } from './epc-digital-link.ts';

// Examples of the GS1 EPC Tag Data Standard 2.1 (§6.3 and §7), each with its GS1 element strings.
const TDS_EXAMPLES: [string, [string, string][]][] = [
  ['urn:epc:id:sgtin:0614141.812345.6789AB', [['01', '80614141123458'], ['21', '6789AB']]],
  ['urn:epc:id:sscc:0614141.1234567890', [['00', '106141412345678908']]],
  ['urn:epc:id:sgln:0614141.12345.400', [['414', '0614141123452'], ['254', '400']]],
  ['urn:epc:id:sgln:0614141.12345.0', [['414', '0614141123452']]],
  ['urn:epc:id:grai:0614141.12345.400', [['8003', '00614141123452400']]],
  ['urn:epc:id:giai:0614141.12345400', [['8004', '061414112345400']]],
  ['urn:epc:id:gsrn:0614141.1234567890', [['8018', '061414112345678902']]],
  ['urn:epc:id:gsrnp:0614141.1234567890', [['8017', '061414112345678902']]],
  ['urn:epc:id:gdti:0614141.12345.400', [['253', '0614141123452400']]],
  ['urn:epc:id:cpi:0614141.123ABC.123456789', [['8010', '0614141123ABC'], ['8011', '123456789']]],
  ['urn:epc:id:cpi:0614141.5PQ7%2FZ43.12345', [['8010', '06141415PQ7/Z43'], ['8011', '12345']]],
  ['urn:epc:id:sgcn:4012345.67890.04711', [['255', '401234567890104711']]],
  ['urn:epc:id:ginc:0614141.xyz47%2F11', [['401', '0614141xyz47/11']]],
  ['urn:epc:id:gsin:0614141.123456789', [['402', '06141411234567890']]],
  ['urn:epc:id:itip:4012345.012345.01.02.987', [['8006', '040123451234560102'], ['21', '987']]],
  ["urn:epc:id:upui:1234567.089456.51qIgY)%3C%26Jp3*j7'SDB", [['01', '01234567894560'], ['235', "51qIgY)<&Jp3*j7'SDB"]]],
  ['urn:epc:id:pgln:1234567.89012', [['417', '1234567890128']]],
  ['urn:epc:class:lgtin:4012345.012345.998877', [['01', '04012345123456'], ['10', '998877']]],
  ['urn:epc:idpat:sgtin:4012345.012345.*', [['01', '04012345123456']]],
];

describe('EPC URIs and their GS1 element strings (TDS 2.1)', () => {
  for (const [urn, pairs] of TDS_EXAMPLES) {
    it(`${urn} ↔ ${pairs.map(([ai, v]) => `(${ai})${v}`).join('')}`, () => {
      const elements = pairs.map(([ai, value]) => ({ ai, value }));
      const parsed = parseEpcUri(urn);
      expect(parsed.ok && parsed.value.elements).toEqual(elements);
      const gcpLength = urn.split(':')[4]?.split('.')[0]?.length;
      expect(elementsToEpcUri(elements, { companyPrefixLength: gcpLength })).toEqual({ ok: true, value: urn });
      const dl = epcUriToDigitalLink(urn, { base: 'https://example.com' });
      if (!dl.ok) throw new Error(dl.error.code);
      expect(digitalLinkToEpcUri(dl.value, { companyPrefixLength: gcpLength })).toEqual({ ok: true, value: urn });
    });
  }

  it('writes the Digital Link of a serialised GTIN on the canonical domain by default', () => {
    expect(epcUriToDigitalLink('urn:epc:id:sgtin:0614141.812345.6789AB')).toEqual({
      ok: true, value: 'https://id.gs1.org/01/80614141123458/21/6789AB',
    });
  });

  it('reads non-GS1 schemes but has no Digital Link for them', () => {
    const gid = parseEpcUri('urn:epc:id:gid:95100000.12345.400');
    expect(gid).toEqual({ ok: true, value: { uri: 'urn:epc:id:gid:95100000.12345.400', kind: 'id', scheme: 'gid', fields: ['95100000', '12345', '400'] } });
    expect(epcUriToDigitalLink('urn:epc:id:gid:95100000.12345.400')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_NO_DIGITAL_LINK_EQUIVALENT' } });
    expect(epcUriToDigitalLink('urn:epc:idpat:sgtin:4012345.*.*')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_PATTERN_HAS_NO_WHOLE_KEY' } });
  });

  it('points at the faulty field', () => {
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.81234.6789AB')).toEqual({ ok: false, error: { code: 'GS1_EPC_INVALID_FIELD', position: 25, params: { field: '2' } } });
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.812345')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_WRONG_FIELD_COUNT', position: 17 } });
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.812345.67 89')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_INVALID_FIELD', position: 32 } });
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.812345.%zz')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_INVALID_FIELD' } });
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.812345.123456789012345678901')).toMatchObject({ ok: false, error: { code: 'GS1_AI_VALUE_IS_TOO_LONG', position: 32 } });
    expect(parseEpcUri('urn:epc:id:xyz:1.2')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_UNKNOWN_SCHEME', position: 11 } });
    expect(parseEpcUri('urn:isbn:123')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_NOT_AN_EPC_URI' } });
  });
});

describe('Digital Link to EPC URI', () => {
  it('needs the GS1 Company Prefix length unless the key tells it', () => {
    const dl = 'https://id.gs1.org/01/80614141123458/21/6789AB';
    expect(digitalLinkToEpcUri(dl)).toMatchObject({ ok: false, error: { code: 'GS1_EPC_COMPANY_PREFIX_LENGTH_REQUIRED', ai: '01' } });
    expect(digitalLinkToEpcUri(dl, { companyPrefixLength: 7 })).toEqual({ ok: true, value: 'urn:epc:id:sgtin:0614141.812345.6789AB' });
    expect(digitalLinkToEpcUri(dl, { companyPrefixLength: (key) => (key.value.startsWith('8061') ? 9 : undefined) })).toEqual({
      ok: true, value: 'urn:epc:id:sgtin:061414112.8345.6789AB',
    });
    expect(digitalLinkToEpcUri(dl, { companyPrefixLength: 13 })).toMatchObject({ ok: false, error: { code: 'GS1_EPC_INVALID_COMPANY_PREFIX_LENGTH' } });
  });

  it('deduces the prefix of a GTIN-8 from its GS1-8 Prefix', () => {
    expect(digitalLinkToEpcUri('https://id.gs1.org/01/00000095012346/21/A1')).toEqual({ ok: true, value: 'urn:epc:id:sgtin:00000950.01234.A1' });
    expect(digitalLinkToEpcUri('https://id.gs1.org/01/00000002345673/21/A1')).toMatchObject({ ok: false, error: { code: 'GS1_EPC_COMPANY_PREFIX_LENGTH_REQUIRED' } });
  });

  it('gives class and pattern URIs for keys that are not serialised', () => {
    const gcp = { companyPrefixLength: 7 };
    expect(digitalLinkToEpcUri('https://id.gs1.org/01/04012345123456/10/998877', gcp)).toEqual({ ok: true, value: 'urn:epc:class:lgtin:4012345.012345.998877' });
    expect(digitalLinkToEpcUri('https://id.gs1.org/01/04012345123456', gcp)).toEqual({ ok: true, value: 'urn:epc:idpat:sgtin:4012345.012345.*' });
    expect(digitalLinkToEpcUri('https://id.gs1.org/8003/04012345123456', gcp)).toEqual({ ok: true, value: 'urn:epc:idpat:grai:4012345.12345.*' });
    expect(digitalLinkToEpcUri('https://id.gs1.org/8013/1987654Ad4X4bL5ttr2310c2K', gcp)).toMatchObject({ ok: false, error: { code: 'GS1_EPC_NO_EPC_EQUIVALENT' } });
  });

  it('escapes URI-reserved characters of serials as TDS requires', () => {
    expect(digitalLinkToEpcUri('https://id.gs1.org/01/80614141123458/21/A%2FB%25%26C', { companyPrefixLength: 7 })).toEqual({
      ok: true, value: 'urn:epc:id:sgtin:0614141.812345.A%2FB%25%26C',
    });
  });
});
