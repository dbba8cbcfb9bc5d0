import { labToPlanes, planesToLab, type LabPlanes } from './cielab.js';
import { withPlanes, type Raster } from './raster.js';
import type { RowScheduler } from './row-scheduler.js';

/** Mean and standard deviation of each L*a*b* channel. */
export interface LabStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/** Below this standard deviation a channel is flat: it is shifted to the target mean, not scaled. */
const FLAT_STD = 1e-3;

/** Channel statistics over the pixels that are not fully transparent (all pixels when none is opaque). */
export function labStats(lab: LabPlanes, alpha: Uint8Array | null): LabStats {
  const channels = [lab.l, lab.a, lab.b];
  const sum = [0, 0, 0];
  const sumSq = [0, 0, 0];
  let count = 0;
  const useAlpha = alpha !== null && alpha.some((v) => v > 0);
  for (let i = 0; i < lab.l.length; i++) {
    if (useAlpha && alpha[i] === 0) continue;
    count++;
    for (let c = 0; c < 3; c++) {
      const v = channels[c][i];
      sum[c] += v;
      sumSq[c] += v * v;
    }
  }
  const mean = sum.map((s) => s / count) as [number, number, number];
  const std = sumSq.map((s, c) => Math.sqrt(Math.max(0, s / count - mean[c] * mean[c]))) as [number, number, number];
  return { mean, std };
}

/**
 * Reinhard et al. (2001) colour transfer, in CIELAB: each L*a*b* channel of the source is shifted and scaled so
 * that its mean and standard deviation become the style image's. Alpha is the source's, untouched.
 */
export async function transferColor(source: Raster, style: Raster, rows: RowScheduler): Promise<Raster> {
  const target = labStats(planesToLab(style.r, style.g, style.b), style.alpha);
  rows.throwIfAborted();
  const lab = planesToLab(source.r, source.g, source.b);
  const from = labStats(lab, source.alpha);
  const channels = [lab.l, lab.a, lab.b];
  const scale = from.std.map((s, c) => (s < FLAT_STD ? 1 : target.std[c] / s));
  await rows.rows(source.width, source.height, (y0, y1) => {
    for (let i = y0 * source.width; i < y1 * source.width; i++) {
      for (let c = 0; c < 3; c++) channels[c][i] = (channels[c][i] - from.mean[c]) * scale[c] + target.mean[c];
    }
  });
  const { r, g, b } = labToPlanes(lab);
  return withPlanes(source, r, g, b);
}
