/**
 * @jest-environment ./apps/media-service/src/engines/background-removal/onnx-jest-environment.mjs
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import sharp from 'sharp';
import type { EngineContext, EngineResult } from '../media-engine.js';
import { BackgroundRemovalEngine } from './background-removal-engine.js';
import { isnetModelReads, isnetSession } from './isnet-session.js';
import { removeBackgroundDirect } from './remove-background-direct.js';

// One ISNet inference takes 2-6 s on a 2-core machine: the specs share the few they need.
const SLOW = 120_000;

/** A person photo (three people before a dark wall), 1920 × 1280 JPEG with EXIF, from @vladmandic/face-api. */
const sampleJpeg = readFileSync(createRequire(import.meta.url).resolve('@vladmandic/face-api/demo/sample1.jpg'));
/** The photo at 960 × 640 (PNG, so imgly and the engine read the same pixels), and at 192 × 128. */
let samplePhoto: Buffer;
let smallPhoto: Buffer;

function context(signal = new AbortController().signal) {
  const progress = jest.fn<EngineContext['progress']>();
  return { ctx: { signal, progress }, progress };
}

async function alphaOf(png: Buffer) {
  const { data, info } = await sharp(png).extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  return { alpha: data, width: info.width, height: info.height };
}

/** The mean of `plane` (width wide) over the rectangle [x0, x1) × [y0, y1). */
function meanOver(plane: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += plane[y * width + x];
  return sum / ((x1 - x0) * (y1 - y0));
}

const engine = new BackgroundRemovalEngine();
let foreground: EngineResult;
let foregroundProgress: ReturnType<typeof context>['progress'];

beforeAll(async () => {
  samplePhoto = await sharp(sampleJpeg).resize(960, 640).png().toBuffer();
  smallPhoto = await sharp(sampleJpeg).resize(192, 128).png().toBuffer();
  const { ctx, progress } = context();
  foreground = await engine.run({ images: { image: samplePhoto }, parameters: {} }, ctx);
  foregroundProgress = progress;
}, SLOW);

describe('BackgroundRemovalEngine', () => {
  it('is the background_removal engine local:isnet-<model>', () => {
    expect(engine).toMatchObject({ taskType: 'background_removal', name: 'local:isnet-medium' });
    expect(new BackgroundRemovalEngine({ model: 'small' }).name).toBe('local:isnet-small');
  });

  it('keeps the people of a photo and drops the wall behind them', async () => {
    expect(foreground).toMatchObject({ width: 960, height: 640, engine: 'local:isnet-medium' });
    expect(foreground.metadata).toMatchObject({ model: 'medium', execution_provider: 'cpu' });
    const fraction = foreground.metadata.foreground_fraction as number;
    expect(fraction).toBeGreaterThan(0.05);
    expect(fraction).toBeLessThan(0.95);
    expect(foreground.metadata.inference_ms).toBeGreaterThan(0);
    expect(foreground.metadata.ms).toBeGreaterThanOrEqual(foreground.metadata.inference_ms as number);

    const meta = await sharp(foreground.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 960, height: 640, channels: 4 });
    const { alpha, width, height } = await alphaOf(foreground.png);
    let kept = 0;
    let sumX = 0;
    let sumY = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (alpha[y * width + x] < 128) continue;
        kept++;
        sumX += x;
        sumY += y;
      }
    }
    // the reported fraction is the share of pixels with alpha >= 128
    expect(kept / (width * height)).toBeCloseTo(fraction, 6);
    // opaque around the centre of what it kept, transparent in the corners (the wall; floor bottom right)
    const cx = Math.round(sumX / kept);
    const cy = Math.round(sumY / kept);
    const rx = Math.round(width * 0.03);
    const ry = Math.round(height * 0.03);
    const centre = meanOver(alpha, width, cx - rx, cy - ry, cx + rx, cy + ry);
    const corners = [
      meanOver(alpha, width, 0, 0, rx, ry),
      meanOver(alpha, width, width - rx, 0, width, ry),
      meanOver(alpha, width, 0, height - ry, rx, height),
      meanOver(alpha, width, width - rx, height - ry, width, height),
    ];
    expect(centre).toBeGreaterThan(230);
    for (const corner of corners) expect(corner).toBeLessThan(128);
    expect(corners.reduce((a, b) => a + b) / 4).toBeLessThan(32);
  });

  it('keeps the input’s colours under the new alpha', async () => {
    const input = await sharp(samplePhoto).removeAlpha().raw().toBuffer();
    const output = await sharp(foreground.png).raw().toBuffer();
    for (let i = 0; i < input.length / 3; i += 997) {
      expect([output[4 * i], output[4 * i + 1], output[4 * i + 2]]).toEqual([
        input[3 * i],
        input[3 * i + 1],
        input[3 * i + 2],
      ]);
    }
  });

  it('reports progress at decode, around inference and at compose, in order', () => {
    expect(foregroundProgress.mock.calls.map(([percent]) => percent)).toEqual([10, 20, 80, 90]);
  });

  it(
    'gives the matte imgly’s own removeBackground gives, within a small mean difference',
    async () => {
      const reference = await alphaOf(await removeBackgroundDirect(samplePhoto, 'medium'));
      const ours = await alphaOf(foreground.png);
      expect([reference.width, reference.height]).toEqual([ours.width, ours.height]);
      let sum = 0;
      let far = 0;
      for (let i = 0; i < ours.alpha.length; i++) {
        const diff = Math.abs(ours.alpha[i] - reference.alpha[i]);
        sum += diff;
        if (diff > 32) far++;
      }
      // measured: 1.4 levels on average, 0.2% of pixels more than 32 apart (sharp's resize against imgly's)
      expect(sum / ours.alpha.length).toBeLessThan(3);
      expect(far / ours.alpha.length).toBeLessThan(0.01);
    },
    SLOW,
  );

  it(
    'output mask is a grey PNG of the input’s size holding the foreground’s alpha',
    async () => {
      const { ctx } = context();
      const mask = await engine.run({ images: { image: samplePhoto }, parameters: { output: 'mask' } }, ctx);
      const meta = await sharp(mask.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 960, height: 640, channels: 1, hasAlpha: false });
      expect(mask.metadata.foreground_fraction).toBe(foreground.metadata.foreground_fraction);
      // sharp decodes a grey PNG to three equal bands
      const grey = await sharp(mask.png).extractChannel(0).raw().toBuffer();
      const { alpha } = await alphaOf(foreground.png);
      expect(grey.equals(alpha)).toBe(true);
    },
    SLOW,
  );

  it(
    'applies the EXIF orientation and writes no EXIF, XMP or ICC',
    async () => {
      const input = await sharp(sampleJpeg)
        .resize(300, 200)
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({ IFD0: { Copyright: 'Torque test', Artist: 'someone' } })
        .withIccProfile('p3')
        .toBuffer();
      const inputMeta = await sharp(input).metadata();
      expect(inputMeta).toMatchObject({ orientation: 6 });
      expect(inputMeta.exif).toBeDefined();
      const { ctx } = context();
      const result = await engine.run({ images: { image: input }, parameters: {} }, ctx);
      const meta = await sharp(result.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 200, height: 300, channels: 4 });
      expect([result.width, result.height]).toEqual([200, 300]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    },
    SLOW,
  );

  it('with executionProvider cuda and no GPU, runs on CPU and logs why, once', async () => {
    const log = jest.fn<(level: 'info' | 'warn', message: string) => void>();
    const cuda = new BackgroundRemovalEngine({ executionProvider: 'cuda', log });
    const reads = isnetModelReads('medium');
    await cuda.warm();
    await cuda.warm();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/^CUDA is unavailable for ISNet medium, .*CPU: \S/));
    const [onCuda, onCpu] = await Promise.all([isnetSession('medium', 'cuda'), isnetSession('medium', 'cpu')]);
    expect(onCuda).toMatchObject({ executionProvider: 'cpu', cudaFallbackReason: expect.any(String) });
    // the fallback is the process's CPU session, not a second copy of the weights
    expect(onCuda.session).toBe(onCpu.session);
    expect(isnetModelReads('medium')).toBe(reads + 1);
  });

  it(
    'loads a model once per process: warm twice and more runs read the weights once, into one session',
    async () => {
      const { session } = await isnetSession('medium', 'cpu');
      const reads = isnetModelReads('medium');
      expect(reads).toBeGreaterThanOrEqual(1);
      const another = new BackgroundRemovalEngine();
      await another.warm();
      await another.warm();
      const result = await another.run({ images: { image: smallPhoto }, parameters: {} }, context().ctx);
      expect(result).toMatchObject({ engine: 'local:isnet-medium', width: 192, height: 128 });
      expect(isnetModelReads('medium')).toBe(reads);
      expect((await isnetSession('medium', 'cpu')).session).toBe(session);
    },
    SLOW,
  );

  it(
    'runs the small weights when a task’s model parameter says so',
    async () => {
      expect(isnetModelReads('small')).toBe(0);
      const result = await engine.run({ images: { image: smallPhoto }, parameters: { model: 'small' } }, context().ctx);
      expect(result).toMatchObject({ engine: 'local:isnet-small', width: 192, height: 128 });
      expect(result.metadata).toMatchObject({ model: 'small', execution_provider: 'cpu' });
      expect(result.metadata.foreground_fraction).toBeGreaterThan(0.05);
      expect(result.metadata.foreground_fraction).toBeLessThan(0.95);
      expect(isnetModelReads('small')).toBe(1);
      expect(engine.name).toBe('local:isnet-medium');
    },
    SLOW,
  );

  it('rejects with an AbortError when aborted before the run, reporting no progress', async () => {
    const controller = new AbortController();
    controller.abort();
    const { ctx, progress } = context(controller.signal);
    await expect(engine.run({ images: { image: samplePhoto }, parameters: {} }, ctx)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(progress).not.toHaveBeenCalled();
  });

  it('rejects with an AbortError before inference when aborted after decoding', async () => {
    const controller = new AbortController();
    const { ctx, progress } = context(controller.signal);
    progress.mockImplementation((percent) => {
      if (percent === 10) controller.abort();
    });
    await expect(engine.run({ images: { image: samplePhoto }, parameters: {} }, ctx)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(progress.mock.calls.map(([percent]) => percent)).toEqual([10]);
  });

  describe('refuses with invalid_input', () => {
    const refused = ({ field, message }: { field: string; message: RegExp }) =>
      expect.objectContaining({
        name: 'MediaEngineError',
        code: 'invalid_input',
        field,
        message: expect.stringMatching(message),
      });

    it('bytes that are not an image, and no image at all', async () => {
      const run = (image?: Buffer) => engine.run({ images: { image }, parameters: {} }, context().ctx);
      await expect(run(Buffer.from('not an image at all'))).rejects.toEqual(
        refused({ field: 'image', message: /not an image/ }),
      );
      await expect(run(undefined)).rejects.toEqual(refused({ field: 'image', message: /missing/ }));
      await expect(run(Buffer.alloc(0))).rejects.toEqual(refused({ field: 'image', message: /empty/ }));
    });

    it('a GIF', async () => {
      const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
        .gif()
        .toBuffer();
      await expect(engine.run({ images: { image: gif }, parameters: {} }, context().ctx)).rejects.toEqual(
        refused({ field: 'image', message: /gif, not PNG, JPEG or WebP/ }),
      );
    });

    it('an image over maxPixels', async () => {
      const capped = new BackgroundRemovalEngine({ maxPixels: 960 * 640 - 1 });
      await expect(capped.run({ images: { image: samplePhoto }, parameters: {} }, context().ctx)).rejects.toEqual(
        refused({ field: 'image', message: /960×640 = 614400 pixels, over the limit of 614399/ }),
      );
    });

    it('an unknown model or output', async () => {
      const run = (parameters: Record<string, unknown>) =>
        engine.run({ images: { image: samplePhoto }, parameters }, context().ctx);
      await expect(run({ model: 'large' })).rejects.toEqual(refused({ field: 'model', message: /small, medium/ }));
      await expect(run({ output: 'background' })).rejects.toEqual(
        refused({ field: 'output', message: /foreground, mask/ }),
      );
    });
  });

  it('refuses bad constructor options', () => {
    expect(() => new BackgroundRemovalEngine({ maxPixels: 0 })).toThrow(/maxPixels/);
    expect(() => new BackgroundRemovalEngine({ model: 'large' as never })).toThrow(/model/);
    expect(() => new BackgroundRemovalEngine({ executionProvider: 'rocm' as never })).toThrow(/executionProvider/);
  });
});
