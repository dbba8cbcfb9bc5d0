import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import sharp from 'sharp';
import { FakeHttpServer } from './fake-http-server.js';

/** The endpoints the fake speaks; knobs (failNext, hangNext ...) are set per endpoint. */
export type FakeImageRoute =
  | 'openai'
  | 'automatic1111'
  | 'comfyui_prompt'
  | 'comfyui_history'
  | 'comfyui_view'
  | 'comfyui_queue'
  | 'comfyui_interrupt'
  | 'edit';

export interface RecordedRequest {
  route: FakeImageRoute | 'unknown';
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined for none. */
  body: any;
  at: number;
  /** The client went away before the answer was complete (an abort or a timeout). */
  clientClosed: boolean;
}

/** One scripted answer: a status with a body (string or bytes) and headers, or no answer at all. */
export type FakeStep =
  { kind: 'reply'; status: number; body: string | Buffer; headers?: Record<string, string> } | { kind: 'hang' };

interface ComfyJob {
  id: string;
  workflow: Record<string, { class_type: string; inputs: Record<string, any> }>;
  polls: number;
  fail: string | null;
}

/**
 * One local HTTP server speaking, for tests, the four provider contracts of the media service (no network):
 * OpenAI images (POST /v1/images/generations), AUTOMATIC1111 (POST /sdapi/v1/txt2img), ComfyUI (POST /prompt,
 * GET /history/{id}, GET /view, GET and POST /queue, POST /interrupt) and the generic edit contract
 * (POST /v1/{task_type}). It answers a real PNG made with sharp of the size asked for (EXIF included, to check
 * that the engines strip it), records every request, and takes knobs per endpoint: fail the next N with a status
 * (and Retry-After), answer one given body, hang (never answer) for timeout and abort tests.
 */
export class FakeImageProviders extends FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  /** How many GET /history polls of a new ComfyUI prompt answer `{}` (still running) before the outputs appear. */
  comfyPendingPolls = 1;
  /** Format of the answered images; webp and jpeg check that the engines re-encode. */
  imageFormat: 'png' | 'jpeg' | 'webp' = 'png';
  private readonly scripts = new Map<FakeImageRoute, FakeStep[]>();
  private readonly jobs = new Map<string, ComfyJob>();
  private readonly queuedFailures: string[] = [];
  private readonly pending = new Set<ServerResponse>();

  /** `http://127.0.0.1:<port>`: the base URL of A1111, ComfyUI and the edit contract. */
  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  /** `http://127.0.0.1:<port>/v1`: the OpenAI base URL. */
  get openAiBaseUrl(): string {
    return `${this.origin}/v1`;
  }

  /** The next answers of `route`, in order, before it answers normally again. */
  script(route: FakeImageRoute, ...steps: FakeStep[]): this {
    this.scripts.set(route, [...(this.scripts.get(route) ?? []), ...steps]);
    return this;
  }

  /** The next `times` requests of `route` answer `status` (with `Retry-After: retryAfter` when given). */
  failNext(route: FakeImageRoute, times: number, status = 503, retryAfter?: string): this {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    const body = JSON.stringify({ error: { message: `fake ${status} number %n`, type: 'fake_error' } });
    for (let i = 1; i <= times; i++) {
      this.script(route, { kind: 'reply', status, headers, body: body.replace('%n', String(i)) });
    }
    return this;
  }

  /** The next request of `route` answers this status and body (a string, or JSON for anything else). */
  answerNext(route: FakeImageRoute, status: number, body: unknown, headers: Record<string, string> = {}): this {
    const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    return this.script(route, {
      kind: 'reply',
      status,
      body: text,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  /** The next `times` requests of `route` get no answer (until the client gives up or the server stops). */
  hangNext(route: FakeImageRoute, times = 1): this {
    for (let i = 0; i < times; i++) this.script(route, { kind: 'hang' });
    return this;
  }

  /** The next ComfyUI prompt ends in an execution error with this message. */
  failNextComfyPrompt(message: string): this {
    this.queuedFailures.push(message);
    return this;
  }

  requestsTo(route: FakeImageRoute): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  /** The last request of `route`; throws when there is none, so a test reads a clear failure. */
  last(route: FakeImageRoute): RecordedRequest {
    const found = this.requestsTo(route).at(-1);
    if (!found) throw new Error(`the fake got no ${route} request`);
    return found;
  }

  /** Waits until `predicate` holds of the recorded requests (for what a client sends after it returned). */
  async waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs = 2000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      if (Date.now() > until) throw new Error('the fake did not see the expected requests in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  reset(): void {
    this.requests.length = 0;
    this.scripts.clear();
    this.jobs.clear();
    this.queuedFailures.length = 0;
    this.comfyPendingPolls = 1;
    this.imageFormat = 'png';
  }

  override async stop(): Promise<void> {
    for (const res of this.pending) res.destroy();
    await super.stop();
  }

  /** A w × h image in `imageFormat`, a gradient of `seed`'s colour, with EXIF the engines must drop. */
  async image(width: number, height: number, seed = 0): Promise<Buffer> {
    const channels = 3;
    const data = Buffer.alloc(width * height * channels);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = (y * width + x) * channels;
        data[p] = (seed * 40 + x) % 256;
        data[p + 1] = (seed * 90 + y) % 256;
        data[p + 2] = 128;
      }
    }
    return sharp(data, { raw: { width, height, channels } })
      .withExif({ IFD0: { Copyright: 'fake provider', Software: 'fake-image-providers' } })
      .toFormat(this.imageFormat)
      .toBuffer();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readAll(req);
    let body: any;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = raw.toString('utf8');
    }
    const record: RecordedRequest = {
      route: routeOf(req.method ?? 'GET', url.pathname),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      at: Date.now(),
      clientClosed: false,
    };
    this.requests.push(record);
    res.on('close', () => {
      this.pending.delete(res);
      if (!res.writableFinished) record.clientClosed = true;
    });
    this.pending.add(res);

    if (record.route !== 'unknown') {
      const step = this.scripts.get(record.route)?.shift();
      if (step?.kind === 'hang') return;
      if (step) {
        res.writeHead(step.status, step.headers ?? {}).end(step.body);
        return;
      }
    }
    try {
      await this.answer(record, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(err) }));
    }
  }

  private async answer(r: RecordedRequest, res: ServerResponse): Promise<void> {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    switch (r.route) {
      case 'openai': {
        const [width, height] = String(r.body?.size ?? '1024x1024')
          .split('x')
          .map(Number);
        if (!r.body?.prompt)
          return json(400, { error: { message: 'prompt is required', type: 'invalid_request_error' } });
        const image = await this.image(width, height, 1);
        return json(200, { created: 1, data: [{ b64_json: image.toString('base64') }], usage: { total_tokens: 10 } });
      }
      case 'automatic1111': {
        const image = await this.image(r.body.width, r.body.height, 2);
        const seed = r.body.seed === -1 ? 1234 : r.body.seed;
        return json(200, { images: [image.toString('base64')], parameters: r.body, info: JSON.stringify({ seed }) });
      }
      case 'comfyui_prompt': {
        const workflow = r.body?.prompt;
        if (!workflow || typeof workflow !== 'object') {
          return json(400, { error: { type: 'invalid_prompt', message: 'no prompt graph' }, node_errors: {} });
        }
        const id = randomUUID();
        this.jobs.set(id, { id, workflow, polls: 0, fail: this.queuedFailures.shift() ?? null });
        return json(200, { prompt_id: id, number: this.jobs.size, node_errors: {} });
      }
      case 'comfyui_history': {
        const id = decodeURIComponent(r.path.slice('/history/'.length));
        const job = this.jobs.get(id);
        if (!job) return json(200, {});
        job.polls++;
        if (job.polls <= this.comfyPendingPolls) return json(200, {});
        if (job.fail) {
          return json(200, {
            [id]: {
              prompt: [0, id, job.workflow, {}, ['9']],
              outputs: {},
              status: {
                status_str: 'error',
                completed: false,
                messages: [['execution_error', { node_type: 'KSampler', exception_message: job.fail }]],
              },
            },
          });
        }
        return json(200, {
          [id]: {
            prompt: [0, id, job.workflow, {}, ['9']],
            outputs: { '9': { images: [{ filename: `${id}.png`, subfolder: 'torque', type: 'output' }] } },
            status: { status_str: 'success', completed: true, messages: [] },
          },
        });
      }
      case 'comfyui_view': {
        const id = (r.query.get('filename') ?? '').replace(/\.png$/, '');
        const job = this.jobs.get(id);
        if (!job || r.query.get('type') !== 'output' || r.query.get('subfolder') !== 'torque') {
          return json(404, { error: 'no such file' });
        }
        const latent = Object.values(job.workflow).find((n) => n.class_type === 'EmptyLatentImage');
        const image = await this.image(latent?.inputs.width ?? 512, latent?.inputs.height ?? 512, 3);
        res.writeHead(200, { 'content-type': `image/${this.imageFormat}` }).end(image);
        return;
      }
      case 'comfyui_queue': {
        if (r.method === 'POST') {
          // as ComfyUI: delete takes pending prompts off the queue, a running one stays (it needs /interrupt)
          for (const id of r.body?.delete ?? []) if (this.jobs.get(id)?.polls === 0) this.jobs.delete(id);
          return json(200, {});
        }
        // a job polled but not finished counts as running
        const running = [...this.jobs.values()].filter((j) => j.polls > 0 && j.polls <= this.comfyPendingPolls);
        return json(200, {
          queue_running: running.map((j, i) => [i, j.id, j.workflow, {}, ['9']]),
          queue_pending: [],
        });
      }
      case 'comfyui_interrupt':
        return json(200, {});
      case 'edit': {
        const taskType = r.path.slice('/v1/'.length);
        const input = Buffer.from(String(r.body?.image ?? ''), 'base64');
        const size = await sharp(
          taskType === 'face_swap' ? Buffer.from(String(r.body?.target_image), 'base64') : input,
        ).metadata();
        const image = await this.image(size.width, size.height, 4);
        const sent = ['image', 'target_image', 'style_image', 'mask'].filter((k) => r.body?.[k] !== undefined);
        return json(200, { image: image.toString('base64'), metadata: { task_type: taskType, images: sent } });
      }
      default:
        return json(404, { error: `no route ${r.method} ${r.path}` });
    }
  }
}

function routeOf(method: string, path: string): FakeImageRoute | 'unknown' {
  if (method === 'POST' && path === '/v1/images/generations') return 'openai';
  if (method === 'POST' && path === '/sdapi/v1/txt2img') return 'automatic1111';
  if (method === 'POST' && path === '/prompt') return 'comfyui_prompt';
  if (method === 'GET' && path.startsWith('/history/')) return 'comfyui_history';
  if (method === 'GET' && path === '/view') return 'comfyui_view';
  if (path === '/queue') return 'comfyui_queue';
  if (method === 'POST' && path === '/interrupt') return 'comfyui_interrupt';
  if (method === 'POST' && /^\/v1\/(face_swap|background_removal|object_removal|style_transfer)$/.test(path))
    return 'edit';
  return 'unknown';
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A started fake; stop it with stopFakeImageProviders (or its own stop) in afterAll. */
export async function startFakeImageProviders(): Promise<FakeImageProviders> {
  return new FakeImageProviders().start();
}

export async function stopFakeImageProviders(fake: FakeImageProviders | undefined): Promise<void> {
  await fake?.stop();
}
