import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { planesToLab } from './cielab.js';
import { labStats } from './color-transfer.js';
import { STYLE_NAMES } from './named-styles.js';
import { rasterFromPixels } from './raster.js';
import { StyleTransferEngine } from './style-transfer-engine.js';
import { StyleTransferAbortedError, StyleTransferError } from './style-transfer-errors.js';

const engine = new StyleTransferEngine();

/** A width × height image from a function of (x, y) to [r, g, b] or [r, g, b, a] bytes. */
function image(width: number, height: number, channels: 3 | 4, pixel: (x: number, y: number) => number[]) {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * channels);
  }
  return sharp(data, { raw: { width, height, channels } });
}

async function decodeStats(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raster = rasterFromPixels(data, info.width, info.height, 3);
  return labStats(planesToLab(raster.r, raster.g, raster.b), null);
}

// a muted blue-grey gradient and a warm orange-brown one: both well inside the sRGB gamut
const source = () => image(96, 64, 3, (x, y) => [60 + x, 80 + y, 120 + ((x + y) % 40)]);
const style = () => image(80, 80, 3, (x, y) => [170 + (x % 50), 110 + (y % 40), 40 + ((x * y) % 30)]);

describe('StyleTransferEngine', () => {
  it('moves the Lab means and deviations of the input to the style image’s', async () => {
    const styleImage = await style().png().toBuffer();
    const input = await source().png().toBuffer();
    const out = await engine.apply(input, { styleImage });
    const [got, want, before] = await Promise.all([decodeStats(out.png), decodeStats(styleImage), decodeStats(input)]);
    expect(out).toMatchObject({ width: 96, height: 64, style: 'style_image' });
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(got.mean[c] - want.mean[c])).toBeLessThan(1);
      expect(Math.abs(got.std[c] - want.std[c])).toBeLessThan(0.1 * want.std[c] + 0.5);
      // it moved: the input was far from the style on every channel's mean
      expect(Math.abs(before.mean[c] - want.mean[c])).toBeGreaterThan(5);
    }
  });

  it.each(STYLE_NAMES)('%s reads PNG, JPEG and WebP and writes a PNG of the same size', async (name) => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const input = await source().toFormat(format).toBuffer();
      const out = await engine.apply(input, { style: name });
      const meta = await sharp(out.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 96, height: 64 });
      expect(out).toMatchObject({ width: 96, height: 64, style: name });
      expect(out.ms).toBeGreaterThan(0);
    }
  });

  it('writes no EXIF, XMP or ICC metadata of the input, and applies its EXIF orientation', async () => {
    const input = await source()
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Torque test', Artist: 'someone' } })
      .withIccProfile('p3')
      .toBuffer();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif).toBeDefined();
    expect(inputMeta.icc).toBeDefined();
    const out = await engine.apply(input, { style: 'sepia' });
    const meta = await sharp(out.png).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // orientation 6 (rotate 90° clockwise) is applied, not kept
    expect([out.width, out.height]).toEqual([64, 96]);
  });

  it.each(['oil', 'pencil', 'cartoon', 'smooth', 'sepia', 'style_image'])(
    '%s keeps the alpha channel',
    async (name) => {
      const rgba = image(40, 30, 4, (x, y) => [x * 6, y * 8, 128, (x * 7 + y * 3) % 256]);
      const input = await rgba.png().toBuffer();
      const options = name === 'style_image' ? { styleImage: await style().png().toBuffer() } : { style: name };
      const out = await engine.apply(input, options as Parameters<StyleTransferEngine['apply']>[1]);
      const { data, info } = await sharp(out.png).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(4);
      for (let y = 0; y < 30; y++) {
        for (let x = 0; x < 40; x++) expect(data[(y * 40 + x) * 4 + 3]).toBe((x * 7 + y * 3) % 256);
      }
    },
  );

  it('pencil output is grey', async () => {
    const out = await engine.apply(await style().png().toBuffer(), { style: 'pencil' });
    const { data, info } = await sharp(out.png).raw().toBuffer({ resolveWithObject: true });
    let spread = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      spread = Math.max(spread, Math.abs(data[i] - data[i + 1]), Math.abs(data[i] - data[i + 2]));
    }
    expect(spread).toBe(0);
  });

  it('refuses what is not an image, and an empty buffer, with a typed error', async () => {
    for (const input of [Buffer.from('not an image at all'), Buffer.alloc(0)]) {
      await expect(engine.apply(input, { style: 'oil' })).rejects.toMatchObject({
        name: 'StyleTransferError',
        code: 'invalid_image',
      });
    }
    const png = await source().png().toBuffer();
    await expect(engine.apply(png, { styleImage: Buffer.from('nope') })).rejects.toMatchObject({
      code: 'invalid_image',
      message: expect.stringContaining('styleImage'),
    });
    const gif = await source().gif().toBuffer();
    await expect(engine.apply(gif, { style: 'oil' })).rejects.toMatchObject({ code: 'invalid_image' });
  });

  it('refuses an image over maxPixels, naming the limit', async () => {
    const small = new StyleTransferEngine({ maxPixels: 96 * 64 - 1 });
    const input = await source().png().toBuffer();
    const err = await small.apply(input, { style: 'sepia' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StyleTransferError);
    expect(err).toMatchObject({ code: 'too_many_pixels', message: expect.stringContaining('6143 (maxPixels)') });
    await expect(
      new StyleTransferEngine({ maxPixels: 96 * 64 }).apply(input, { style: 'sepia' }),
    ).resolves.toBeDefined();
  });

  it('refuses an unknown style or a bad radius', async () => {
    const input = await source().png().toBuffer();
    await expect(engine.apply(input, { style: 'vangogh' as 'oil' })).rejects.toMatchObject({ code: 'invalid_options' });
    for (const radius of [0, 1.5, 33]) {
      await expect(engine.apply(input, { style: 'oil', radius })).rejects.toMatchObject({ code: 'invalid_options' });
    }
  });

  it('rejects with an AbortError when the signal is already aborted or fires during the work', async () => {
    const input = await source().png().toBuffer();
    await expect(engine.apply(input, { style: 'oil' }, AbortSignal.abort())).rejects.toBeInstanceOf(
      StyleTransferAbortedError,
    );
    const big = await image(1024, 1024, 3, (x, y) => [x & 255, y & 255, (x ^ y) & 255])
      .png()
      .toBuffer();
    const controller = new AbortController();
    const running = engine.apply(big, { style: 'cartoon' }, controller.signal);
    setTimeout(() => controller.abort(), 30);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
