/** A rectangle of an image, in whole pixels: the face's working area. Planes and masks over it are row-major. */
export interface Region {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** The bounding box of interleaved (x, y) points grown by `pad` pixels each side, clipped to the image. */
export function regionAround(points: Float32Array, pad: number, imageWidth: number, imageHeight: number): Region {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  const x0 = Math.max(0, Math.floor(minX - pad));
  const y0 = Math.max(0, Math.floor(minY - pad));
  const x1 = Math.min(imageWidth, Math.ceil(maxX + pad) + 1);
  const y1 = Math.min(imageHeight, Math.ceil(maxY + pad) + 1);
  return { x0, y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** The convex hull of interleaved (x, y) points, counter-clockwise in image axes (Andrew's monotone chain). */
export function convexHull(points: Float32Array): Float32Array {
  const order = Array.from({ length: points.length / 2 }, (_, i) => i).sort(
    (a, b) => points[2 * a] - points[2 * b] || points[2 * a + 1] - points[2 * b + 1],
  );
  const cross = (o: number, a: number, b: number) =>
    (points[2 * a] - points[2 * o]) * (points[2 * b + 1] - points[2 * o + 1]) -
    (points[2 * a + 1] - points[2 * o + 1]) * (points[2 * b] - points[2 * o]);
  const lower: number[] = [];
  for (const i of order) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], i) <= 0) lower.pop();
    lower.push(i);
  }
  const upper: number[] = [];
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], i) <= 0) upper.pop();
    upper.push(i);
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1));
  const out = new Float32Array(hull.length * 2);
  hull.forEach((i, k) => {
    out[2 * k] = points[2 * i];
    out[2 * k + 1] = points[2 * i + 1];
  });
  return out;
}

/** 1 for the region's pixels (at their integer coordinates) inside the polygon (even-odd rule), else 0. */
export function fillPolygon(polygon: Float32Array, region: Region): Uint8Array {
  const { x0, y0, width, height } = region;
  const mask = new Uint8Array(width * height);
  const n = polygon.length / 2;
  if (n < 3) return mask;
  const crossings: number[] = [];
  for (let y = 0; y < height; y++) {
    const py = y + y0;
    crossings.length = 0;
    for (let k = 0; k < n; k++) {
      const ax = polygon[2 * k];
      const ay = polygon[2 * k + 1];
      const bx = polygon[(2 * k + 2) % polygon.length];
      const by = polygon[(2 * k + 3) % polygon.length];
      // half-open in y, so that a vertex on the line counts once
      if (ay <= py !== by <= py) crossings.push(ax + ((py - ay) / (by - ay)) * (bx - ax) - x0);
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k]));
      const to = Math.min(width - 1, Math.floor(crossings[k + 1]));
      for (let x = from; x <= to; x++) mask[y * width + x] = 1;
    }
  }
  return mask;
}

/**
 * For each pixel of the mask, its distance in pixels to the nearest pixel outside it (3-4 chamfer, within about 8%
 * of the Euclidean distance); 0 outside. The region's edge does not count as outside: a face cut by the image's
 * border keeps its pixels there.
 */
export function distanceInside(mask: Uint8Array, width: number, height: number): Float32Array {
  const far = 3 * (width + height);
  const d = new Float32Array(width * height);
  for (let i = 0; i < d.length; i++) d[i] = mask[i] ? far : 0;
  const relax = (i: number, j: number, cost: number) => {
    if (d[j] + cost < d[i]) d[i] = d[j] + cost;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      if (x > 0) relax(i, i - 1, 3);
      if (y > 0) {
        relax(i, i - width, 3);
        if (x > 0) relax(i, i - width - 1, 4);
        if (x < width - 1) relax(i, i - width + 1, 4);
      }
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      if (x < width - 1) relax(i, i + 1, 3);
      if (y < height - 1) {
        relax(i, i + width, 3);
        if (x < width - 1) relax(i, i + width + 1, 4);
        if (x > 0) relax(i, i + width - 1, 4);
      }
    }
  }
  for (let i = 0; i < d.length; i++) d[i] /= 3;
  return d;
}
