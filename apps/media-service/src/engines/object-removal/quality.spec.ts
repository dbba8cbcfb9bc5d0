import { describe, expect, it } from '@jest/globals';
import { crop, maskBounds, psnr, ssim, type PixelImage } from './quality.js';

function image(width: number, height: number, channels: 1 | 3, value: (x: number, y: number, c: number) => number) {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = value(x, y, c);
    }
  }
  return { data, width, height, channels } satisfies PixelImage;
}

const texture = (x: number, y: number, c: number) => ((x * 7 + y * 13 + c * 50 + ((x * y) % 17)) % 200) + 20;

describe('psnr', () => {
  it('is Infinity for identical images', () => {
    const a = image(32, 24, 3, texture);
    expect(psnr(a, image(32, 24, 3, texture))).toBe(Infinity);
  });

  it('is 10·log10(255² / d²) for noise of ±d on every value', () => {
    const a = image(40, 30, 3, texture);
    for (const d of [1, 5, 20]) {
      const b = image(40, 30, 3, (x, y, c) => texture(x, y, c) + ((x + y + c) % 2 ? d : -d));
      expect(psnr(a, b)).toBeCloseTo(10 * Math.log10((255 * 255) / (d * d)), 10);
    }
  });

  it('counts only the masked pixels when given a mask, and refuses an empty one', () => {
    const a = image(20, 20, 1, () => 100);
    const b = image(20, 20, 1, (x) => (x < 10 ? 100 : 110));
    const left = new Uint8Array(400).map((_, i) => (i % 20 < 10 ? 1 : 0));
    const right = left.map((v) => 1 - v);
    expect(psnr(a, b, left)).toBe(Infinity);
    expect(psnr(a, b, right)).toBeCloseTo(10 * Math.log10((255 * 255) / 100), 10);
    expect(psnr(a, b)).toBeCloseTo(10 * Math.log10((255 * 255) / 50), 10);
    expect(() => psnr(a, b, new Uint8Array(400))).toThrow(RangeError);
  });

  it('compares RGB with RGBA by colour and refuses images of different sizes', () => {
    const rgb = image(8, 8, 3, texture);
    const rgba: PixelImage = { data: new Uint8Array(8 * 8 * 4), width: 8, height: 8, channels: 4 };
    for (let i = 0; i < 64; i++) {
      rgba.data.set(rgb.data.subarray(3 * i, 3 * i + 3), 4 * i);
      rgba.data[4 * i + 3] = i;
    }
    expect(psnr(rgb, rgba)).toBe(Infinity);
    expect(() => psnr(rgb, image(8, 9, 3, texture))).toThrow(RangeError);
  });
});

describe('ssim', () => {
  it('is 1 for identical images', () => {
    const a = image(48, 40, 3, texture);
    expect(ssim(a, image(48, 40, 3, texture))).toBeCloseTo(1, 12);
  });

  it('matches the closed form for two flat images: (2ab + C1) / (a² + b² + C1)', () => {
    const c1 = (0.01 * 255) ** 2;
    for (const [va, vb] of [
      [100, 120],
      [30, 200],
      [0, 255],
    ]) {
      const got = ssim(
        image(16, 16, 1, () => va),
        image(16, 16, 1, () => vb),
      );
      expect(got).toBeCloseTo((2 * va * vb + c1) / (va * va + vb * vb + c1), 12);
    }
  });

  it('falls as noise grows and is symmetric', () => {
    const a = image(64, 64, 3, texture);
    let seed = 9;
    const noise = (amplitude: number) =>
      image(64, 64, 3, (x, y, c) => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return Math.max(0, Math.min(255, texture(x, y, c) + ((seed >>> 8) % (2 * amplitude + 1)) - amplitude));
      });
    const [small, large] = [noise(5), noise(40)];
    const s = ssim(a, small);
    const l = ssim(a, large);
    expect(s).toBeLessThan(1);
    expect(l).toBeLessThan(s - 0.1);
    expect(ssim(small, a)).toBeCloseTo(s, 12);
  });

  it('refuses images smaller than its window', () => {
    expect(() =>
      ssim(
        image(10, 30, 1, () => 0),
        image(10, 30, 1, () => 0),
      ),
    ).toThrow(RangeError);
  });
});

describe('crop and maskBounds', () => {
  it('crops a clipped rectangle and bounds a mask', () => {
    const a = image(10, 8, 3, (x, y, c) => x * 10 + y + c);
    const part = crop(a, { x: 7, y: 6, width: 5, height: 5 });
    expect([part.width, part.height]).toEqual([3, 2]);
    expect(Array.from(part.data.subarray(0, 3))).toEqual([76, 77, 78]);
    const mask = new Uint8Array(80);
    expect(maskBounds(mask, 10, 8)).toBeNull();
    mask[2 * 10 + 3] = 1;
    mask[5 * 10 + 8] = 1;
    expect(maskBounds(mask, 10, 8)).toEqual({ x: 3, y: 2, width: 6, height: 4 });
  });
});
