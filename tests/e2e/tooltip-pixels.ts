// Reads the pixels of a PNG screenshot, so tests can check what a reader would see (is the tooltip drawn, in
// its own colours?) rather than what the DOM claims. Only what page.screenshot() writes is supported: 8-bit
// RGB or RGBA, not interlaced. node:zlib inflates; the five PNG row filters are undone here. No dependency.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array;
}

export function decodePng(png: Uint8Array): Pixels {
  const buf = Buffer.from(png);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[dst + x - channels]! : 0;
      const b = y > 0 ? rows[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[dst - stride + x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[dst + x] = (raw[src + x]! + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += channels, j += 4) {
    data[j] = rows[i]!;
    data[j + 1] = rows[i + 1]!;
    data[j + 2] = rows[i + 2]!;
    data[j + 3] = channels === 4 ? rows[i + 3]! : 255;
  }
  return { width, height, data };
}

/** Share of pixels (0–1) whose colour is within `tolerance` (per channel) of `rgb`. */
export function share(pixels: Pixels, rgb: [number, number, number], tolerance = 12): number {
  let hits = 0;
  const total = pixels.width * pixels.height;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (
      Math.abs(pixels.data[i]! - rgb[0]) <= tolerance &&
      Math.abs(pixels.data[i + 1]! - rgb[1]) <= tolerance &&
      Math.abs(pixels.data[i + 2]! - rgb[2]) <= tolerance
    ) {
      hits++;
    }
  }
  return total ? hits / total : 0;
}

/** Share of pixels that are clearly red (the hostile page's text colour). */
export function redShare(pixels: Pixels): number {
  let hits = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (pixels.data[i]! > 180 && pixels.data[i + 1]! < 90 && pixels.data[i + 2]! < 90) hits++;
  }
  return hits / (pixels.width * pixels.height);
}
