import type { Region } from './face-mask.js';

/** Decoded interleaved 8-bit pixels (sharp's raw output), 3 or 4 channels. */
export interface PixelImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Three colour planes over a region, floats in [0, 1] (sRGB-encoded, as decoded). */
export interface Planes {
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

export interface WarpedFace extends Planes {
  /** 1 where some triangle of the mesh covers the pixel. */
  covered: Uint8Array;
}

/** A pixel on a shared edge belongs to both triangles; this slack keeps rounding from leaving cracks. */
const EDGE_SLACK = 1e-4;

/**
 * Piecewise-affine warp of a mesh: every triangle of the target's mesh is filled, pixel by pixel, with the source
 * image sampled (bilinear) at the point of the source's triangle with the same barycentric coordinates. Where
 * triangles overlap (a turned face folds its mesh), the one nearer the camera at that pixel wins.
 *
 * `sourcePoints` / `targetPoints` are interleaved (x, y) in their images' pixels; `targetDepth` the target's z.
 * Triangle k is `targetTriangles[3k..3k+2]` in the target and `sourceTriangles[3k..3k+2]` in the source (the same
 * points, or their mirror images). `onTriangles` runs every `chunk` triangles (to check a signal and yield).
 */
export async function warpMesh(
  source: PixelImage,
  sourcePoints: Float32Array,
  sourceTriangles: Uint16Array,
  targetPoints: Float32Array,
  targetDepth: Float32Array,
  targetTriangles: Uint16Array,
  region: Region,
  onTriangles: () => Promise<void>,
  chunk = 128,
): Promise<WarpedFace> {
  const { width, height, x0, y0 } = region;
  const n = width * height;
  const out: WarpedFace = {
    r: new Float32Array(n),
    g: new Float32Array(n),
    b: new Float32Array(n),
    covered: new Uint8Array(n),
  };
  const zBuffer = new Float32Array(n).fill(Infinity);
  const sample = bilinearSampler(source);
  const rgb: [number, number, number] = [0, 0, 0];
  for (let t = 0; t < targetTriangles.length; t += 3) {
    if (t > 0 && t % (3 * chunk) === 0) await onTriangles();
    const [i0, i1, i2] = [targetTriangles[t], targetTriangles[t + 1], targetTriangles[t + 2]];
    const [j0, j1, j2] = [sourceTriangles[t], sourceTriangles[t + 1], sourceTriangles[t + 2]];
    const ax = targetPoints[2 * i0] - x0;
    const ay = targetPoints[2 * i0 + 1] - y0;
    const bx = targetPoints[2 * i1] - x0;
    const by = targetPoints[2 * i1 + 1] - y0;
    const cx = targetPoints[2 * i2] - x0;
    const cy = targetPoints[2 * i2 + 1] - y0;
    const det = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if (Math.abs(det) < 1e-6) continue;
    const sx = sourcePoints[2 * j0];
    const sy = sourcePoints[2 * j0 + 1];
    const sux = sourcePoints[2 * j1] - sx;
    const suy = sourcePoints[2 * j1 + 1] - sy;
    const svx = sourcePoints[2 * j2] - sx;
    const svy = sourcePoints[2 * j2 + 1] - sy;
    const z0 = targetDepth[i0];
    const zu = targetDepth[i1] - z0;
    const zv = targetDepth[i2] - z0;
    const left = Math.max(0, Math.ceil(Math.min(ax, bx, cx) - 1));
    const right = Math.min(width - 1, Math.floor(Math.max(ax, bx, cx) + 1));
    const top = Math.max(0, Math.ceil(Math.min(ay, by, cy) - 1));
    const bottom = Math.min(height - 1, Math.floor(Math.max(ay, by, cy) + 1));
    for (let y = top; y <= bottom; y++) {
      for (let x = left; x <= right; x++) {
        // barycentric (u, v) of (x, y) in the target triangle a + u (b - a) + v (c - a)
        const u = ((x - ax) * (cy - ay) - (cx - ax) * (y - ay)) / det;
        const v = ((bx - ax) * (y - ay) - (x - ax) * (by - ay)) / det;
        if (u < -EDGE_SLACK || v < -EDGE_SLACK || u + v > 1 + EDGE_SLACK) continue;
        const i = y * width + x;
        const z = z0 + u * zu + v * zv;
        if (z >= zBuffer[i]) continue;
        zBuffer[i] = z;
        sample(sx + u * sux + v * svx, sy + u * suy + v * svy, rgb);
        out.r[i] = rgb[0];
        out.g[i] = rgb[1];
        out.b[i] = rgb[2];
        out.covered[i] = 1;
      }
    }
  }
  return out;
}

/** Samples an image's colour at a real-valued point (clamped to the image), bilinear, into `out` in [0, 1]. */
function bilinearSampler(image: PixelImage) {
  const { pixels, width, height, channels } = image;
  const stride = width * channels;
  return (x: number, y: number, out: [number, number, number]): void => {
    const cx = x < 0 ? 0 : x > width - 1 ? width - 1 : x;
    const cy = y < 0 ? 0 : y > height - 1 ? height - 1 : y;
    const x0 = Math.min(width - 2, Math.floor(cx));
    const y0 = Math.min(height - 2, Math.floor(cy));
    const fx = cx - x0;
    const fy = cy - y0;
    const p00 = y0 * stride + x0 * channels;
    const p01 = p00 + channels;
    const p10 = p00 + stride;
    const p11 = p10 + channels;
    const w00 = (1 - fx) * (1 - fy);
    const w01 = fx * (1 - fy);
    const w10 = (1 - fx) * fy;
    const w11 = fx * fy;
    for (let c = 0; c < 3; c++) {
      out[c] = (pixels[p00 + c] * w00 + pixels[p01 + c] * w01 + pixels[p10 + c] * w10 + pixels[p11 + c] * w11) / 255;
    }
  };
}
