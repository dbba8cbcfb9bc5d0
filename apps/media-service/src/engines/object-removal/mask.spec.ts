import { describe, expect, it } from '@jest/globals';
import { components, countSet, dilate, paintBoxes, selectComponents, squaredDistanceTo } from './mask.js';

describe('paintBoxes', () => {
  it('paints boxes clipped to the image and skips those outside it', () => {
    const mask = new Uint8Array(10 * 6);
    const painted = paintBoxes(mask, 10, 6, [
      { x: -2, y: -2, width: 4, height: 3 },
      { x: 8, y: 4, width: 10, height: 10 },
      { x: 20, y: 0, width: 3, height: 3 },
      { x: 1, y: 0, width: 1, height: 1 },
    ]);
    expect(painted).toBe(3);
    // (0, 0) and (1, 0) from the first box (the last one paints (1, 0) again), 2 × 2 from the second
    expect(countSet(mask)).toBe(2 + 4);
    expect(mask[0]).toBe(1);
    expect(mask[1]).toBe(1);
    expect(mask[10]).toBe(0);
    expect(mask[5 * 10 + 9]).toBe(1);
  });
});

describe('squaredDistanceTo and dilate', () => {
  it('computes exact squared Euclidean distances', () => {
    const mask = new Uint8Array(9 * 7);
    mask[3 * 9 + 4] = 1;
    const d = squaredDistanceTo(mask, 9, 7, 1);
    for (let y = 0; y < 7; y++) {
      for (let x = 0; x < 9; x++) expect(d[y * 9 + x]).toBe((x - 4) ** 2 + (y - 3) ** 2);
    }
  });

  it('grows a mask by a disc, and leaves it as it is for radius 0', () => {
    const mask = new Uint8Array(21 * 21);
    mask[10 * 21 + 10] = 1;
    const grown = dilate(mask, 21, 21, 3);
    for (let y = 0; y < 21; y++) {
      for (let x = 0; x < 21; x++) expect(grown[y * 21 + x]).toBe((x - 10) ** 2 + (y - 10) ** 2 <= 9 ? 1 : 0);
    }
    expect(countSet(grown)).toBe(29);
    expect(Array.from(dilate(mask, 21, 21, 0))).toEqual(Array.from(mask));
  });
});

describe('components', () => {
  it('labels 8-connected components with their areas and half-widths', () => {
    const w = 30;
    const h = 20;
    const mask = new Uint8Array(w * h);
    // a 9 × 9 square, a diagonal line (one component under 8-connectivity) and a 3-pixel-wide bar
    for (let y = 2; y < 11; y++) for (let x = 2; x < 11; x++) mask[y * w + x] = 1;
    for (let i = 0; i < 6; i++) mask[(12 + i) * w + 2 + i] = 1;
    for (let y = 2; y < 5; y++) for (let x = 14; x < 29; x++) mask[y * w + x] = 1;
    const parts = components(mask, w, h);
    expect(parts.count).toBe(3);
    expect(parts.areas.slice(1)).toEqual([81, 45, 6]);
    expect(parts.radii.slice(1)).toEqual([5, 2, 1]);
    const bar = selectComponents(parts, (k) => parts.areas[k] === 45);
    expect(countSet(bar)).toBe(45);
    expect(bar[3 * w + 20]).toBe(1);
    expect(bar[5 * w + 5]).toBe(0);
  });
});
