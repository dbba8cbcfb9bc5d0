import { boxMean } from './box-filter.js';
import type { RowScheduler } from './row-scheduler.js';

/**
 * Self-guided filter (He, Sun and Tang 2010) of one plane: a local linear model q = a·I + b per window, with
 * a = var/(var + eps). Where the window's variance is well above eps (an edge) a ≈ 1 and the pixel is kept; where
 * it is below (noise, texture) a ≈ 0 and the pixel becomes the window mean. Box means only: O(pixels).
 */
export async function guidedFilter(
  plane: Float32Array,
  width: number,
  height: number,
  radius: number,
  eps: number,
  rows: RowScheduler,
): Promise<Float32Array> {
  const squares = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) squares[i] = plane[i] * plane[i];
  const mean = await boxMean(plane, width, height, radius, rows);
  const meanSq = await boxMean(squares, width, height, radius, rows);
  const a = new Float32Array(plane.length);
  const b = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) {
    const variance = Math.max(0, meanSq[i] - mean[i] * mean[i]);
    a[i] = variance / (variance + eps);
    b[i] = mean[i] - a[i] * mean[i];
  }
  const meanA = await boxMean(a, width, height, radius, rows);
  const meanB = await boxMean(b, width, height, radius, rows);
  const out = new Float32Array(plane.length);
  for (let i = 0; i < plane.length; i++) out[i] = meanA[i] * plane[i] + meanB[i];
  return out;
}
