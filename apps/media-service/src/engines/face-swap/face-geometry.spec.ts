import { describe, expect, it } from '@jest/globals';
import { featherBlend, poissonBlend } from './blend.js';
import { convexHull, distanceInside, fillPolygon, regionAround } from './face-mask.js';
import { delaunay } from './face-triangulation.js';
import { warpMesh, type Planes } from './triangle-warp.js';

const noCheck = async () => undefined;

function planes(width: number, height: number, f: (x: number, y: number, c: number) => number): Planes {
  const make = (c: number) =>
    Float32Array.from({ length: width * height }, (_, i) => f(i % width, Math.floor(i / width), c));
  return { r: make(0), g: make(1), b: make(2) };
}

/** A deterministic texture in [0.2, 0.8]: what a face's skin and features look like to the solver. */
const texture = (x: number, y: number, c: number) =>
  0.5 + 0.3 * Math.sin(0.37 * x + 0.11 * y * (c + 1)) * Math.cos(0.23 * y);

function disc(width: number, height: number, cx: number, cy: number, r: number): Uint8Array {
  return Uint8Array.from({ length: width * height }, (_, i) =>
    Math.hypot((i % width) - cx, Math.floor(i / width) - cy) < r ? 1 : 0,
  );
}

describe('poissonBlend', () => {
  it('keeps the source gradients and meets the target: a harmonic difference is removed exactly', async () => {
    const width = 120;
    const height = 100;
    const target = planes(width, height, texture);
    // source = target + a linear (harmonic) field: the seamless clone of it is the target itself
    const source = planes(width, height, (x, y, c) => texture(x, y, c) + 0.2 - 0.002 * x + 0.001 * y * (c - 1));
    const inside = disc(width, height, 60, 50, 40);
    const { planes: out, sweeps } = await poissonBlend(target, source, inside, width, height, noCheck);
    let worst = 0;
    let before = 0;
    for (let i = 0; i < inside.length; i++) {
      worst = Math.max(worst, Math.abs(out.r[i] - target.r[i]), Math.abs(out.g[i] - target.g[i]));
      if (inside[i]) before = Math.max(before, Math.abs(source.r[i] - target.r[i]));
      if (!inside[i]) expect(out.b[i]).toBe(target.b[i]);
    }
    expect(before).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1 / 255);
    expect(sweeps).toBeGreaterThan(0);
  });

  it('pastes the source’s detail, shifted to the target’s level at the seam', async () => {
    const width = 80;
    const height = 80;
    const target = planes(width, height, () => 0.3);
    const source = planes(width, height, (x, y, c) => 0.7 + 0.1 * texture(x, y, c));
    const inside = disc(width, height, 40, 40, 30);
    const { planes: out } = await poissonBlend(target, source, inside, width, height, noCheck);
    // the source is a constant plus detail; the target a constant: the result is the detail on the target's level
    for (let i = 0; i < inside.length; i++) {
      if (!inside[i]) continue;
      const detail = source.g[i] - 0.7 - 0.05;
      expect(Math.abs(out.g[i] - 0.3 - detail)).toBeLessThan(0.03);
    }
  });

  it('stops at a checkpoint that throws', async () => {
    const width = 200;
    const height = 200;
    const target = planes(width, height, () => 0);
    const source = planes(width, height, texture);
    const inside = disc(width, height, 100, 100, 90);
    const stop = async () => {
      throw new Error('stopped');
    };
    await expect(poissonBlend(target, source, inside, width, height, stop)).rejects.toThrow('stopped');
  });
});

describe('featherBlend', () => {
  it('is the target at the edge, the source from `feather` pixels in, and monotone between', () => {
    const target = planes(5, 1, () => 0);
    const source = planes(5, 1, () => 1);
    const out = featherBlend(target, source, Float32Array.from([0, 1, 2, 4, 8]), 4);
    expect(Array.from(out.r)).toEqual([0, expect.any(Number), 0.5, 1, 1]);
    expect(out.r[1]).toBeGreaterThan(0);
    expect(out.r[1]).toBeLessThan(0.5);
  });
});

describe('masks', () => {
  it('fills a polygon by the even-odd rule and measures distances inside it', () => {
    const region = { x0: 10, y0: 20, width: 30, height: 30 };
    // a 20 × 20 square from (15, 25): 21 columns; rows are half-open (a shared edge belongs to one polygon), 20
    const square = Float32Array.from([15, 25, 35, 25, 35, 45, 15, 45]);
    const mask = fillPolygon(square, region);
    expect(mask.reduce((s, v) => s + v, 0)).toBe(21 * 20);
    expect(mask[(25 - 20) * 30 + (15 - 10)]).toBe(1);
    expect(mask[(24 - 20) * 30 + (15 - 10)]).toBe(0);
    const distance = distanceInside(mask, 30, 30);
    const centre = (35 - 20) * 30 + (25 - 10);
    // nearest outside pixel: row 45, 10 below
    expect(distance[centre]).toBeCloseTo(10, 5);
    expect(distance[(25 - 20) * 30 + (15 - 10)]).toBe(1);
    expect(distance[0]).toBe(0);
  });

  it('takes the convex hull of points, corners only', () => {
    const points = Float32Array.from([0, 0, 10, 0, 5, 5, 10, 10, 0, 10, 3, 7]);
    const hull = Array.from(convexHull(points));
    expect(hull.length).toBe(8);
    for (const [x, y] of [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]) {
      expect(hull.some((_, k) => k % 2 === 0 && hull[k] === x && hull[k + 1] === y)).toBe(true);
    }
    expect(regionAround(points, 2, 11, 100)).toEqual({ x0: 0, y0: 0, width: 11, height: 13 });
  });
});

describe('delaunay', () => {
  it('triangulates points with no point inside any triangle’s circumcircle', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 10000) / 10000;
    const n = 60;
    const xy = Float64Array.from({ length: 2 * n }, random);
    const ids = Array.from({ length: n }, (_, i) => 1000 + i);
    const triangles = delaunay(xy, ids);
    expect(triangles.length % 3).toBe(0);
    const hull = convexHull(Float32Array.from(xy)).length / 2;
    // Euler: a triangulation of n points with h on the hull has 2n - 2 - h triangles
    expect(triangles.length / 3).toBe(2 * n - 2 - hull);
    for (let t = 0; t < triangles.length; t += 3) {
      const [a, b, c] = [triangles[t] - 1000, triangles[t + 1] - 1000, triangles[t + 2] - 1000];
      const [ax, ay, bx, by, cx, cy] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]];
      for (let p = 0; p < n; p++) {
        if (p === a || p === b || p === c) continue;
        const [dx, dy] = [xy[2 * p], xy[2 * p + 1]];
        // in-circle determinant, sign-corrected for the triangle's orientation
        const m = [
          [ax - dx, ay - dy, (ax - dx) ** 2 + (ay - dy) ** 2],
          [bx - dx, by - dy, (bx - dx) ** 2 + (by - dy) ** 2],
          [cx - dx, cy - dy, (cx - dx) ** 2 + (cy - dy) ** 2],
        ];
        const det =
          m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
          m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
          m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        const orientation = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
        expect(det * orientation).toBeLessThanOrEqual(1e-12);
      }
    }
  });
});

describe('warpMesh', () => {
  it('maps each target triangle onto its source triangle: an affine mesh reproduces the affine image', async () => {
    const width = 64;
    const height = 48;
    const channels = 3;
    const pixels = new Uint8Array(width * height * channels);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels.set([x * 4, y * 5, (x * y) % 256], (y * width + x) * channels);
    }
    // a 5 × 4 grid over the source, two triangles a cell; the target is the source scaled by 1.5 and moved
    const source: number[] = [];
    for (let j = 0; j < 4; j++) for (let i = 0; i < 5; i++) source.push(8 + 10 * i, 6 + 10 * j);
    const target = source.map((v, k) => (k % 2 === 0 ? 1.5 * v - 5 : 1.5 * v - 2));
    const triangles: number[] = [];
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 4; i++) {
        const p = j * 5 + i;
        triangles.push(p, p + 1, p + 5, p + 1, p + 6, p + 5);
      }
    }
    const tri = Uint16Array.from(triangles);
    const targetPoints = Float32Array.from(target);
    const region = regionAround(targetPoints, 0, 100, 100);
    const warped = await warpMesh(
      { pixels, width, height, channels },
      Float32Array.from(source),
      tri,
      targetPoints,
      new Float32Array(source.length / 2),
      tri,
      region,
      noCheck,
    );
    let covered = 0;
    for (let y = 0; y < region.height; y++) {
      for (let x = 0; x < region.width; x++) {
        const i = y * region.width + x;
        if (!warped.covered[i]) continue;
        covered++;
        // inverse of the target's map, then the source's red (4x) and green (5y) ramps
        const sx = (x + region.x0 + 5) / 1.5;
        const sy = (y + region.y0 + 2) / 1.5;
        expect(warped.r[i] * 255).toBeCloseTo(4 * sx, 0);
        expect(warped.g[i] * 255).toBeCloseTo(5 * sy, 0);
      }
    }
    // the grid's 60 × 45 target rectangle, whole
    expect(covered).toBe(61 * 46);
  });
});
