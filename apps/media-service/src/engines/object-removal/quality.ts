/**
 * Full-reference image quality for the inpainting bench and specs: PSNR (optionally over a mask) and SSIM (Wang et
 * al. 2004, 11 × 11 Gaussian window with σ 1.5, K1 0.01, K2 0.03, L 255, over the valid windows, the mean of the
 * colour channels).
 */

/** Interleaved 8-bit pixels: grey (1), RGB (3) or RGBA (4: the alpha is not compared). */
export interface PixelImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

function colourChannels(image: PixelImage): number {
  return image.channels === 4 ? 3 : image.channels;
}

function checkPair(a: PixelImage, b: PixelImage): void {
  if (a.width !== b.width || a.height !== b.height || colourChannels(a) !== colourChannels(b)) {
    throw new RangeError(
      `images differ: ${a.width}×${a.height}×${a.channels} and ${b.width}×${b.height}×${b.channels}`,
    );
  }
  for (const image of [a, b]) {
    if (image.data.length !== image.width * image.height * image.channels) {
      throw new RangeError(
        `image data holds ${image.data.length} bytes, not ${image.width}×${image.height}×${image.channels}`,
      );
    }
  }
}

/**
 * Peak signal-to-noise ratio in dB over the colour channels of the pixels where `mask` is non-zero (every pixel
 * without one); Infinity for identical pixels.
 */
export function psnr(a: PixelImage, b: PixelImage, mask?: Uint8Array): number {
  checkPair(a, b);
  const channels = colourChannels(a);
  const n = a.width * a.height;
  if (mask && mask.length !== n) throw new RangeError(`mask has ${mask.length} pixels, the images ${n}`);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    const pa = i * a.channels;
    const pb = i * b.channels;
    for (let c = 0; c < channels; c++) {
      const d = a.data[pa + c] - b.data[pb + c];
      sum += d * d;
    }
    count += channels;
  }
  if (count === 0) throw new RangeError('the mask selects no pixel');
  const mse = sum / count;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

const WINDOW = 11;
const SIGMA = 1.5;
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

function gaussianKernel(): Float64Array {
  const k = new Float64Array(WINDOW);
  const half = (WINDOW - 1) / 2;
  let sum = 0;
  for (let i = 0; i < WINDOW; i++) sum += k[i] = Math.exp(-((i - half) ** 2) / (2 * SIGMA * SIGMA));
  for (let i = 0; i < WINDOW; i++) k[i] /= sum;
  return k;
}

const KERNEL = gaussianKernel();

/** Separable Gaussian filter of a w × h plane, valid part only: (w - 10) × (h - 10). */
function filterValid(plane: Float64Array, w: number, h: number): Float64Array {
  const ow = w - WINDOW + 1;
  const oh = h - WINDOW + 1;
  const rows = new Float64Array(ow * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let k = 0; k < WINDOW; k++) s += KERNEL[k] * plane[y * w + x + k];
      rows[y * ow + x] = s;
    }
  }
  const out = new Float64Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let k = 0; k < WINDOW; k++) s += KERNEL[k] * rows[(y + k) * ow + x];
      out[y * ow + x] = s;
    }
  }
  return out;
}

/** Mean SSIM of two images of at least 11 × 11 pixels: 1 for identical ones. */
export function ssim(a: PixelImage, b: PixelImage): number {
  checkPair(a, b);
  const { width: w, height: h } = a;
  if (w < WINDOW || h < WINDOW) throw new RangeError(`SSIM needs at least ${WINDOW}×${WINDOW} pixels, got ${w}×${h}`);
  const channels = colourChannels(a);
  const n = w * h;
  let total = 0;
  for (let c = 0; c < channels; c++) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const xx = new Float64Array(n);
    const yy = new Float64Array(n);
    const xy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const va = a.data[i * a.channels + c];
      const vb = b.data[i * b.channels + c];
      x[i] = va;
      y[i] = vb;
      xx[i] = va * va;
      yy[i] = vb * vb;
      xy[i] = va * vb;
    }
    const [mx, my, mxx, myy, mxy] = [x, y, xx, yy, xy].map((plane) => filterValid(plane, w, h));
    let sum = 0;
    for (let i = 0; i < mx.length; i++) {
      const vx = mxx[i] - mx[i] * mx[i];
      const vy = myy[i] - my[i] * my[i];
      const cov = mxy[i] - mx[i] * my[i];
      sum += ((2 * mx[i] * my[i] + C1) * (2 * cov + C2)) / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
    }
    total += sum / mx.length;
  }
  return total / channels;
}

/** The pixels of `image` inside a rectangle (clipped to it), as a new image. */
export function crop(image: PixelImage, box: { x: number; y: number; width: number; height: number }): PixelImage {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(image.width, box.x + box.width);
  const y1 = Math.min(image.height, box.y + box.height);
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height * image.channels);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * image.channels;
    data.set(image.data.subarray(from, from + width * image.channels), y * width * image.channels);
  }
  return { data, width, height, channels: image.channels };
}

/** The smallest rectangle holding every non-zero pixel of a mask, or null for an empty one. */
export function maskBounds(
  mask: Uint8Array,
  width: number,
  height: number,
): { x: number; y: number; width: number; height: number } | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
