// One canonical spelling per GS1 identity (EPC URI or Digital Link), as MATCH_epc and the hash need.
import { computeCheckDigit } from '@txng/gs1';
import { describe, expect, test } from 'vitest';
import { canonicalEpc, checkIdentifier, constrainedDigitalLink, identifierForm } from './identifiers.ts';

describe('GS1 identifiers in events', () => {
  test('an EPC URI and the Digital Link of the same object have one canonical form', () => {
    const pairs: [string, string][] = [
      ['urn:epc:id:sgtin:0614141.107346.2017', 'https://example.com/gtin/10614141073464/ser/2017?linkType=gs1:pip'],
      ['urn:epc:id:sscc:0614141.1234567890', 'https://id.gs1.org/00/106141412345678908'],
      ['urn:epc:id:sgln:0614141.07346.1234', `http://id.gs1.org/414/0614141073467/254/1234`],
      ['urn:epc:id:sgln:0614141.07346.0', 'https://id.gs1.org/414/0614141073467'],
      ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
      ['urn:epc:id:sgtin:4012345.011111.98%22', 'https://id.gs1.org/01/04012345111118/21/98%22'],
      ['urn:epc:id:grai:4012345.00022.1334455', 'https://id.gs1.org/8003/040123450002211334455'],
    ];
    for (const [urn, dl] of pairs) expect(canonicalEpc(dl), dl).toBe(canonicalEpc(urn));
    expect(canonicalEpc('urn:epc:id:sgtin:0614141.107346.2017')).toBe('https://id.gs1.org/01/10614141073464/21/2017');
  });

  test('non-GS1 identifiers are left as they are', () => {
    for (const id of ['urn:uuid:6926712e-599f-4c4e-b6e9-8dd888c906bd', 'https://example.com/products/42', 'urn:epcglobal:cbv:bt:0614141000005:1']) {
      expect(identifierForm(id)).toBe('other');
      expect(canonicalEpc(id)).toBe(id);
    }
  });

  test('the hash form keeps only the finest level and no CPV or query', () => {
    const gtin = '0950600013435';
    const full = `${gtin}${computeCheckDigit(gtin)}`;
    expect(constrainedDigitalLink(`https://example.com/01/${full}/22/A1/10/LOT/21/S1?17=270101`)).toBe(`https://id.gs1.org/01/${full}/21/S1`);
    expect(constrainedDigitalLink(`https://example.com/01/${full}/10/LOT`)).toBe(`https://id.gs1.org/01/${full}/10/LOT`);
    // The reference implementation leaves a Digital Link with escaped characters unchanged.
    expect(constrainedDigitalLink(`https://example.com/01/${full}/21/A%2FB`)).toBeUndefined();
    expect(canonicalEpc(`https://example.com/01/${full}/21/A%2FB`)).toBe(`https://id.gs1.org/01/${full}/21/A%2FB`);
  });

  test('check digits and EPC URI syntax are checked', () => {
    expect(checkIdentifier('https://id.gs1.org/01/09506000134353/21/1')).toEqual({ code: 'EPCIS_BAD_CHECK_DIGIT', gs1Code: 'GS1_LINTER_INCORRECT_CHECK_DIGIT' });
    expect(checkIdentifier('urn:epc:id:sgtin:0614141.107346')?.code).toBe('EPCIS_INVALID_GS1_KEY');
    expect(checkIdentifier('urn:epc:id:sgtin:0614141.107346.2017')).toBeUndefined();
    expect(checkIdentifier('https://example.com/about')).toBeUndefined();
  });
});
