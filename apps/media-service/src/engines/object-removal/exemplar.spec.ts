import { describe, expect, it } from '@jest/globals';
import { exemplarInpaint } from './exemplar.js';
import { psnr } from './quality.js';

/** Diagonal stripes of period 12 in two colours with some seeded noise: a texture Telea would smear. */
function stripes(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  let seed = 5;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const n = (seed >>> 8) % 11;
      const dark = (x + y) % 12 < 5;
      rgb.set(dark ? [40 + n, 60 + n, 90 + n] : [200 + n, 180 + n, 120 + n], 3 * (y * width + x));
    }
  }
  return rgb;
}

function square(width: number, height: number, x0: number, y0: number, side: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = y0; y < y0 + side; y++) mask.fill(1, y * width + x0, y * width + x0 + side);
  return mask;
}

describe('exemplarInpaint', () => {
  const width = 160;
  const height = 120;

  it('fills a hole in a textured scene far better than leaving it, reporting progress as it goes', async () => {
    const truth = stripes(width, height);
    const mask = square(width, height, 60, 40, 36);
    const holed = truth.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) holed.set([255, 0, 255], 3 * i);
    const filled = holed.slice();
    const fractions: number[] = [];
    const stats = await exemplarInpaint(filled, width, height, mask, mask, {
      checkpoint: (f) => void fractions.push(f),
    });
    const as = (data: Uint8Array) => ({ data, width, height, channels: 3 as const });
    const before = psnr(as(holed), as(truth), mask);
    const after = psnr(as(filled), as(truth), mask);
    // the hole left magenta is about 5 dB from the truth; a patch fill of these stripes, well over 20
    expect(after).toBeGreaterThan(before * 3);
    expect(after).toBeGreaterThan(before + 15);
    let magenta = 0;
    let moved = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] && filled[3 * i] === 255 && filled[3 * i + 1] === 0 && filled[3 * i + 2] === 255) magenta++;
      if (!mask[i] && [0, 1, 2].some((c) => filled[3 * i + c] !== truth[3 * i + c])) moved++;
    }
    // every hole pixel now takes a colour of the scene, none the object's magenta; nothing outside the hole moved
    expect({ magenta, moved }).toEqual({ magenta: 0, moved: 0 });
    expect(stats.patches).toBeGreaterThan(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    for (const f of fractions) expect(f).toBeLessThanOrEqual(1);
  });

  it('leaves other unknown regions alone and never copies from them', async () => {
    const truth = stripes(width, height);
    const target = square(width, height, 20, 20, 20);
    const other = square(width, height, 100, 60, 30);
    const unknown = target.map((v, i) => v | other[i]);
    const rgb = truth.slice();
    for (let i = 0; i < unknown.length; i++) if (unknown[i]) rgb.set([255, 0, 255], 3 * i);
    await exemplarInpaint(rgb, width, height, target, unknown);
    let wrong = 0;
    for (let i = 0; i < unknown.length; i++) {
      const magenta = rgb[3 * i] === 255 && rgb[3 * i + 1] === 0 && rgb[3 * i + 2] === 255;
      if (magenta !== (other[i] === 1)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('stops when its checkpoint throws', async () => {
    const rgb = stripes(width, height);
    const mask = square(width, height, 30, 30, 60);
    const stop = new Error('stop');
    await expect(
      exemplarInpaint(rgb, width, height, mask, mask, {
        checkpoint: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
  });

  it('refuses a mask that leaves no whole patch to copy from', async () => {
    const mask = square(40, 40, 5, 5, 30);
    await expect(exemplarInpaint(stripes(40, 40), 40, 40, mask, mask)).rejects.toThrow(RangeError);
  });
});
