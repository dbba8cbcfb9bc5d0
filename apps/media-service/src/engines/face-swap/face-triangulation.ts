/**
 * The triangles the face is warped with. human ships MediaPipe's triangulation of all 468 mesh points, but it
 * truncates the points to whole pixels: at 1024 px a face's 880 triangles are 1-6 px across, so a pixel of
 * rounding turns their affine maps into smears. The warp uses instead a Delaunay triangulation of the
 * landmarks below, computed once on human's canonical (frontal) UV map of the mesh: triangles of 5-30 px on
 * such a face, with eye, brow, nose and lip contours still among their vertices.
 */
export const WARP_LANDMARKS: readonly number[] = [
  // face oval
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136,
  172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
  // lips, outer and inner
  61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185, 78, 88, 178, 87, 14, 317,
  402, 318, 308, 310, 311, 312, 13, 82, 81, 80,
  // eyes (right, left)
  33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246, 263, 249, 390, 373, 374, 380, 381, 382,
  362, 398, 384, 385, 386, 387, 388, 466,
  // brows (right, left)
  70, 63, 105, 66, 107, 46, 53, 52, 65, 55, 300, 293, 334, 296, 336, 276, 283, 282, 295, 285,
  // nose
  1, 2, 98, 327, 4, 5, 195, 197, 6, 168, 48, 278, 64, 294, 129, 358, 94, 19,
  // cheeks, forehead, chin
  50, 280, 205, 425, 187, 411, 117, 346, 118, 347, 123, 352, 147, 376, 213, 433, 192, 416, 207, 427, 36, 266, 151, 9, 8,
  108, 337, 69, 299, 104, 333, 199, 175, 200, 18, 83, 313, 201, 421, 32, 262,
];

/**
 * Delaunay triangulation (Bowyer-Watson) of the points `xy` (interleaved), as index triples into `ids`. Quadratic:
 * meant for the couple of hundred landmarks above, once per process.
 */
export function delaunay(xy: ArrayLike<number>, ids: readonly number[]): Uint16Array {
  const n = xy.length / 2;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xy[2 * i]);
    maxX = Math.max(maxX, xy[2 * i]);
    minY = Math.min(minY, xy[2 * i + 1]);
    maxY = Math.max(maxY, xy[2 * i + 1]);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;
  // points n, n+1, n+2: a super-triangle that holds every point
  const px = Float64Array.from({ length: n + 3 }, (_, i) => (i < n ? xy[2 * i] : 0));
  const py = Float64Array.from({ length: n + 3 }, (_, i) => (i < n ? xy[2 * i + 1] : 0));
  [px[n], py[n]] = [midX - 20 * span, midY - span];
  [px[n + 1], py[n + 1]] = [midX, midY + 20 * span];
  [px[n + 2], py[n + 2]] = [midX + 20 * span, midY - span];

  type Triangle = { a: number; b: number; c: number; cx: number; cy: number; r2: number };
  const make = (a: number, b: number, c: number): Triangle => {
    const ax = px[a];
    const ay = py[a];
    const bx = px[b] - ax;
    const by = py[b] - ay;
    const cx = px[c] - ax;
    const cy = py[c] - ay;
    const d = 2 * (bx * cy - by * cx);
    const ux = (cy * (bx * bx + by * by) - by * (cx * cx + cy * cy)) / d;
    const uy = (bx * (cx * cx + cy * cy) - cx * (bx * bx + by * by)) / d;
    return { a, b, c, cx: ax + ux, cy: ay + uy, r2: ux * ux + uy * uy };
  };
  let triangles: Triangle[] = [make(n, n + 1, n + 2)];
  for (let p = 0; p < n; p++) {
    const bad: Triangle[] = [];
    const kept: Triangle[] = [];
    for (const t of triangles) {
      const dx = px[p] - t.cx;
      const dy = py[p] - t.cy;
      (dx * dx + dy * dy < t.r2 ? bad : kept).push(t);
    }
    // the hole's boundary: edges of exactly one bad triangle
    const edges = new Map<string, [number, number]>();
    for (const t of bad) {
      for (const [u, v] of [
        [t.a, t.b],
        [t.b, t.c],
        [t.c, t.a],
      ]) {
        const key = u < v ? `${u},${v}` : `${v},${u}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [u, v]);
      }
    }
    for (const [u, v] of edges.values()) kept.push(make(u, v, p));
    triangles = kept;
  }
  const out: number[] = [];
  for (const t of triangles) {
    if (t.a >= n || t.b >= n || t.c >= n) continue;
    out.push(ids[t.a], ids[t.b], ids[t.c]);
  }
  return Uint16Array.from(out);
}

/** The warp's triangles over mesh point indices, from the mesh's canonical UV coordinates. */
export function warpTriangulation(uv: ReadonlyArray<readonly [number, number]>): Uint16Array {
  const ids = [...new Set(WARP_LANDMARKS)];
  const xy = new Float64Array(ids.length * 2);
  ids.forEach((id, k) => {
    xy[2 * k] = uv[id][0];
    xy[2 * k + 1] = uv[id][1];
  });
  return delaunay(xy, ids);
}

/** The inner lip contour (upper from the right corner, then lower back): the mouth's opening in the target. */
export const MOUTH_OPENING: readonly number[] = [
  78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95,
];

/** For each mesh point, the point mirrored across the face's midline (nearest to (1 − u, v) on the UV map). */
export function mirrorPoints(uv: ReadonlyArray<readonly [number, number]>): Uint16Array {
  const mirror = new Uint16Array(uv.length);
  for (let i = 0; i < uv.length; i++) {
    const mu = 1 - uv[i][0];
    const v = uv[i][1];
    let best = i;
    let bestD = Infinity;
    for (let j = 0; j < uv.length; j++) {
      const d = (uv[j][0] - mu) ** 2 + (uv[j][1] - v) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    mirror[i] = best;
  }
  return mirror;
}

/** Which half of the face triangle `t` (its first index / 3) lies in: -1 (u < 0.5), 1 (u > 0.5), 0 across. */
export function triangleSide(
  triangles: Uint16Array,
  uv: ReadonlyArray<readonly [number, number]>,
  t: number,
): -1 | 0 | 1 {
  const us = [uv[triangles[t]][0], uv[triangles[t + 1]][0], uv[triangles[t + 2]][0]];
  if (us.every((u) => u < 0.5)) return -1;
  if (us.every((u) => u > 0.5)) return 1;
  return 0;
}

/** The half (0: u < 0.5, 1: the rest) of each triangle, by its centroid on the UV map. */
export function triangleHalves(triangles: Uint16Array, uv: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const halves = new Uint8Array(triangles.length / 3);
  for (let t = 0; t < triangles.length; t += 3) {
    const u = (uv[triangles[t]][0] + uv[triangles[t + 1]][0] + uv[triangles[t + 2]][0]) / 3;
    halves[t / 3] = u < 0.5 ? 0 : 1;
  }
  return halves;
}

/** How much more a half of the face must be stretched than the other before it is taken from the other half. */
const MIRROR_STRETCH = 1.6;

/**
 * The source triangle for each target triangle. A face turned away from the camera shows one half foreshortened
 * (or hidden): warped onto a target that shows that half, its few pixels smear. When one half of the source must
 * be stretched more than MIRROR_STRETCH times as much as the other to fit the target, that half is taken from the
 * other half of the source, mirrored (faces are near enough symmetric).
 */
export function sourceTriangles(
  triangles: Uint16Array,
  uv: ReadonlyArray<readonly [number, number]>,
  mirror: Uint16Array,
  sourcePoints: Float32Array,
  targetPoints: Float32Array,
): { triangles: Uint16Array; mirrored: 'none' | 'left' | 'right' } {
  const area = (p: Float32Array, a: number, b: number, c: number) =>
    Math.abs(
      (p[2 * b] - p[2 * a]) * (p[2 * c + 1] - p[2 * a + 1]) - (p[2 * c] - p[2 * a]) * (p[2 * b + 1] - p[2 * a + 1]),
    );
  const side = (t: number) => triangleSide(triangles, uv, t);
  const sums = { source: [0, 0], target: [0, 0] };
  for (let t = 0; t < triangles.length; t += 3) {
    const s = side(t);
    if (s === 0) continue;
    const k = s < 0 ? 0 : 1;
    sums.source[k] += area(sourcePoints, triangles[t], triangles[t + 1], triangles[t + 2]);
    sums.target[k] += area(targetPoints, triangles[t], triangles[t + 1], triangles[t + 2]);
  }
  const stretch = [0, 1].map((k) => sums.target[k] / Math.max(sums.source[k], 1e-6));
  const mirrored =
    stretch[0] > MIRROR_STRETCH * stretch[1] ? 'left' : stretch[1] > MIRROR_STRETCH * stretch[0] ? 'right' : 'none';
  const out = Uint16Array.from(triangles);
  if (mirrored === 'none') return { triangles: out, mirrored };
  // every triangle whose centroid is on that half, so that all pixels come from one half of the source
  const halves = triangleHalves(triangles, uv);
  const replace = mirrored === 'left' ? 0 : 1;
  for (let t = 0; t < triangles.length; t += 3) {
    if (halves[t / 3] !== replace) continue;
    for (let j = 0; j < 3; j++) out[t + j] = mirror[triangles[t + j]];
  }
  return { triangles: out, mirrored };
}
