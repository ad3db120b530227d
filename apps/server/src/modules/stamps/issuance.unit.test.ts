// The pure parts of bulk issuance: serials drawn a chunk at a time, the chunk's Merkle root computed on bytes
// (it must equal the root of the entries a verifier rebuilds), and the COPY rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueEntry, issueRootHex, issueRootSteps, merkleRootHex } from './merkle.ts';
import { newSerialBlock, serialCount, serialStrings } from './serial-block.ts';
import { isSerial, SERIAL_ALPHABET } from './serials.ts';
import { stampCopyRows } from './stamp-rows.ts';

const reference = (serials: string[], prefix: string) => merkleRootHex(serials.map((s) => issueEntry(s, `${prefix}${s}`)));

describe('serial blocks', () => {
  it('hold distinct AI 21 serials, 16 bytes each', () => {
    const block = newSerialBlock(20_000);
    expect(block.length).toBe(20_000 * 16);
    expect(serialCount(block)).toBe(20_000);
    const serials = serialStrings(block);
    expect(serials.every(isSerial)).toBe(true);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('use all 80 bits: every bit of every serial is 1 about half the time', () => {
    const serials = serialStrings(newSerialBlock(20_000));
    const ones = new Array<number>(80).fill(0);
    for (const s of serials) {
      for (let c = 0; c < 16; c++) {
        const v = SERIAL_ALPHABET.indexOf(s[c]!);
        for (let b = 0; b < 5; b++) ones[c * 5 + b]! += (v >> (4 - b)) & 1;
      }
    }
    // 20,000 fair bits: standard deviation 0.0035; 0.02 is more than 5 of them.
    for (const n of ones) expect(Math.abs(n / serials.length - 0.5)).toBeLessThan(0.02);
  });
});

describe('the Merkle root of an issuance chunk', () => {
  it('is the RFC 9162 root of the issue entries, for every size up to 70 and across powers of two', () => {
    const block = newSerialBlock(4_100);
    const all = serialStrings(block);
    const prefix = 'https://truyxuat.sonla.gov.vn/01/08936123450014/10/XY-2026%2F01/21/';
    for (const n of [...Array.from({ length: 71 }, (_, i) => i), 127, 128, 129, 1023, 1024, 1025, 4095, 4096, 4097, 4100]) {
      expect(issueRootHex(block.subarray(0, n * 16), prefix), `n = ${n}`).toBe(reference(all.slice(0, n), prefix));
    }
  });

  it('escapes the URI prefix as RFC 8785 does, whatever it holds', () => {
    const block = newSerialBlock(5);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (prefix) => {
        expect(issueRootHex(block, prefix)).toBe(reference(serialStrings(block), prefix));
      }),
    );
    for (const prefix of ['/s/', 'http://x/"q"\\/', 'http://x/Lô\u0007\u2028/', '\ud800']) expect(issueRootHex(block, prefix)).toBe(reference(serialStrings(block), prefix));
  });

  it('is the same when computed in slices', () => {
    const block = newSerialBlock(9_000);
    const steps = issueRootSteps(block, '/s/');
    let slices = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) slices++;
    expect(slices).toBeGreaterThan(2);
    expect(step.value).toBe(issueRootHex(block, '/s/'));
  });
});

/** Rows of a COPY binary stream (PostgreSQL manual, COPY, "Binary Format"), each field's bytes or null. */
function readCopyBinary(buf: Buffer): (Buffer | null)[][] {
  expect(buf.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  expect([buf.readInt32BE(11), buf.readInt32BE(15)]).toEqual([0, 0]);
  const rows: (Buffer | null)[][] = [];
  let o = 19;
  for (;;) {
    const fields = buf.readInt16BE(o);
    o += 2;
    if (fields === -1) break;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < fields; f++) {
      const length = buf.readInt32BE(o);
      o += 4;
      row.push(length < 0 ? null : buf.subarray(o, o + length));
      o += Math.max(0, length);
    }
    rows.push(row);
  }
  expect(o).toBe(buf.length);
  return rows;
}

const uuid = (b: Buffer | null) => b && b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');

describe('COPY rows of a chunk', () => {
  const owner = { id: '6f1c2d3e-0000-4000-8000-000000000001', organizationId: '6f1c2d3e-0000-4000-8000-0000000000a2', productId: '6f1c2d3e-0000-4000-8000-000000000003' };
  const lotId = '6f1c2d3e-0000-4000-8000-0000000000f4';

  it('carry serial, request, seq, owners, lot and status, one row per serial in order', () => {
    for (const n of [0, 1, 2, 3, 95]) {
      const block = newSerialBlock(n);
      const rows = readCopyBinary(stampCopyRows({ ...owner, lotId }, block, 8));
      expect(rows.map((r) => [r[0]!.toString('latin1'), uuid(r[1]!), r[2]!.readInt32BE(0), uuid(r[3]!), uuid(r[4]!), uuid(r[5]!), r[6]!.toString('latin1')])).toEqual(
        serialStrings(block).map((s, i) => [s, owner.id, 8 + i, owner.organizationId, owner.productId, lotId, 'issued']),
      );
    }
    const [noLot] = readCopyBinary(stampCopyRows({ ...owner, lotId: null }, newSerialBlock(1), 1_000_000));
    expect(noLot![2]!.readInt32BE(0)).toBe(1_000_000);
    expect(noLot![5]).toBeNull();
  });

  it('refuse ids that are not UUIDs', () => {
    expect(() => stampCopyRows({ ...owner, lotId: 'x\ty' }, newSerialBlock(1), 1)).toThrow(/not a UUID/);
  });
});
