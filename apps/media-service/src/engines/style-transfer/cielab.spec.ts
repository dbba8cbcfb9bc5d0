import { describe, expect, it } from '@jest/globals';
import { labToSrgb, srgbToLab } from './cielab.js';

describe('CIELAB conversions', () => {
  it.each([
    [
      [1, 1, 1],
      [100, 0, 0],
    ],
    [
      [0, 0, 0],
      [0, 0, 0],
    ],
    [
      [1, 0, 0],
      [53.24, 80.09, 67.2],
    ],
    [
      [0, 1, 0],
      [87.73, -86.18, 83.18],
    ],
    [
      [0, 0, 1],
      [32.3, 79.19, -107.86],
    ],
  ])('sRGB %j is L*a*b* %j (D65)', (rgb, lab) => {
    const got = srgbToLab(rgb[0], rgb[1], rgb[2]);
    for (let c = 0; c < 3; c++) expect(got[c]).toBeCloseTo(lab[c], 1);
  });

  it('round-trips every 8-bit level of a 17³ grid to within half a level', () => {
    for (let r = 0; r <= 255; r += 16) {
      for (let g = 0; g <= 255; g += 16) {
        for (let b = 0; b <= 255; b += 16) {
          const [l, a, bb] = srgbToLab(r / 255, g / 255, b / 255);
          const back = labToSrgb(l, a, bb);
          expect(Math.abs(back[0] * 255 - r)).toBeLessThan(0.5);
          expect(Math.abs(back[1] * 255 - g)).toBeLessThan(0.5);
          expect(Math.abs(back[2] * 255 - b)).toBeLessThan(0.5);
        }
      }
    }
  });
});
