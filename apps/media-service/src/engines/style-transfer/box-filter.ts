import type { RowScheduler } from './row-scheduler.js';

/**
 * Mean over the (2r+1)² window around each pixel, the window clipped to the image (edge pixels average fewer
 * neighbours, nothing is padded). Two separable sliding-sum passes: O(pixels), whatever the radius.
 */
export async function boxMean(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  rows: RowScheduler,
): Promise<Float32Array> {
  const horizontal = new Float32Array(src.length);
  await rows.rows(width, height, (y0, y1) => {
    for (let y = y0; y < y1; y++) {
      const row = y * width;
      let sum = 0;
      for (let x = 0; x <= Math.min(radius, width - 1); x++) sum += src[row + x];
      for (let x = 0; x < width; x++) {
        const lo = Math.max(0, x - radius);
        const hi = Math.min(width - 1, x + radius);
        horizontal[row + x] = sum / (hi - lo + 1);
        if (x + radius + 1 < width) sum += src[row + x + radius + 1];
        if (x - radius >= 0) sum -= src[row + x - radius];
      }
    }
  });
  const out = new Float32Array(src.length);
  // Running column sums over rows [y - r, y + r], carried from one chunk of rows to the next.
  const columns = new Float64Array(width);
  for (let y = 0; y <= Math.min(radius, height - 1); y++) {
    for (let x = 0; x < width; x++) columns[x] += horizontal[y * width + x];
  }
  await rows.rows(width, height, (y0, y1) => {
    for (let y = y0; y < y1; y++) {
      const count = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
      const row = y * width;
      for (let x = 0; x < width; x++) out[row + x] = columns[x] / count;
      const add = y + radius + 1;
      const drop = y - radius;
      if (add < height) for (let x = 0; x < width; x++) columns[x] += horizontal[add * width + x];
      if (drop >= 0) for (let x = 0; x < width; x++) columns[x] -= horizontal[drop * width + x];
    }
  });
  return out;
}

/** Three box passes: close to a Gaussian of sigma ≈ radius (Wells 1986), still O(pixels). */
export async function gaussianBlur(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  rows: RowScheduler,
): Promise<Float32Array> {
  // A box of radius k has variance k(k+1)/3, three of them k(k+1): solve k(k+1) = sigma².
  const k = Math.max(1, Math.round((Math.sqrt(4 * radius * radius + 1) - 1) / 2));
  let out = src;
  for (let pass = 0; pass < 3; pass++) out = await boxMean(out, width, height, k, rows);
  return out;
}
