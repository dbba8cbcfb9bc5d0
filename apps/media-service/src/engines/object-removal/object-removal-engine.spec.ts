import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { MediaEngineError, type EngineContext, type EngineRequest } from '../media-engine.js';
import { ObjectRemovalEngine, TELEA_MAX_COMPONENT_FRACTION } from './object-removal-engine.js';

const engine = new ObjectRemovalEngine();
const MAGENTA = [255, 0, 255];

function context(signal = new AbortController().signal) {
  const progress: [number, string][] = [];
  const ctx: EngineContext = { signal, progress: (percent, message) => void progress.push([percent, message]) };
  return { ctx, progress };
}

/** Raw pixels from a function of (x, y) to bytes (1, 3 or 4 channels). */
function raw(width: number, height: number, channels: 1 | 3 | 4, pixel: (x: number, y: number) => number[]) {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * channels);
  return { data, width, height, channels };
}

function png(image: ReturnType<typeof raw>, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Buffer> {
  const { data, width, height, channels } = image;
  return sharp(data, { raw: { width, height, channels } }).toFormat(format).toBuffer();
}

const inBox = (x: number, y: number, b: { x: number; y: number; width: number; height: number }) =>
  x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;

/** A soft gradient with a diagonal texture, and magenta where `object` says. */
function scene(width: number, height: number, object: (x: number, y: number) => boolean) {
  return raw(width, height, 3, (x, y) =>
    object(x, y) ? MAGENTA : [60 + ((x + 2 * y) % 24) + (x >> 3), 120 + (y >> 2), 90 + ((3 * x + y) % 16)],
  );
}

function maskImage(width: number, height: number, marked: (x: number, y: number) => boolean) {
  return png(raw(width, height, 1, (x, y) => [marked(x, y) ? 255 : 0]));
}

async function decode(out: Buffer) {
  const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
  return { data, ...info };
}

async function run(request: Partial<EngineRequest> & { images: EngineRequest['images'] }) {
  return engine.run({ parameters: {}, ...request }, context().ctx);
}

describe('ObjectRemovalEngine', () => {
  const W = 192;
  const H = 144;
  const big = { x: 60, y: 40, width: 50, height: 40 };

  it('implements the media engine contract', () => {
    expect(engine.taskType).toBe('object_removal');
    expect(engine.name).toBe('local:inpaint');
  });

  it.each(['auto', 'telea', 'patch'])('%s leaves no masked pixel at the object’s colour', async (method) => {
    const object = (x: number, y: number) => inBox(x, y, big);
    const image = await png(scene(W, H, object));
    const mask = await maskImage(W, H, object);
    const { ctx, progress } = context();
    const out = await engine.run({ images: { image, mask }, parameters: { method } }, ctx);
    expect(out).toMatchObject({ width: W, height: H, engine: 'local:inpaint' });
    const got = await decode(out.png);
    expect([got.width, got.height, got.channels]).toEqual([W, H, 3]);
    let nearMagenta = 0;
    for (let y = big.y; y < big.y + big.height; y++) {
      for (let x = big.x; x < big.x + big.width; x++) {
        const p = (y * W + x) * 3;
        if (Math.abs(got.data[p] - 255) + got.data[p + 1] + Math.abs(got.data[p + 2] - 255) < 120) nearMagenta++;
      }
    }
    expect(nearMagenta).toBe(0);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)?.[0]).toBe(100);
  });

  it('auto takes Telea for a small mask and for a thin stroke, patches for a large one, both for both', async () => {
    const small = { x: 20, y: 20, width: 4, height: 5 };
    expect(small.width * small.height).toBeLessThanOrEqual(TELEA_MAX_COMPONENT_FRACTION * W * H);
    const stroke = { x: 10, y: 120, width: 170, height: 2 };
    const cases = [
      { boxes: [small], method: 'telea', components: 1 },
      { boxes: [stroke], method: 'telea', components: 1 },
      { boxes: [big], method: 'patch', components: 1 },
      { boxes: [small, big, stroke], method: 'telea+patch', components: 3 },
    ];
    for (const { boxes, method, components } of cases) {
      const image = await png(scene(W, H, (x, y) => boxes.some((b) => inBox(x, y, b))));
      const out = await run({ images: { image }, parameters: { boxes, dilate: 1 } });
      expect(out.metadata).toMatchObject({ method, requested_method: 'auto', components });
      expect(out.metadata.ms).toEqual(expect.any(Number));
    }
  });

  it('honours an explicit method whatever the mask’s size', async () => {
    const tiny = { x: 30, y: 30, width: 3, height: 3 };
    const image = await png(scene(W, H, () => false));
    const byTelea = await run({ images: { image }, parameters: { boxes: [big], method: 'telea' } });
    expect(byTelea.metadata).toMatchObject({ method: 'telea', patches: 0 });
    const byPatch = await run({ images: { image }, parameters: { boxes: [tiny], method: 'patch' } });
    expect(byPatch.metadata).toMatchObject({ method: 'patch' });
    expect(byPatch.metadata.patches).toBeGreaterThan(0);
  });

  it('records the mask after dilation: size, fraction, components', async () => {
    const image = await png(scene(W, H, () => false));
    const box = { x: 50, y: 50, width: 10, height: 10 };
    const plain = await run({ images: { image }, parameters: { boxes: [box], dilate: 0 } });
    expect(plain.metadata).toMatchObject({ mask_pixels: 100, mask_fraction: 100 / (W * H), components: 1 });
    const grown = await run({ images: { image }, parameters: { boxes: [box] } });
    // the default dilation of 3 px: a 16 × 16 square with its corners rounded
    expect(grown.metadata.mask_pixels).toBeGreaterThan(200);
    expect(grown.metadata.mask_pixels).toBeLessThan(256);
  });

  it('removes the union of the mask and the boxes', async () => {
    const fromMask = { x: 20, y: 20, width: 30, height: 20 };
    const fromBox = { x: 40, y: 30, width: 40, height: 30 };
    const object = (x: number, y: number) => inBox(x, y, fromMask) || inBox(x, y, fromBox);
    const image = await png(scene(W, H, object));
    const mask = await maskImage(W, H, (x, y) => inBox(x, y, fromMask));
    const out = await run({ images: { image, mask }, parameters: { boxes: [fromBox], dilate: 0 } });
    // 600 + 1200 - the 10 × 10 overlap
    expect(out.metadata).toMatchObject({ mask_pixels: 1700, components: 1 });
    const got = await decode(out.png);
    let magenta = 0;
    for (let i = 0; i < W * H; i++) {
      if (got.data[3 * i] > 240 && got.data[3 * i + 1] < 15 && got.data[3 * i + 2] > 240) magenta++;
    }
    expect(magenta).toBe(0);
  });

  it('reads the mask as grey >= 128 (transparent counting as black) or, for a uniform colour, as alpha', async () => {
    const image = await png(scene(W, H, () => false));
    const inside = (x: number, y: number) => inBox(x, y, { x: 10, y: 10, width: 20, height: 10 });
    const grey = await png(raw(W, H, 1, (x, y) => [inside(x, y) ? 128 : 127]));
    const transparentWhite = await png(raw(W, H, 4, (x, y) => [255, 255, 255, inside(x, y) ? 255 : 0]));
    const alphaOnly = await png(raw(W, H, 4, (x, y) => [0, 0, 0, inside(x, y) ? 200 : 0]));
    const colour = await png(raw(W, H, 3, (x, y) => (inside(x, y) ? [255, 255, 255] : [200, 10, 10])));
    for (const mask of [grey, transparentWhite, alphaOnly, colour, await maskImage(W, H, inside)]) {
      const out = await run({ images: { image, mask }, parameters: { dilate: 0 } });
      expect(out.metadata.mask_pixels).toBe(200);
    }
  });

  it('keeps the alpha channel as it was, and writes no metadata', async () => {
    const image = await png(
      raw(W, H, 4, (x, y) => (inBox(x, y, big) ? [...MAGENTA, 255] : [x, y, 100, (x * 7 + y * 3) % 256])),
    );
    const out = await run({ images: { image }, parameters: { boxes: [big] } });
    const got = await decode(out.png);
    expect(got.channels).toBe(4);
    let differ = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const want = inBox(x, y, big) ? 255 : (x * 7 + y * 3) % 256;
        if (got.data[(y * W + x) * 4 + 3] !== want) differ++;
      }
    }
    expect(differ).toBe(0);
    const meta = await sharp(out.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: W, height: H });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('applies the EXIF orientation of the image and of the mask, strips it from the output', async () => {
    const source = await png(
      scene(W, H, (x, y) => inBox(x, y, big)),
      'jpeg',
    );
    const image = await sharp(source).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    // the upright image is H × W; a mask for it, and the same mask stored turned with orientation 8
    const upright = await maskImage(H, W, (x, y) => inBox(x, y, { x: 10, y: 10, width: 30, height: 20 }));
    const stored = await sharp(upright).rotate(90).withMetadata({ orientation: 8 }).png().toBuffer();
    for (const mask of [upright, stored]) {
      const out = await run({ images: { image, mask }, parameters: { dilate: 0 } });
      expect([out.width, out.height]).toEqual([H, W]);
      expect(out.metadata.mask_pixels).toBe(600);
      const meta = await sharp(out.png).metadata();
      expect(meta.orientation).toBeUndefined();
      expect(meta.exif).toBeUndefined();
    }
  });

  it('refuses a mask of another size than the image', async () => {
    const image = await png(scene(W, H, () => false));
    const mask = await maskImage(W + 1, H, () => true);
    await expect(run({ images: { image, mask } })).rejects.toMatchObject({
      name: 'MediaEngineError',
      code: 'invalid_input',
      field: 'mask',
    });
  });

  it('refuses an empty mask, boxes outside the image, and neither mask nor boxes', async () => {
    const image = await png(scene(W, H, () => false));
    const empty = await maskImage(W, H, () => false);
    await expect(run({ images: { image, mask: empty } })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'mask',
    });
    const outside = [{ x: W, y: 0, width: 10, height: 10 }];
    await expect(run({ images: { image }, parameters: { boxes: outside } })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'parameters.boxes',
    });
    await expect(run({ images: { image }, parameters: { boxes: [] } })).rejects.toMatchObject({
      field: 'parameters.boxes',
    });
    await expect(run({ images: { image } })).rejects.toMatchObject({ code: 'invalid_input', field: 'mask' });
  });

  it('refuses what is not a PNG, JPEG or WebP image', async () => {
    const mask = await maskImage(W, H, () => true);
    const gif = await sharp(scene(W, H, () => false).data, { raw: { width: W, height: H, channels: 3 } })
      .gif()
      .toBuffer();
    for (const image of [Buffer.from('not an image'), Buffer.alloc(0), gif, undefined]) {
      const err = await run({ images: { image, mask } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MediaEngineError);
      expect(err).toMatchObject({ code: 'invalid_input', field: 'image' });
    }
    const image = await png(scene(W, H, () => false));
    await expect(run({ images: { image, mask: Buffer.from('nope') } })).rejects.toMatchObject({ field: 'mask' });
  });

  it('refuses an image over maxPixels', async () => {
    const image = await png(scene(W, H, () => false));
    const boxes = [big];
    const err = await new ObjectRemovalEngine({ maxPixels: W * H - 1 })
      .run({ images: { image }, parameters: { boxes } }, context().ctx)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'invalid_input',
      field: 'image',
      message: expect.stringContaining(`${W * H - 1}`),
    });
    await expect(
      new ObjectRemovalEngine({ maxPixels: W * H }).run({ images: { image }, parameters: { boxes } }, context().ctx),
    ).resolves.toBeDefined();
    expect(() => new ObjectRemovalEngine({ maxPixels: 0 })).toThrow(RangeError);
  });

  it('refuses nonsense parameters with invalid_input naming them', async () => {
    const image = await png(scene(W, H, () => false));
    const box = { x: 1, y: 1, width: 5, height: 5 };
    const cases: [Record<string, unknown>, string][] = [
      [{ boxes: [box], method: 'magic' }, 'parameters.method'],
      [{ boxes: [box], method: 3 }, 'parameters.method'],
      [{ boxes: [box], dilate: 33 }, 'parameters.dilate'],
      [{ boxes: [box], dilate: 1.5 }, 'parameters.dilate'],
      [{ boxes: [box], dilate: '3' }, 'parameters.dilate'],
      [{ boxes: 'all' }, 'parameters.boxes'],
      [{ boxes: [{ x: 1, y: 1, width: 0, height: 5 }] }, 'parameters.boxes'],
      [{ boxes: [{ x: 1.5, y: 1, width: 2, height: 5 }] }, 'parameters.boxes'],
      [{ boxes: [null] }, 'parameters.boxes'],
    ];
    for (const [parameters, field] of cases) {
      await expect(run({ images: { image }, parameters })).rejects.toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('rejects with an AbortError when aborted before or during the work', async () => {
    const image = await png(scene(W, H, () => false));
    await expect(
      engine.run({ images: { image }, parameters: { boxes: [big] } }, context(AbortSignal.abort()).ctx),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const size = 512;
    const large = await png(scene(size, size, () => false));
    const controller = new AbortController();
    const { ctx, progress } = context(controller.signal);
    const running = engine.run(
      {
        images: { image: large },
        parameters: { boxes: [{ x: 100, y: 100, width: 300, height: 300 }], method: 'patch' },
      },
      ctx,
    );
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.some(([, message]) => message.startsWith('Filling by patches'))).toBe(true);
    expect(progress.at(-1)?.[0]).toBeLessThan(95);
  });
});
