/**
 * A small PNG reader for the tests: enough for what resvg writes (8-bit RGBA or RGB, not interlaced), so a test can
 * look at the pixels of a rendered chart without a browser.
 */
import { inflateSync } from "node:zlib";

export interface PngPixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom */
  rgba: Uint8Array;
}

/** Decodes `bytes`; throws on anything but a non-interlaced 8-bit RGB(A) PNG. */
export function readPng(bytes: Uint8Array): PngPixels {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, color, , , interlace] = data.subarray(8);
      if (depth !== 8 || (color !== 6 && color !== 2) || interlace !== 0) throw new Error(`readPng: unsupported PNG: depth ${depth}, colour type ${color}, interlace ${interlace}`);
      channels = color === 6 ? 4 : 3;
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (out[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = Math.floor((a + b) / 2);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([out[i * 3] as number, out[i * 3 + 1] as number, out[i * 3 + 2] as number, 255], i * 4);
  return { width, height, rgba };
}

/** Pixels darker than `threshold` (mean of R, G, B) in the box [x0, x1) × [y0, y1). */
export function countDarkPixels(png: PngPixels, box: { x0: number; y0: number; x1: number; y1: number }, threshold = 128): number {
  let count = 0;
  for (let y = box.y0; y < Math.min(box.y1, png.height); y++) {
    for (let x = box.x0; x < Math.min(box.x1, png.width); x++) {
      const i = (y * png.width + x) * 4;
      if (((png.rgba[i] as number) + (png.rgba[i + 1] as number) + (png.rgba[i + 2] as number)) / 3 < threshold) count++;
    }
  }
  return count;
}
