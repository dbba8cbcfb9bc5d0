// Media tasks (seed 004) through the gateway against the real servers: the seed's submit/status/result/cancel
// paths with and without trailing slashes, validation errors in the seed's shape with nothing queued, routing (a
// gpu task waits on a cpu-only worker, then runs on a gpu worker), queue position, multipart upload, the result as
// PNG, cancel while PENDING and while PROCESSING, the pending deadline, expiry -> 410 with the history kept,
// completion webhooks (signed, retried, recorded) and tenant isolation of every path.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  JobViewDto,
  MediaTaskCancelledDto,
  MediaTaskPageDto,
  MediaTaskResultDto,
  MediaTaskStatusDto,
  MediaTaskSubmittedDto,
  MediaWebhookDeliveryDto,
} from '@torque/contracts';
import { createServiceApp, loadEnv, ServiceEnv, startServiceApp } from '@torque/platform';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { MediaModule } from '../../apps/media-service/src/media.module.js';
import { HousekeepingTrigger } from '../../apps/media-service/src/tasks/housekeeping.trigger.js';
import { verifyWebhook } from '../../apps/media-service/src/webhooks/webhook-signature.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const TASKS = '/api/v1/tasks';
const SECRET = 'media-webhook-secret-for-tests';

/** A webhook receiver that answers 503 to the first `failFirst` calls, then 204; it records every call. */
class WebhookReceiver extends FakeHttpServer {
  calls: { headers: IncomingMessage['headers']; body: string }[] = [];
  failFirst = 0;

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    this.calls.push({ headers: req.headers, body });
    res.statusCode = this.calls.length <= this.failFirst ? 503 : 204;
    res.end(res.statusCode === 503 ? 'busy' : undefined);
  }
}

async function png(width: number, height: number, rgb: [number, number, number] = [200, 80, 40]): Promise<Buffer> {
  const [r, g, b] = rgb;
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .composite([
      {
        input: await sharp({
          create: { width: Math.ceil(width / 2), height: Math.ceil(height / 2), channels: 3, background: '#2040c0' },
        })
          .png()
          .toBuffer(),
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

describe('media tasks', () => {
  let suite: Suite;
  let db: pg.Client;
  let storageDir: string;
  let gpuWorker: NestFastifyApplication | null = null;
  const receiver = new WebhookReceiver();
  let small: Buffer;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = await res.text();
    expect({ status: res.status, body }).toEqual({ status, body: expect.any(String) });
    return JSON.parse(body) as T;
  };
  const submit = (body: Record<string, unknown>, tenant = 'acme', slash = '/') =>
    suite.http(`${TASKS}/submit${slash}`, { method: 'POST', json: body, tenant });
  const status = async (id: string, tenant = 'acme') =>
    json<MediaTaskStatusDto>(await suite.http(`${TASKS}/${id}/status/`, { tenant }), 200);
  const until = (id: string, wanted: string, timeoutMs = 20_000) =>
    eventually(async () => {
      const s = await status(id);
      return s.status === wanted ? s : null;
    }, timeoutMs);
  const styleTask = (extra: Record<string, unknown> = {}) => ({
    task_type: 'style_transfer',
    image: small.toString('base64'),
    parameters: { style: 'sepia' },
    ...extra,
  });

  async function startGpuWorker(): Promise<void> {
    const source = { ...suite.baseEnv, ROLE: 'worker', WORKER_QUEUES: 'gpu', STORAGE_DIR: storageDir };
    const env = loadEnv(ServiceEnv, source);
    gpuWorker = await createServiceApp('media', env, MediaModule.forRoot(env, source));
    await startServiceApp(gpuWorker, env);
  }

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'torque-media-'));
    await receiver.start();
    small = await png(64, 48);
    suite = await startSuite({
      services: ['media'],
      env: { STORAGE_DIR: storageDir, MEDIA_WEBHOOK_SECRET: SECRET, MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
      serviceEnv: {
        // api and the cpu queue only: gpu tasks wait until a gpu worker starts
        media: {
          WORKER_QUEUES: 'maintenance,cpu',
          MEDIA_WEBHOOK_POLL_MS: '50',
          MEDIA_WEBHOOK_BACKOFF_MS: '50',
          MEDIA_WEBHOOK_ATTEMPTS: '4',
        },
      },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await gpuWorker?.close();
    await suite?.close();
    await receiver.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe('refusals: the seed shape, nothing queued', () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['no prompt for image_generation', { task_type: 'image_generation' }, 'prompt', /Prompt is required/],
      ['a prompt over 5,000 characters', { task_type: 'image_generation', prompt: 'x'.repeat(5001) }, 'prompt', /5000/],
      ['an unknown task type', { task_type: 'upscale' }, 'task_type', /not a valid choice/],
      ['no image for background_removal', { task_type: 'background_removal' }, 'image', /Image is required/],
      ['a bad base64 image', { task_type: 'background_removal', image: '%%%' }, 'image', /base64/],
      [
        'an unknown parameter',
        { task_type: 'background_removal', parameters: { dpi: 3 } },
        'parameters.dpi',
        /Unknown/,
      ],
      [
        'a parameter out of range',
        { task_type: 'image_generation', prompt: 'p', parameters: { width: 100 } },
        'parameters.width',
        /multiple of 8/,
      ],
      [
        'a webhook that is no URL',
        { task_type: 'image_generation', prompt: 'p', webhook_url: 'x' },
        'webhook_url',
        /URL/,
      ],
    ];
    it.each(cases)('%s', async (_name, body, field, reason) => {
      const res = await submit(body);
      const answer = await json<{ error: string; details: Record<string, string[]> }>(res, 400);
      expect(answer.error).toBe('Invalid input');
      expect(answer.details[field]?.join(' ')).toMatch(reason);
    });

    it('face_swap without target_image names target_image', async () => {
      const answer = await json<{ details: Record<string, string[]> }>(
        await submit({ task_type: 'face_swap', image: small.toString('base64') }),
        400,
      );
      expect(answer.details).toEqual({ target_image: ['Target image is required for face_swap'] });
    });

    it('types are sniffed from the bytes: a GIF named as PNG is refused', async () => {
      const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer();
      const answer = await json<{ details: Record<string, string[]> }>(
        await submit(styleTask({ image: `data:image/png;base64,${gif.toString('base64')}` })),
        400,
      );
      expect(answer.details.image).toEqual(['Must be a PNG, JPEG or WebP image (checked from its bytes).']);
    });

    it('a decompression bomb (too many pixels) is refused by the service before decoding', async () => {
      const bomb = await sharp({ create: { width: 5000, height: 4000, channels: 3, background: '#000' } })
        .png({ compressionLevel: 9 })
        .toBuffer();
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const answer = await json<{ error: string; details: Record<string, string[]> }>(
        await submit(styleTask({ image: bomb.toString('base64') })),
        400,
      );
      expect(answer.error).toBe('Invalid input');
      expect(answer.details.image[0]).toMatch(/5000×4000 = 20000000 pixels, over the limit of 16777216/);
    });

    it('a mask of another size than the image is refused', async () => {
      const answer = await json<{ details: Record<string, string[]> }>(
        await submit({
          task_type: 'object_removal',
          image: small.toString('base64'),
          mask: (await png(10, 10)).toString('base64'),
        }),
        400,
      );
      expect(answer.details.mask[0]).toMatch(/must be the image's size, 64×48/);
    });

    it('image_generation without a provider is 503 naming the setting', async () => {
      const res = await submit({ task_type: 'image_generation', prompt: 'a red brake caliper' });
      const answer = await json<{ error: string; message: string }>(res, 503);
      expect(answer.error).toBe('service_unavailable');
      expect(answer.message).toMatch(/MEDIA_GENERATION_PROVIDER/);
    });

    it('left no task, job or stored file behind', async () => {
      const page = await json<MediaTaskPageDto>(await suite.http(TASKS), 200);
      expect(page.meta.total).toBe(0);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM media.jobs WHERE type LIKE 'media.%-task'`);
      expect(rows[0].n).toBe(0);
      const left = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => []);
      expect(left.filter((e) => e.isFile()).map((e) => e.name)).toEqual([]);
    });
  });

  describe('routing, queue position, results', () => {
    let first: MediaTaskSubmittedDto;

    it('a gpu task waits on a cpu-only worker, with its queue position', async () => {
      first = await json<MediaTaskSubmittedDto>(await submit(styleTask()), 202);
      expect(first).toMatchObject({
        status: 'PENDING',
        message: 'style_transfer task submitted successfully',
        queue: 'gpu',
        task_type: 'style_transfer',
      });
      const second = await json<MediaTaskSubmittedDto>(await submit(styleTask(), 'acme', ''), 202);
      await new Promise((r) => setTimeout(r, 300));
      expect(await status(first.task_id)).toMatchObject({ status: 'PENDING', progress: 0, queue_position: 0 });
      expect(await status(second.task_id)).toMatchObject({ status: 'PENDING', queue_position: 1 });

      // cancel while PENDING: REVOKED at once, off the queue
      const cancelled = await json<MediaTaskCancelledDto>(
        await suite.http(`${TASKS}/${second.task_id}/cancel/`, { method: 'POST' }),
        200,
      );
      expect(cancelled).toEqual({ task_id: second.task_id, status: 'REVOKED', message: 'Task cancelled' });
      expect(await status(second.task_id)).toMatchObject({ status: 'REVOKED', result_available: false });
    });

    it('every task is a platform job', async () => {
      const job = await json<JobViewDto>(await suite.http(`/api/v1/jobs/${first.task_id}`), 200);
      expect(job).toMatchObject({ id: first.task_id, service: 'media', type: 'media.gpu-task', status: 'queued' });
    });

    it('a gpu worker runs it: SUCCESS, the result with its metadata, and the PNG', async () => {
      await startGpuWorker();
      const done = await until(first.task_id, 'SUCCESS');
      expect(done).toMatchObject({ progress: 100, result_available: true, queue_position: null, error: null });
      expect(new Date(done.expires_at!).getTime() - new Date(done.finished_at!).getTime()).toBe(3600_000);

      const result = await json<MediaTaskResultDto>(await suite.http(`${TASKS}/${first.task_id}/result/`), 200);
      expect(result).toMatchObject({
        task_id: first.task_id,
        status: 'SUCCESS',
        result: {
          status: 'SUCCESS',
          prompt_used: null,
          metadata: { original_prompt: null, parameters: { style: 'sepia' }, engine: 'local:sepia', width: 64 },
        },
      });
      const bytes = Buffer.from(result.result!.image_data, 'base64');
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 64, height: 48 });
      expect(meta.exif).toBeUndefined();

      const image = await suite.http(`${TASKS}/${first.task_id}/result/image`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('multipart: images as file parts, parameters as JSON text', async () => {
      const form = new FormData();
      form.set('task_type', 'style_transfer');
      form.set('image', new Blob([small], { type: 'image/png' }), 'part.png');
      form.set('style_image', new Blob([await png(32, 32, [20, 200, 60])], { type: 'image/png' }), 'style.png');
      form.set('parameters', '{}');
      const res = await suite.http(`${TASKS}/submit`, { method: 'POST', body: form });
      const answer = await json<MediaTaskSubmittedDto>(res, 202);
      const done = await until(answer.task_id, 'SUCCESS');
      expect(done.task_type).toBe('style_transfer');
      const result = await json<MediaTaskResultDto>(await suite.http(`${TASKS}/${answer.task_id}/result`), 200);
      expect(result.result!.metadata.engine).toBe('local:reinhard-lab');
    });

    it('result without SUCCESS is null with a message; result/image is 409', async () => {
      const revoked = await json<MediaTaskPageDto>(await suite.http(`${TASKS}?status=REVOKED`), 200);
      const id = revoked.data[0].task_id;
      expect(await json<MediaTaskResultDto>(await suite.http(`${TASKS}/${id}/result`), 200)).toEqual({
        task_id: id,
        status: 'REVOKED',
        result: null,
        message: 'The task was cancelled; it has no result',
      });
      expect((await suite.http(`${TASKS}/${id}/result/image`)).status).toBe(409);
    });

    it('cancel while PROCESSING reaches REVOKED, and the worker runs the next task', async () => {
      const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#884422' } })
        .png()
        .toBuffer();
      const task = await json<MediaTaskSubmittedDto>(
        await submit(styleTask({ image: big.toString('base64'), parameters: { style: 'oil', radius: 32 } })),
        202,
      );
      await until(task.task_id, 'PROCESSING');
      const asked = Date.now();
      await json<MediaTaskCancelledDto>(await suite.http(`${TASKS}/${task.task_id}/cancel`, { method: 'POST' }), 200);
      const revoked = await until(task.task_id, 'REVOKED', 10_000);
      expect(revoked.result_available).toBe(false);
      // (cancel latency is measured by bench:media; here only that it lands, well within the test's patience)
      expect(Date.now() - asked).toBeLessThan(10_000);
      const next = await json<MediaTaskSubmittedDto>(await submit(styleTask()), 202);
      await until(next.task_id, 'SUCCESS');
    });

    it('lists tasks newest first, filtered by type and status', async () => {
      const all = await json<MediaTaskPageDto>(await suite.http(`${TASKS}?limit=100`), 200);
      expect(all.meta.total).toBe(all.data.length);
      const times = all.data.map((t) => t.created_at);
      expect([...times].sort().reverse()).toEqual(times);
      const ok = await json<MediaTaskPageDto>(
        await suite.http(`${TASKS}?status=SUCCESS&task_type=style_transfer`),
        200,
      );
      expect(ok.data.length).toBeGreaterThanOrEqual(3);
      expect(ok.data.every((t) => t.status === 'SUCCESS')).toBe(true);
      expect((await suite.http(`${TASKS}?status=DONE`)).status).toBe(400);
    });

    it('another tenant sees none of it', async () => {
      const id = first.task_id;
      for (const [p, method] of [
        [`${TASKS}/${id}/status/`, 'GET'],
        [`${TASKS}/${id}/result/`, 'GET'],
        [`${TASKS}/${id}/result/image`, 'GET'],
        [`${TASKS}/${id}/cancel/`, 'POST'],
        [`${TASKS}/${id}/webhooks`, 'GET'],
      ] as const)
        expect({ p, status: (await suite.http(p, { method, tenant: 'globex' })).status }).toEqual({ p, status: 404 });
      const page = await json<MediaTaskPageDto>(await suite.http(TASKS, { tenant: 'globex' }), 200);
      expect(page.meta.total).toBe(0);
    });
  });

  describe('deadline, expiry and webhooks', () => {
    it('a pending task past its deadline fails with a clear message', async () => {
      await gpuWorker!.close();
      gpuWorker = null;
      const task = await json<MediaTaskSubmittedDto>(await submit(styleTask({ deadline_seconds: 1 })), 202);
      expect((await status(task.task_id)).deadline_at).not.toBeNull();
      await new Promise((r) => setTimeout(r, 1100));
      const housekeeping = suite.services.get('media')!.get(HousekeepingTrigger);
      expect((await housekeeping.trigger()).overdue).toBe(1);
      const failed = await status(task.task_id);
      expect(failed).toMatchObject({ status: 'FAILURE', error: { code: 'deadline_exceeded' } });
      expect(failed.message).toMatch(/did not start before its deadline/);
      await startGpuWorker();
    });

    it('after expiry the result is 410 saying when; status and history remain; files are deleted', async () => {
      const task = await json<MediaTaskSubmittedDto>(await submit(styleTask()), 202);
      await until(task.task_id, 'SUCCESS');
      const { rows } = await db.query(`SELECT result_key, inputs FROM media.tasks WHERE id = $1`, [task.task_id]);
      const files = [rows[0].result_key, rows[0].inputs.image.key].map((k: string) => path.join(storageDir, k));
      for (const f of files) await stat(f);
      await db.query(`UPDATE media.jobs SET completed_at = now() - interval '2 hours' WHERE id = $1`, [task.task_id]);

      const gone = await json<{ error: string; message: string }>(
        await suite.http(`${TASKS}/${task.task_id}/result/`),
        410,
      );
      expect(gone.error).toBe('gone');
      expect(gone.message).toMatch(/expired at \d{4}-\d\d-\d\dT.*MEDIA_RESULT_TTL_SECONDS.*status and history remain/);
      expect((await suite.http(`${TASKS}/${task.task_id}/result/image`)).status).toBe(410);
      expect(await status(task.task_id)).toMatchObject({
        status: 'SUCCESS',
        result_available: false,
        result_expired: true,
      });

      const housekeeping = suite.services.get('media')!.get(HousekeepingTrigger);
      expect((await housekeeping.trigger()).expired).toBeGreaterThanOrEqual(1);
      for (const f of files) await expect(stat(f)).rejects.toThrow(/ENOENT/);
      expect((await suite.http(`${TASKS}/${task.task_id}/result/`)).status).toBe(410);
      const listed = await json<MediaTaskPageDto>(await suite.http(`${TASKS}?limit=100`), 200);
      expect(listed.data.map((t) => t.task_id)).toContain(task.task_id);
    });

    it('a completion webhook is signed, retried with backoff until a 2xx, and recorded', async () => {
      receiver.failFirst = 2;
      const url = `${receiver.baseUrl}/hooks/media`;
      const task = await json<MediaTaskSubmittedDto>(await submit(styleTask({ webhook_url: url })), 202);
      await until(task.task_id, 'SUCCESS');
      const deliveries = await eventually(async () => {
        const d = await json<MediaWebhookDeliveryDto[]>(await suite.http(`${TASKS}/${task.task_id}/webhooks`), 200);
        return d[0]?.status === 'delivered' ? d : null;
      });
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ url, attempts: 3, status: 'delivered' });
      expect(deliveries[0].attempt_log.map((a) => a.http_status)).toEqual([503, 503, 204]);
      expect(deliveries[0].attempt_log[0].error).toBe('HTTP 503: busy');
      expect(receiver.calls).toHaveLength(3);
      for (const call of receiver.calls) {
        expect(verifyWebhook(SECRET, call.body, String(call.headers['x-torque-signature']))).toBe(true);
        expect(verifyWebhook('another-secret-0123456789', call.body, String(call.headers['x-torque-signature']))).toBe(
          false,
        );
      }
      const body = JSON.parse(receiver.calls[2].body) as { event: string; task: MediaTaskStatusDto };
      expect(body).toMatchObject({ event: 'media.task.finished', task: { task_id: task.task_id, status: 'SUCCESS' } });
    });

    it('a webhook that never succeeds is failed after MEDIA_WEBHOOK_ATTEMPTS, and a cancel also notifies', async () => {
      receiver.calls = [];
      receiver.failFirst = 100;
      await gpuWorker!.close();
      gpuWorker = null;
      const url = `${receiver.baseUrl}/hooks/never`;
      const task = await json<MediaTaskSubmittedDto>(await submit(styleTask({ webhook_url: url })), 202);
      await suite.http(`${TASKS}/${task.task_id}/cancel`, { method: 'POST' });
      const [delivery] = await eventually(async () => {
        const d = await json<MediaWebhookDeliveryDto[]>(await suite.http(`${TASKS}/${task.task_id}/webhooks`), 200);
        return d[0]?.status === 'failed' ? d : null;
      });
      expect(delivery.attempts).toBe(4);
      expect(delivery.payload).toMatchObject({ task: { status: 'REVOKED' } });
      expect(receiver.calls).toHaveLength(4);
    });
  });
});
