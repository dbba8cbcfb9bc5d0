// Each media task type's happy path end to end (gateway -> RabbitMQ -> media service -> engine thread -> storage):
// background_removal with the local ISNet model, face_swap on the sample photos that ship in @vladmandic/face-api
// (and FAILURE naming the image without a face), style_transfer, image_generation against a local fake of the
// OpenAI images API (the refined prompt sent and recorded), an editing type sent to a hosted edit provider, and a
// provider's passing failure retried by the queue.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { MediaTaskResultDto, MediaTaskStatusDto, MediaTaskSubmittedDto } from '@torque/contracts';
import { createServiceApp, loadEnv, ServiceEnv, startServiceApp } from '@torque/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { MediaModule } from '../../apps/media-service/src/media.module.js';
import {
  startFakeImageProviders,
  stopFakeImageProviders,
  type FakeImageProviders,
} from '../support/fake-image-providers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const TASKS = '/api/v1/tasks';
const samples = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')),
  'demo',
);

jest.setTimeout(90_000);

describe('media engines through the suite', () => {
  let suite: Suite;
  let fake: FakeImageProviders;
  let storageDir: string;
  let editWorker: NestFastifyApplication | null = null;
  let person: Buffer;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = await res.text();
    expect({ status: res.status, body }).toEqual({ status, body: expect.any(String) });
    return JSON.parse(body) as T;
  };
  const run = async (body: Record<string, unknown>, wanted = 'SUCCESS'): Promise<MediaTaskStatusDto> => {
    const task = await json<MediaTaskSubmittedDto>(
      await suite.http(`${TASKS}/submit/`, { method: 'POST', json: body }),
      202,
    );
    const ended = await eventually(async () => {
      const s = await json<MediaTaskStatusDto>(await suite.http(`${TASKS}/${task.task_id}/status/`), 200);
      return ['SUCCESS', 'FAILURE', 'REVOKED'].includes(s.status) ? s : null;
    }, 60_000);
    expect({ status: ended.status, error: wanted === 'SUCCESS' ? ended.error : null }).toEqual({
      status: wanted,
      error: null,
    });
    return ended;
  };
  const result = async (id: string) =>
    json<MediaTaskResultDto>(await suite.http(`${TASKS}/${id}/result/`), 200).then((r) => r.result!);

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'torque-media-engines-'));
    fake = await startFakeImageProviders();
    person = await sharp(await readFile(path.join(samples, 'sample1.jpg')))
      .resize({ width: 512 })
      .jpeg()
      .toBuffer();
    suite = await startSuite({
      services: ['media'],
      env: { STORAGE_DIR: storageDir },
      serviceEnv: {
        media: {
          MEDIA_GENERATION_PROVIDER: 'openai',
          MEDIA_GENERATION_BASE_URL: fake.openAiBaseUrl,
          MEDIA_GENERATION_API_KEY: 'sk-test-key',
          MEDIA_GENERATION_MODEL: 'gpt-image-1',
          MEDIA_PROVIDER_RETRIES: '0',
          MEDIA_TASK_ATTEMPTS: '2',
          MEDIA_TASK_RETRY_DELAY_MS: '100',
          MEDIA_WEBHOOK_SECRET: 'media-webhook-secret-for-tests',
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await editWorker?.close();
    await suite?.close();
    await stopFakeImageProviders(fake);
    await rm(storageDir, { recursive: true, force: true });
  });

  it('background_removal: the local ISNet model cuts the person out (PNG with alpha)', async () => {
    const done = await run({ task_type: 'background_removal', image: person.toString('base64') });
    expect(done.queue).toBe('cpu');
    const out = await result(done.task_id);
    expect(out.metadata).toMatchObject({ engine: 'local:isnet-medium', width: 512 });
    const png = Buffer.from(out.image_data, 'base64');
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', channels: 4, width: 512 });
    const fraction = out.metadata.details.foreground_fraction as number;
    expect(fraction).toBeGreaterThan(0.05);
    expect(fraction).toBeLessThan(0.95);
  });

  it('a cancel during ONNX inference is REVOKED at once and the worker survives it for the next task', async () => {
    const task = await json<MediaTaskSubmittedDto>(
      await suite.http(`${TASKS}/submit`, {
        method: 'POST',
        json: { task_type: 'background_removal', image: person.toString('base64') },
      }),
      202,
    );
    // progress 20-79: the model is running (the engine reports 20 before inference and 80 after it)
    await eventually(
      async () => {
        const s = await json<MediaTaskStatusDto>(await suite.http(`${TASKS}/${task.task_id}/status`), 200);
        if (s.status !== 'PROCESSING' && s.status !== 'PENDING') throw new Error(`ended ${s.status} before inference`);
        return s.status === 'PROCESSING' && s.progress >= 20 && s.progress < 80;
      },
      30_000,
      10,
    );
    await suite.http(`${TASKS}/${task.task_id}/cancel`, { method: 'POST' });
    const revoked = await eventually(async () => {
      const s = await json<MediaTaskStatusDto>(await suite.http(`${TASKS}/${task.task_id}/status`), 200);
      return s.status === 'REVOKED' ? s : null;
    }, 10_000);
    expect(revoked.result_available).toBe(false);
    const next = await run({ task_type: 'background_removal', image: person.toString('base64') });
    expect(next.status).toBe('SUCCESS');
  });

  it('face_swap: a face from one sample onto another; no face in target_image is a clear FAILURE', async () => {
    const [source, target] = await Promise.all(
      ['sample6.jpg', 'sample3.jpg'].map((f) => readFile(path.join(samples, f)).then((b) => b.toString('base64'))),
    );
    const done = await run({
      task_type: 'face_swap',
      image: source,
      target_image: target,
      parameters: { target_face: 1 },
    });
    expect(done.queue).toBe('gpu');
    const out = await result(done.task_id);
    const targetMeta = await sharp(Buffer.from(target, 'base64')).metadata();
    expect(out.metadata).toMatchObject({
      engine: 'local:landmark-warp',
      width: targetMeta.width,
      height: targetMeta.height,
    });
    expect(out.metadata.details).toMatchObject({ target_face: 1, blend: 'poisson' });

    const landscape = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const failed = await run(
      { task_type: 'face_swap', image: source, target_image: landscape.toString('base64') },
      'FAILURE',
    );
    expect(failed.error).toEqual({ code: 'no_face', message: 'No face found in target_image' });
    expect(failed.message).toBe('No face found in target_image');
  });

  it('object_removal: a box over a pasted object is filled from its surroundings', async () => {
    const width = 256;
    const height = 192;
    const background = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) background.set([x, y, 128], (y * width + x) * 3);
    const scene = await sharp(background, { raw: { width, height, channels: 3 } })
      .composite([
        {
          input: await sharp({ create: { width: 30, height: 30, channels: 3, background: '#ff00ff' } })
            .png()
            .toBuffer(),
          left: 100,
          top: 80,
        },
      ])
      .png()
      .toBuffer();
    const done = await run({
      task_type: 'object_removal',
      image: scene.toString('base64'),
      parameters: { boxes: [{ x: 98, y: 78, width: 34, height: 34 }] },
    });
    expect(done.queue).toBe('cpu');
    const out = await result(done.task_id);
    expect(out.metadata.engine).toBe('local:inpaint');
    expect(out.metadata.details).toMatchObject({ components: 1 });
    const { data } = await sharp(Buffer.from(out.image_data, 'base64'))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (115 * width + 115) * 3;
    // the magenta is gone: the centre of the box is near the gradient's own colour there (115, 115, 128)
    expect(Math.abs(data[at] - 115) + Math.abs(data[at + 1] - 115) + Math.abs(data[at + 2] - 128)).toBeLessThan(60);
  });

  it('style_transfer: a named style', async () => {
    const done = await run({
      task_type: 'style_transfer',
      image: person.toString('base64'),
      parameters: { style: 'pencil' },
    });
    expect((await result(done.task_id)).metadata.engine).toBe('local:pencil');
  });

  it('image_generation: the hosted provider gets the refined prompt, which the result records', async () => {
    const before = fake.requests.length;
    const prompt = 'ceramic brake pads brake pads for a 2016 Civic';
    const done = await run({ task_type: 'image_generation', prompt, parameters: { width: 1024, height: 1024 } });
    const out = await result(done.task_id);
    const sent = fake.requests.slice(before).filter((r) => r.route === 'openai');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.authorization).toBe('Bearer sk-test-key');
    expect(sent[0].body).toMatchObject({ model: 'gpt-image-1', size: '1024x1024' });
    expect(out.metadata.original_prompt).toBe(prompt);
    expect(out.metadata.refined_prompt).toBe(sent[0].body.prompt);
    expect(out.prompt_used).toBe(sent[0].body.prompt);
    expect(out.metadata.refined_prompt).toMatch(/^ceramic brake pads for a 2016 Civic/);
    expect(out.metadata.engine).toBe('provider:openai');
    const meta = await sharp(Buffer.from(out.image_data, 'base64')).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1024, height: 1024 });
    expect(meta.exif).toBeUndefined();
  });

  it('a webhook to a private address is refused at submit unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://10.0.0.8/x',
    ]) {
      const res = await suite.http(`${TASKS}/submit`, {
        method: 'POST',
        json: {
          task_type: 'style_transfer',
          image: person.toString('base64'),
          parameters: { style: 'sepia' },
          webhook_url: url,
        },
      });
      const body = await json<{ error: string; details: Record<string, string[]> }>(res, 400);
      expect(body.details.webhook_url[0]).toMatch(
        /is a private address \(MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS is off\)/,
      );
    }
  });

  it("a provider's passing failure is retried by the queue, then succeeds", async () => {
    fake.failNext('openai', 1, 503);
    const done = await run({ task_type: 'image_generation', prompt: 'a spark plug' });
    const { rows } = await import('pg').then(async ({ default: pg }) => {
      const db = new pg.Client({ connectionString: suite.db.url });
      await db.connect();
      try {
        return await db.query(`SELECT attempts FROM media.jobs WHERE id = $1`, [done.task_id]);
      } finally {
        await db.end();
      }
    });
    expect(rows[0].attempts).toBe(2);
  });

  it('an editing type configured with a hosted provider runs there', async () => {
    const source = { ...suite.baseEnv, STORAGE_DIR: storageDir, MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL: fake.origin };
    // This worker alone takes the cpu queue from here on: stop the suite's own cpu worker first.
    await suite.services.get('media')!.close();
    suite.services.delete('media');
    const env = loadEnv(ServiceEnv, source);
    editWorker = await createServiceApp('media', env, MediaModule.forRoot(env, source));
    await startServiceApp(editWorker, env);
    const before = fake.requests.length;
    const done = await run({ task_type: 'background_removal', image: person.toString('base64') });
    const sent = fake.requests.slice(before).filter((r) => r.route === 'edit');
    expect(sent.map((r) => r.path)).toEqual(['/v1/background_removal']);
    expect((await result(done.task_id)).metadata.engine).toBe('provider:http');
  });
});
