import { withPlanes, type Raster } from './raster.js';
import type { RowScheduler } from './row-scheduler.js';

/** Summed-area table of a plane: (width+1)·(height+1) entries, a zero row and column first; float64 for the sums. */
async function summedArea(
  src: Float32Array,
  width: number,
  height: number,
  rows: RowScheduler,
  square = false,
): Promise<Float64Array> {
  const stride = width + 1;
  const table = new Float64Array(stride * (height + 1));
  await rows.rows(width, height, (y0, y1) => {
    for (let y = y0; y < y1; y++) {
      let rowSum = 0;
      for (let x = 0; x < width; x++) {
        const v = src[y * width + x];
        rowSum += square ? v * v : v;
        table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + rowSum;
      }
    }
  });
  return table;
}

/**
 * Kuwahara filter: each pixel takes the mean colour of whichever of its four (r+1)² quadrants (corner at the pixel,
 * clipped to the image) has the lowest luma variance. Flat areas smooth into patches of paint, edges stay sharp
 * because the quadrant that straddles an edge has the highest variance. Means and variances come from summed-area
 * tables, so the cost is O(pixels) whatever the radius.
 */
export async function kuwahara(raster: Raster, radius: number, rows: RowScheduler): Promise<Raster> {
  const { width, height, r, g, b } = raster;
  const y = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) y[i] = 0.2126 * r[i] + 0.7152 * g[i] + 0.0722 * b[i];
  const sumY = await summedArea(y, width, height, rows);
  const sumYY = await summedArea(y, width, height, rows, true);
  const sumR = await summedArea(r, width, height, rows);
  const sumG = await summedArea(g, width, height, rows);
  const sumB = await summedArea(b, width, height, rows);
  const stride = width + 1;
  // Inclusive rectangle [x0, x1] × [y0, y1] of a table.
  const rect = (t: Float64Array, x0: number, y0: number, x1: number, y1: number) =>
    t[(y1 + 1) * stride + x1 + 1] - t[y0 * stride + x1 + 1] - t[(y1 + 1) * stride + x0] + t[y0 * stride + x0];
  const outR = new Float32Array(r.length);
  const outG = new Float32Array(r.length);
  const outB = new Float32Array(r.length);
  await rows.rows(width, height, (row0, row1) => {
    for (let py = row0; py < row1; py++) {
      const top = Math.max(0, py - radius);
      const bottom = Math.min(height - 1, py + radius);
      for (let px = 0; px < width; px++) {
        const left = Math.max(0, px - radius);
        const right = Math.min(width - 1, px + radius);
        let best = Infinity;
        let bx0 = px;
        let by0 = py;
        let bx1 = px;
        let by1 = py;
        for (let q = 0; q < 4; q++) {
          const x0 = q & 1 ? px : left;
          const x1 = q & 1 ? right : px;
          const y0 = q & 2 ? py : top;
          const y1 = q & 2 ? bottom : py;
          const n = (x1 - x0 + 1) * (y1 - y0 + 1);
          const mean = rect(sumY, x0, y0, x1, y1) / n;
          const variance = rect(sumYY, x0, y0, x1, y1) / n - mean * mean;
          if (variance < best) {
            best = variance;
            bx0 = x0;
            by0 = y0;
            bx1 = x1;
            by1 = y1;
          }
        }
        const n = (bx1 - bx0 + 1) * (by1 - by0 + 1);
        const i = py * width + px;
        outR[i] = rect(sumR, bx0, by0, bx1, by1) / n;
        outG[i] = rect(sumG, bx0, by0, bx1, by1) / n;
        outB[i] = rect(sumB, bx0, by0, bx1, by1) / n;
      }
    }
  });
  return withPlanes(raster, outR, outG, outB);
}
