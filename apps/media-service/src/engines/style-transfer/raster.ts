/**
 * An image as planes of floats in [0, 1] (sRGB-encoded, as decoded), one per colour channel, row-major, plus the
 * decoded 8-bit alpha, kept as it is, or null for an opaque image.
 */
export interface Raster {
  width: number;
  height: number;
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
  alpha: Uint8Array | null;
}

/** Interleaved 8-bit RGB or RGBA (sharp's raw() output) to planes. */
export function rasterFromPixels(pixels: Uint8Array, width: number, height: number, channels: 3 | 4): Raster {
  const n = width * height;
  const r = new Float32Array(n);
  const g = new Float32Array(n);
  const b = new Float32Array(n);
  const alpha = channels === 4 ? new Uint8Array(n) : null;
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    r[i] = pixels[p] / 255;
    g[i] = pixels[p + 1] / 255;
    b[i] = pixels[p + 2] / 255;
    if (alpha) alpha[i] = pixels[p + 3];
  }
  return { width, height, r, g, b, alpha };
}

/** Planes back to interleaved 8-bit RGB or RGBA (RGBA when the raster has alpha), clamped and rounded. */
export function rasterToPixels(raster: Raster): { pixels: Buffer; channels: 3 | 4 } {
  const { r, g, b, alpha } = raster;
  const channels = alpha ? 4 : 3;
  const n = raster.width * raster.height;
  const pixels = Buffer.alloc(n * channels);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    pixels[p] = toByte(r[i]);
    pixels[p + 1] = toByte(g[i]);
    pixels[p + 2] = toByte(b[i]);
    if (alpha) pixels[p + 3] = alpha[i];
  }
  return { pixels, channels };
}

export function toByte(value: number): number {
  const v = Math.round(value * 255);
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Rec. 709 luma of the sRGB-encoded values: the grey the sketch and edge passes work on. */
export function luma(raster: Raster): Float32Array {
  const { r, g, b } = raster;
  const out = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = 0.2126 * r[i] + 0.7152 * g[i] + 0.0722 * b[i];
  return out;
}

/** A raster with the same size and alpha and new colour planes. */
export function withPlanes(raster: Raster, r: Float32Array, g: Float32Array, b: Float32Array): Raster {
  return { width: raster.width, height: raster.height, r, g, b, alpha: raster.alpha };
}
