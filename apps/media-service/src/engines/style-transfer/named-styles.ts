import { gaussianBlur } from './box-filter.js';
import { guidedFilter } from './guided-filter.js';
import { kuwahara } from './kuwahara.js';
import { luma, withPlanes, type Raster } from './raster.js';
import type { RowScheduler } from './row-scheduler.js';

export const STYLE_NAMES = ['oil', 'pencil', 'cartoon', 'smooth', 'sepia'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** The radius each style uses when the caller gives none (sepia has none). */
export const DEFAULT_RADIUS: Readonly<Record<StyleName, number>> = {
  oil: 4,
  pencil: 8,
  cartoon: 4,
  smooth: 5,
  sepia: 0,
};
export const MAX_RADIUS = 32;

/** Guided-filter eps for `smooth`: differences below about √eps = 0.1 (26 levels of 255) are smoothed away. */
const SMOOTH_EPS = 0.01;
/** `cartoon` flattens harder before it quantizes. */
const CARTOON_EPS = 0.02;
/** Levels per channel in `cartoon`: 5³ colours at most. */
const CARTOON_LEVELS = 5;
/** Normalized Sobel magnitude (1 = a full black-to-white step) where cartoon edges start and become black. */
const EDGE_FROM = 0.12;
const EDGE_FULL = 0.3;

export function isStyleName(value: unknown): value is StyleName {
  return typeof value === 'string' && (STYLE_NAMES as readonly string[]).includes(value);
}

export async function applyNamedStyle(
  raster: Raster,
  style: StyleName,
  radius: number,
  rows: RowScheduler,
): Promise<Raster> {
  switch (style) {
    case 'oil':
      return kuwahara(raster, radius, rows);
    case 'smooth':
      return smooth(raster, radius, SMOOTH_EPS, rows);
    case 'cartoon':
      return cartoon(raster, radius, rows);
    case 'pencil':
      return pencil(raster, radius, rows);
    case 'sepia':
      return sepia(raster);
  }
}

async function smooth(raster: Raster, radius: number, eps: number, rows: RowScheduler): Promise<Raster> {
  const { width, height } = raster;
  const r = await guidedFilter(raster.r, width, height, radius, eps, rows);
  const g = await guidedFilter(raster.g, width, height, radius, eps, rows);
  const b = await guidedFilter(raster.b, width, height, radius, eps, rows);
  return withPlanes(raster, r, g, b);
}

/** Normalized Sobel gradient magnitude of a plane (borders replicated). */
async function sobel(plane: Float32Array, width: number, height: number, rows: RowScheduler): Promise<Float32Array> {
  const out = new Float32Array(plane.length);
  const at = (x: number, y: number) =>
    plane[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))];
  await rows.rows(width, height, (y0, y1) => {
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < width; x++) {
        const gx =
          at(x + 1, y - 1) +
          2 * at(x + 1, y) +
          at(x + 1, y + 1) -
          at(x - 1, y - 1) -
          2 * at(x - 1, y) -
          at(x - 1, y + 1);
        const gy =
          at(x - 1, y + 1) +
          2 * at(x, y + 1) +
          at(x + 1, y + 1) -
          at(x - 1, y - 1) -
          2 * at(x, y - 1) -
          at(x + 1, y - 1);
        out[y * width + x] = Math.hypot(gx, gy) / 4;
      }
    }
  });
  return out;
}

/** Smoothing twice, colours quantized to a few levels per channel, dark lines where the smoothed luma has edges. */
async function cartoon(raster: Raster, radius: number, rows: RowScheduler): Promise<Raster> {
  const flat = await smooth(await smooth(raster, radius, CARTOON_EPS, rows), radius, CARTOON_EPS, rows);
  const edges = await sobel(luma(flat), raster.width, raster.height, rows);
  const step = CARTOON_LEVELS - 1;
  const planes = [flat.r, flat.g, flat.b].map((plane) => {
    const out = new Float32Array(plane.length);
    for (let i = 0; i < plane.length; i++) {
      const ink = Math.min(1, Math.max(0, (edges[i] - EDGE_FROM) / (EDGE_FULL - EDGE_FROM)));
      out[i] = (Math.round(Math.min(1, Math.max(0, plane[i])) * step) / step) * (1 - ink);
    }
    return out;
  });
  return withPlanes(raster, planes[0], planes[1], planes[2]);
}

/**
 * Pencil sketch: grey, then colour dodge of the grey by its blurred negative. Flat areas divide to white, and the
 * dark side of every edge stays dark, in proportion to the edge's contrast. R = G = B.
 */
async function pencil(raster: Raster, radius: number, rows: RowScheduler): Promise<Raster> {
  const grey = luma(raster);
  const negative = new Float32Array(grey.length);
  for (let i = 0; i < grey.length; i++) negative[i] = 1 - grey[i];
  const blurred = await gaussianBlur(negative, raster.width, raster.height, radius, rows);
  const sketch = new Float32Array(grey.length);
  for (let i = 0; i < grey.length; i++) sketch[i] = Math.min(1, grey[i] / Math.max(1e-3, 1 - blurred[i]));
  return withPlanes(raster, sketch, sketch.slice(), sketch.slice());
}

/** The common sepia tone matrix (as in many image editors), on the sRGB values. */
function sepia(raster: Raster): Raster {
  const { r, g, b } = raster;
  const outR = new Float32Array(r.length);
  const outG = new Float32Array(r.length);
  const outB = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) {
    outR[i] = Math.min(1, 0.393 * r[i] + 0.769 * g[i] + 0.189 * b[i]);
    outG[i] = Math.min(1, 0.349 * r[i] + 0.686 * g[i] + 0.168 * b[i]);
    outB[i] = Math.min(1, 0.272 * r[i] + 0.534 * g[i] + 0.131 * b[i]);
  }
  return withPlanes(raster, outR, outG, outB);
}
