// c2sp.org/tlog-tiles §Log entries: "Entry bundles are sequences of big-endian uint16 length-prefixed log
// entries", each hashing (RFC 9162 §2.1.1 leaf hash) to the matching hash of the level-0 tile.
import { fail, ok, type Result } from '../errors.ts';
import { TILE_WIDTH } from './paths.ts';

export const MAX_ENTRY_SIZE = 0xffff;

export function encodeEntryBundle(entries: readonly Uint8Array[]): Result<Uint8Array> {
  if (entries.length > TILE_WIDTH) return fail('TILE_BAD_WIDTH', { width: entries.length });
  let length = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) return fail('BUNDLE_ENTRY_TOO_LARGE', { size: e.length });
    length += 2 + e.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const e of entries) {
    out[offset] = e.length >>> 8;
    out[offset + 1] = e.length & 0xff;
    out.set(e, offset + 2);
    offset += 2 + e.length;
  }
  return ok(out);
}

/**
 * Splits a bundle into its entries (views into `data`). With `width`, the bundle must hold exactly that many
 * entries; trailing bytes or a truncated entry are always rejected.
 */
export function parseEntryBundle(data: Uint8Array, width?: number): Result<Uint8Array[]> {
  if (width !== undefined && (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH)) {
    return fail('TILE_BAD_WIDTH', { width });
  }
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (entries.length === TILE_WIDTH || offset + 2 > data.length) return fail('BUNDLE_MALFORMED', { offset }, offset);
    const length = (data[offset]! << 8) | data[offset + 1]!;
    if (offset + 2 + length > data.length) return fail('BUNDLE_MALFORMED', { offset }, offset);
    entries.push(data.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  if (width !== undefined && entries.length !== width) {
    return fail('BUNDLE_MALFORMED', { offset: data.length }, data.length);
  }
  return ok(entries);
}
