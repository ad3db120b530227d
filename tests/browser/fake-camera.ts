// A camera for Chromium's fake capture device (--use-file-for-fake-video-capture): a Y4M video (YUV 4:2:0, full
// range) in which labels' QR codes pass in front of the lens one after the other, each held still for a moment,
// on a grey table and not centred, as a phone sees a sheet of labels. Chromium plays the file in a loop.
import { writeFileSync } from 'node:fs';
import type { QrModules } from '../../apps/server/src/modules/stamps/print/qr-modules.ts';

export interface FakeCameraOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /** Frames each code stays in view. */
  readonly framesEach?: number;
  /** Pixels per QR module. */
  readonly moduleSize?: number;
}

const DARK = 24;
const LIGHT = 236;
const TABLE = 120;

/** Writes the video to `file`; each symbol is shown in turn, at a different place in the picture. */
export function writeQrVideo(file: string, symbols: readonly QrModules[], options: FakeCameraOptions = {}): void {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.fps ?? 10;
  const framesEach = options.framesEach ?? 8;
  const px = options.moduleSize ?? 5;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // U and V planes: no colour
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const parts: Buffer[] = [header];
  symbols.forEach((symbol, i) => {
    const side = symbol.size * px;
    if (side > Math.min(width, height)) throw new Error(`a ${symbol.size}-module code at ${px} px per module does not fit ${width}×${height}`);
    // Off centre, a different corner for each code.
    const left = Math.round(((width - side) * (i % 3 + 1)) / 4);
    const top = Math.round(((height - side) * ((i + 1) % 3 + 1)) / 4);
    const luma = Buffer.alloc(width * height, TABLE);
    for (let y = 0; y < side; y++) luma.fill(LIGHT, (top + y) * width + left, (top + y) * width + left + side);
    for (let r = 0; r < symbol.runs.length; r += 3) {
      const [x, y, w] = [symbol.runs[r]!, symbol.runs[r + 1]!, symbol.runs[r + 2]!];
      for (let dy = 0; dy < px; dy++) {
        const row = (top + y * px + dy) * width + left;
        luma.fill(DARK, row + x * px, row + (x + w) * px);
      }
    }
    for (let f = 0; f < framesEach; f++) parts.push(Buffer.from('FRAME\n', 'ascii'), luma, chroma);
  });
  writeFileSync(file, Buffer.concat(parts));
}
