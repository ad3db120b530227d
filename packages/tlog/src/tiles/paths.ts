// c2sp.org/tlog-tiles §Merkle Tree and §Log entries: tile and entry-bundle resource paths, relative to the
// log prefix: `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`.
import { fail, ok, type Result } from '../errors.ts';
import { U64_MAX } from '../u64.ts';

/** Tiles are 2^8 = 256 hashes wide (tlog-tiles: "Full tiles MUST be exactly 256 hashes wide"). */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const MAX_TILE_LEVEL = 63;
/**
 * Mid tiles (a server-side index, not part of tlog-tiles, never served) hold the hashes of tree level
 * 8·L + 4 for tile level L, laid out like hash tiles; see TreeBuilderOptions.midTiles.
 */
export const MID_TILE_OFFSET = 4;

/** A hash tile: `width` (1..256) hashes of tree level 8 × `level`; 256 means a full tile. */
export interface TileId {
  readonly level: number;
  readonly index: bigint;
  readonly width: number;
}

/** An entry bundle: `width` (1..256) entries starting at entry index × 256. */
export interface EntryBundleId {
  readonly index: bigint;
  readonly width: number;
}

export type TileResource =
  | { readonly kind: 'hash'; readonly tile: TileId }
  | { readonly kind: 'entries'; readonly bundle: EntryBundleId };

/** `<N>` as zero-padded 3-digit elements, all but the last prefixed with `x` (1234067 → x001/x234/067). */
export function formatTileIndex(index: bigint): string {
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift((n % 1000n).toString().padStart(3, '0'));
    n /= 1000n;
  } while (n > 0n);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function suffix(width: number): string {
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

export function tilePath(tile: TileId): string {
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${suffix(tile.width)}`;
}

export function entryBundlePath(bundle: EntryBundleId): string {
  return `tile/entries/${formatTileIndex(bundle.index)}${suffix(bundle.width)}`;
}

const LEVEL_RE = /^(?:0|[1-9][0-9]?)$/;
const WIDTH_RE = /^[1-9][0-9]{0,2}$/;
const INDEX_RE = /^(?:x[0-9]{3}\/)*[0-9]{3}$/;

/**
 * Parses a tile or entry-bundle path (without the log prefix). Only the canonical spelling is accepted: level
 * 0..63 and width 1..255 without leading zeroes, index elements without a redundant leading `x000/`.
 */
export function parseTilePath(path: string): Result<TileResource> {
  const bad = fail('TILE_BAD_PATH', { path: path.length > 200 ? `${path.slice(0, 200)}…` : path });
  const match = /^tile\/([^/]+)\/(.+?)(?:\.p\/([^/]+))?$/.exec(path);
  if (!match) return bad;
  const [, levelText, indexText, widthText] = match as unknown as [string, string, string, string | undefined];
  if (!INDEX_RE.test(indexText) || indexText.length > 40) return bad;
  const index = BigInt(indexText.replace(/[x/]/g, ''));
  if (formatTileIndex(index) !== indexText) return bad;
  let width = TILE_WIDTH;
  if (widthText !== undefined) {
    if (!WIDTH_RE.test(widthText)) return bad;
    width = Number(widthText);
    if (width >= TILE_WIDTH) return bad;
  }
  const level = levelText === 'entries' ? 0 : Number(levelText);
  if (levelText !== 'entries' && (!LEVEL_RE.test(levelText) || level > MAX_TILE_LEVEL)) return bad;
  // The tile's start index, index × 256^(level+1), must be a uint64 leaf index.
  if (index << BigInt(TILE_HEIGHT * (level + 1)) > U64_MAX) return bad;
  if (levelText === 'entries') return ok({ kind: 'entries', bundle: { index, width } });
  return ok({ kind: 'hash', tile: { level, index, width } });
}
