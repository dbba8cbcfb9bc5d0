import { labToSrgb, srgbToLab } from '../style-transfer/cielab.js';
import type { Planes } from './triangle-warp.js';

/** Below this deviation a channel is flat: it is shifted to the skin's mean, not scaled. */
const FLAT_STD = 1e-3;

/** Mean and standard deviation of each L*a*b* channel over the pixels where `mask` is set. */
export function maskedLabStats(planes: Planes, mask: Uint8Array): { mean: number[]; std: number[]; count: number } {
  const sum = [0, 0, 0];
  const sumSq = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const lab = srgbToLab(planes.r[i], planes.g[i], planes.b[i]);
    count++;
    for (let c = 0; c < 3; c++) {
      sum[c] += lab[c];
      sumSq[c] += lab[c] * lab[c];
    }
  }
  const mean = sum.map((s) => (count ? s / count : 0));
  const std = sumSq.map((s, c) => (count ? Math.sqrt(Math.max(0, s / count - mean[c] * mean[c])) : 0));
  return { mean, std, count };
}

/**
 * Reinhard et al. (2001) in CIELAB, restricted to the face: the warped face's pixels (where `apply` is set) are
 * shifted and scaled per L*a*b* channel so that its statistics over `mask` become the target's over the same
 * pixels, the target's skin under the target's light. In place.
 */
export function matchFaceColors(warped: Planes, target: Planes, mask: Uint8Array, apply: Uint8Array): void {
  const from = maskedLabStats(warped, mask);
  const to = maskedLabStats(target, mask);
  if (from.count === 0) return;
  const scale = from.std.map((s, c) => (s < FLAT_STD ? 1 : to.std[c] / s));
  for (let i = 0; i < apply.length; i++) {
    if (!apply[i]) continue;
    const lab = srgbToLab(warped.r[i], warped.g[i], warped.b[i]);
    const rgb = labToSrgb(
      (lab[0] - from.mean[0]) * scale[0] + to.mean[0],
      (lab[1] - from.mean[1]) * scale[1] + to.mean[1],
      (lab[2] - from.mean[2]) * scale[2] + to.mean[2],
    );
    warped.r[i] = rgb[0];
    warped.g[i] = rgb[1];
    warped.b[i] = rgb[2];
  }
}
