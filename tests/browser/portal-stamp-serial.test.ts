// The activation page's reading of stamp serials (apps/portal/src/features/stamps/stamp-serial.ts): what a camera,
// a handheld scanner or a person gives. Runs in Node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialOf, stampSerialOf } from '../../apps/portal/src/features/stamps/stamp-serial.ts';

const SERIAL = fc.stringMatching(/^[0-9A-Z]{16}$/);

describe('stamp serials on the activation page', () => {
  it('reads the serial of a Digital Link stamp, a short provincial URI and a typed code', () => {
    expect(serialOf('https://txng.sonla.gov.vn/01/08936123770012/10/XH-2026-01/21/387XZ7M1PYX4GCCQ')).toBe('387XZ7M1PYX4GCCQ');
    expect(serialOf('https://txng.sonla.gov.vn/s/387XZ7M1PYX4GCCQ?lang=en')).toBe('387XZ7M1PYX4GCCQ');
    expect(serialOf('  387x-z7m1-pyx4-gccq ')).toBe('387XZ7M1PYX4GCCQ');
    expect(serialOf('https://txng.sonla.gov.vn/01/08936123770012/21/AB%2FC')).toBe('AB/C');
  });

  it('keeps a malformed percent escape as it is instead of failing', () => {
    expect(serialOf('https://txng.sonla.gov.vn/01/08936123770012/21/AB%E0%A4')).toBe('AB%E0%A4');
  });

  it('takes from the camera only codes that are stamp addresses', () => {
    expect(stampSerialOf('https://txng.sonla.gov.vn/01/08936123770012/21/387XZ7M1PYX4GCCQ')).toBe('387XZ7M1PYX4GCCQ');
    expect(stampSerialOf('http://127.0.0.1:3000/s/387XZ7M1PYX4GCCQ')).toBe('387XZ7M1PYX4GCCQ');
    for (const other of ['https://xoaihuong.example/', '00020101021238570010A000000727', '387XZ7M1PYX4GCCQ', 'WIFI:S:shop;T:WPA;P:secret;;', '']) expect(stampSerialOf(other)).toBeNull();
  });

  it('finds the serial in any stamp address, whatever its host, lot and query (property)', () => {
    fc.assert(
      fc.property(SERIAL, fc.domain(), fc.stringMatching(/^[0-9A-Za-z-]{1,20}$/), fc.boolean(), (serial, host, lot, short) => {
        const uri = short ? `https://${host}/s/${serial}` : `https://${host}/01/08936123770012/10/${lot}/21/${serial}?linkType=gs1:pip`;
        expect(stampSerialOf(uri)).toBe(serial);
        expect(serialOf(uri)).toBe(serial);
      }),
    );
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(typeof serialOf(text)).toBe('string');
        const s = stampSerialOf(text);
        expect(s === null || typeof s === 'string').toBe(true);
      }),
    );
  });
});
