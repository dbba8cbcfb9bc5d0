/**
 * Binary masks over an image, one byte a pixel (1 = to remove, 0 = keep), row-major: built from boxes, grown by a
 * disc, split into 8-connected components with the measures the `auto` method chooses by.
 */

/** A pixel rectangle as the request's `parameters.boxes` give it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Sets the pixels of each box, clipped to the image, in `mask`; returns how many boxes kept any pixel. */
export function paintBoxes(mask: Uint8Array, width: number, height: number, boxes: readonly Box[]): number {
  let painted = 0;
  for (const box of boxes) {
    const x0 = Math.max(0, box.x);
    const y0 = Math.max(0, box.y);
    const x1 = Math.min(width, box.x + box.width);
    const y1 = Math.min(height, box.y + box.height);
    if (x0 >= x1 || y0 >= y1) continue;
    for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + x1);
    painted++;
  }
  return painted;
}

export function countSet(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

const INF = 1e20;

/** Felzenszwalb-Huttenlocher 1-D squared distance transform of `f` (length n) into `d`, with scratch v and z. */
function edt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < n; q++) {
    let s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) {
      k--;
      s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const dq = q - v[k];
    d[q] = dq * dq + f[v[k]];
  }
}

/**
 * Exact squared Euclidean distance from every pixel to the nearest pixel where `mask[i] === value` (INF-ish where
 * there is none).
 */
export function squaredDistanceTo(mask: Uint8Array, width: number, height: number, value: 0 | 1): Float64Array {
  const n = Math.max(width, height);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const out = new Float64Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = mask[i] === value ? 0 : INF;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = out[y * width + x];
    edt1d(f, height, d, v, z);
    for (let y = 0; y < height; y++) out[y * width + x] = d[y];
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) f[x] = out[row + x];
    edt1d(f, width, d, v, z);
    for (let x = 0; x < width; x++) out[row + x] = d[x];
  }
  return out;
}

/** The mask grown by a disc of `radius` pixels (every pixel within that Euclidean distance of a set one). */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  if (radius <= 0) return mask.slice();
  const dist = squaredDistanceTo(mask, width, height, 1);
  const limit = radius * radius;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = dist[i] <= limit ? 1 : 0;
  return out;
}

export interface Components {
  /** 0 outside the mask, else the component's number from 1. */
  labels: Int32Array;
  count: number;
  /** Pixels of component k at index k (index 0 unused). */
  areas: number[];
  /** Half-width of component k: the largest distance from one of its pixels to the nearest unmasked pixel. */
  radii: number[];
}

/** 8-connected components of the mask, with their areas and half-widths (a stroke's radius, a blob's inradius). */
export function components(mask: Uint8Array, width: number, height: number): Components {
  const labels = new Int32Array(mask.length);
  const areas = [0];
  const radii = [0];
  const inside = squaredDistanceTo(mask, width, height, 0);
  const stack = new Int32Array(mask.length);
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = ++count;
    let area = 0;
    let maxInside = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const i = stack[--top];
      area++;
      if (inside[i] > maxInside) maxInside = inside[i];
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (mask[j] && !labels[j]) {
            labels[j] = label;
            stack[top++] = j;
          }
        }
      }
    }
    areas.push(area);
    radii.push(Math.sqrt(maxInside));
  }
  return { labels, count, areas, radii };
}

/** The pixels of the components whose number `keep(k)` accepts. */
export function selectComponents(parts: Components, keep: (label: number) => boolean): Uint8Array {
  const chosen = new Uint8Array(parts.count + 1);
  for (let k = 1; k <= parts.count; k++) chosen[k] = keep(k) ? 1 : 0;
  const out = new Uint8Array(parts.labels.length);
  for (let i = 0; i < out.length; i++) out[i] = chosen[parts.labels[i]];
  return out;
}
