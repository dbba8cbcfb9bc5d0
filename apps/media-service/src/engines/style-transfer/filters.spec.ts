import { describe, expect, it } from '@jest/globals';
import { boxMean } from './box-filter.js';
import { kuwahara } from './kuwahara.js';
import { applyNamedStyle } from './named-styles.js';
import type { Raster } from './raster.js';
import { RowScheduler } from './row-scheduler.js';
import { StyleTransferAbortedError } from './style-transfer-errors.js';

const rows = new RowScheduler();

/** Deterministic noise in [-amplitude, amplitude]. */
function noise(seed: number, amplitude: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return ((state / 0xffffffff) * 2 - 1) * amplitude;
  };
}

/** A grey image, 0.2 left of column `edge` and 0.8 from it on, plus noise. */
function noisyStep(width: number, height: number, edge: number, amplitude = 0.08): Raster {
  const next = noise(42, amplitude);
  const plane = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) plane[y * width + x] = (x < edge ? 0.2 : 0.8) + next();
  }
  return { width, height, r: plane, g: plane.slice(), b: plane.slice(), alpha: null };
}

/** Variance of a plane over columns [x0, x1) of all rows. */
function variance(plane: Float32Array, width: number, x0: number, x1: number): number {
  const values: number[] = [];
  for (let i = 0; i < plane.length; i++) if (i % width >= x0 && i % width < x1) values.push(plane[i]);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

/** Mean of column x. */
function column(plane: Float32Array, width: number, x: number): number {
  let sum = 0;
  for (let i = x; i < plane.length; i += width) sum += plane[i];
  return sum / (plane.length / width);
}

describe('boxMean', () => {
  it('equals the brute-force mean over the clipped window', async () => {
    const [width, height, radius] = [7, 5, 2];
    const next = noise(1, 1);
    const src = Float32Array.from({ length: width * height }, next);
    const out = await boxMean(src, width, height, radius, rows);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let v = Math.max(0, y - radius); v <= Math.min(height - 1, y + radius); v++) {
          for (let u = Math.max(0, x - radius); u <= Math.min(width - 1, x + radius); u++, n++)
            sum += src[v * width + u];
        }
        expect(out[y * width + x]).toBeCloseTo(sum / n, 5);
      }
    }
  });
});

describe('edge-preserving styles', () => {
  const [width, height, edge] = [48, 32, 24];
  const input = noisyStep(width, height, edge);

  it.each([
    ['oil', 4],
    ['smooth', 5],
  ] as const)('%s smooths the flat halves and keeps the step edge sharp', async (style, radius) => {
    const out = await applyNamedStyle(input, style, radius, rows);
    // inside each half, away from the edge: much less variance than the noise put in
    for (const [x0, x1] of [
      [6, 18],
      [30, 42],
    ]) {
      expect(variance(out.r, width, x0, x1)).toBeLessThan(variance(input.r, width, x0, x1) / 3);
    }
    // the columns either side of the edge keep their own side's level (a box blur would give ~0.5 there)
    expect(column(out.r, width, edge - 1)).toBeLessThan(0.3);
    expect(column(out.r, width, edge)).toBeGreaterThan(0.7);
  });

  it('oil smooths more with a larger radius', async () => {
    const small = await kuwahara(input, 1, rows);
    const large = await kuwahara(input, 5, rows);
    expect(variance(large.r, width, 6, 18)).toBeLessThan(variance(small.r, width, 6, 18));
  });
});

describe('pencil', () => {
  it('is grey, white in flat areas and dark along the dark side of an edge', async () => {
    const colourful: Raster = { ...noisyStep(40, 20, 20, 0), alpha: null };
    colourful.g = colourful.g.map((v) => v * 0.5);
    const out = await applyNamedStyle(colourful, 'pencil', 4, rows);
    for (let i = 0; i < out.r.length; i++) {
      expect(out.g[i]).toBe(out.r[i]);
      expect(out.b[i]).toBe(out.r[i]);
    }
    expect(column(out.r, 40, 2)).toBeGreaterThan(0.99);
    expect(column(out.r, 40, 37)).toBeGreaterThan(0.99);
    expect(column(out.r, 40, 19)).toBeLessThan(0.8);
  });
});

describe('cartoon', () => {
  it('reduces the number of distinct colours and inks the edges dark', async () => {
    const [width, height] = [64, 32];
    const next = noise(7, 0.05);
    const raster: Raster = {
      width,
      height,
      r: new Float32Array(width * height),
      g: new Float32Array(width * height),
      b: new Float32Array(width * height),
      alpha: null,
    };
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        raster.r[i] = x / width + next();
        raster.g[i] = (x < 32 ? 0.15 : 0.85) + next();
        raster.b[i] = y / height + next();
      }
    }
    const distinct = (r: Raster) => {
      const colours = new Set<number>();
      for (let i = 0; i < r.r.length; i++) {
        colours.add((Math.round(r.r[i] * 255) << 16) | (Math.round(r.g[i] * 255) << 8) | Math.round(r.b[i] * 255));
      }
      return colours.size;
    };
    const out = await applyNamedStyle(raster, 'cartoon', 3, rows);
    expect(distinct(out)).toBeLessThan(distinct(raster) / 20);
    const brightness = (x: number) => column(out.r, width, x) + column(out.g, width, x) + column(out.b, width, x);
    expect(brightness(31) + brightness(32)).toBeLessThan((brightness(20) + brightness(44)) / 2);
  });
});

describe('sepia', () => {
  it('tones mid grey to the sepia matrix and keeps r >= g >= b', async () => {
    const plane = new Float32Array([0.5, 0, 1, 0.25]);
    const out = await applyNamedStyle(
      { width: 4, height: 1, r: plane, g: plane.slice(), b: plane.slice(), alpha: null },
      'sepia',
      0,
      rows,
    );
    expect(out.r[0]).toBeCloseTo(0.5 * (0.393 + 0.769 + 0.189), 5);
    expect(out.g[0]).toBeCloseTo(0.5 * (0.349 + 0.686 + 0.168), 5);
    expect(out.b[0]).toBeCloseTo(0.5 * (0.272 + 0.534 + 0.131), 5);
    expect(out.r[1]).toBe(0);
    expect(out.r[2]).toBe(1);
    for (let i = 0; i < 4; i++) {
      expect(out.r[i]).toBeGreaterThanOrEqual(out.g[i]);
      expect(out.g[i]).toBeGreaterThanOrEqual(out.b[i]);
    }
  });
});

describe('RowScheduler', () => {
  it('stops a pass at the next chunk of rows once the signal fires, with an AbortError', async () => {
    const controller = new AbortController();
    const scheduler = new RowScheduler(controller.signal);
    const seen: number[] = [];
    // width 1 << 15: two rows a chunk, 10 chunks
    const pass = scheduler.rows(1 << 15, 20, (y0) => {
      seen.push(y0);
      if (seen.length === 2) controller.abort(new Error('client went away'));
    });
    await expect(pass).rejects.toBeInstanceOf(StyleTransferAbortedError);
    await expect(pass).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 2]);
  });

  it('sees an abort from a timer while a pass runs', async () => {
    const controller = new AbortController();
    const scheduler = new RowScheduler(controller.signal);
    let chunks = 0;
    setTimeout(() => controller.abort(), 5);
    const started = Date.now();
    const pass = scheduler.rows(1 << 16, 1_000_000, () => {
      chunks++;
      while (Date.now() - started < chunks) {
        // a millisecond of work per chunk
      }
    });
    await expect(pass).rejects.toBeInstanceOf(StyleTransferAbortedError);
    expect(chunks).toBeGreaterThan(0);
    expect(chunks).toBeLessThan(1000);
  });
});
