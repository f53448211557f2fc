import { inflateSync } from 'node:zlib';

/**
 * Where the ink is on a rendered label: a minimal PNG reader (8-bit grey or RGB, not interlaced,
 * which is what zpl-renderer-js and `pdftoppm -gray` write), so a test can check that nothing was
 * drawn outside the label's margins.
 */

export interface Gray {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 black … 255 white. */
  readonly pixels: Uint8Array;
}

export function readGrayPng(png: Buffer): Gray {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colour, , , interlace] = png.subarray(24, 29);
  const channels = colour === 0 ? 1 : colour === 2 ? 3 : 0;
  if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = unfilter(inflateSync(Buffer.concat(idat)), width * channels, height, channels);
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = raw[i * channels]!;
  return { width, height, pixels };
}

/** PNG filters 0–4 (PNG spec §9), undone row by row. */
function unfilter(data: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      out[row + x] = (data[src + x]! + predict(filter, a, b, c)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}

/** Dark pixels in columns `[from, to)` of the image. */
export function inkInColumns(image: Gray, from: number, to: number): number {
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = Math.max(0, from); x < Math.min(image.width, to); x++) if (image.pixels[y * image.width + x]! < 128) count++;
  }
  return count;
}
