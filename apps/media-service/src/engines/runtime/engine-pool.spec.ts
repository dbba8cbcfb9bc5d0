import { afterEach, describe, expect, it } from '@jest/globals';
import { pathToFileURL } from 'node:url';
import { EngineAbortedError, MediaEngineError } from '../media-engine.js';
import { defaultThreadEntry, EnginePool } from './engine-pool.js';

const entry = new URL('./fixtures/fake-engine-thread.mjs', import.meta.url);
const image = Buffer.from('an image');
const request = (mode: string) => ({ taskType: 'style_transfer' as const, images: { image }, parameters: { mode } });
const noProgress = () => undefined;

describe('EnginePool', () => {
  let pool: EnginePool | null = null;
  const make = (threads = 1, cancelGraceMs = 100, drainLimitMs = 60_000) =>
    (pool = new EnginePool({
      threads,
      settings: {} as never,
      warm: [],
      cancelGraceMs,
      drainLimitMs,
      eager: true,
      entry,
    }));

  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('runs a task in a thread and relays its progress and result', async () => {
    const progress: [number, string][] = [];
    const result = await make().run(request('echo'), {
      signal: new AbortController().signal,
      progress: (p, m) => progress.push([p, m]),
    });
    expect(result.png.equals(image)).toBe(true);
    expect(result.metadata.threadId).toEqual(expect.any(Number));
    expect(progress).toEqual([[50, 'halfway']]);
  });

  it("rebuilds an engine's typed error", async () => {
    const err = await make()
      .run(request('fail'), { signal: new AbortController().signal, progress: noProgress })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaEngineError);
    expect(err).toMatchObject({ code: 'no_face', field: 'image', message: 'No face found in image' });
  });

  it('a cancel reaches a cooperative engine, and the thread is kept', async () => {
    // a long grace: on a loaded machine the thread's answer to the abort may take a while, and must still win
    const p = make(1, 10_000);
    const controller = new AbortController();
    const running = p.run(request('cooperative'), { signal: controller.signal, progress: noProgress });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toBeInstanceOf(EngineAbortedError);
    expect(p.started).toBe(1);
    await p.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
  });

  it('a cancel that the engine ignores is answered after the grace; the thread finishes its call, then takes the next task', async () => {
    const p = make(1, 100);
    const controller = new AbortController();
    const running = p.run(request('slow'), { signal: controller.signal, progress: noProgress });
    await new Promise((r) => setTimeout(r, 50));
    const asked = Date.now();
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(EngineAbortedError);
    const answeredIn = Date.now() - asked;
    expect(answeredIn).toBeLessThan(1500);
    // the thread is still inside its call: the next task waits for it, on the same thread
    expect(p.busy).toBe(1);
    const next = await p.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
    expect(next.engine).toBe('fake');
    expect(p.started).toBe(1);
  });

  it('a thread that does not come back within the drain limit is terminated and replaced', async () => {
    const p = make(1, 100, 300);
    const controller = new AbortController();
    const running = p.run(request('stubborn'), { signal: controller.signal, progress: noProgress });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(EngineAbortedError);
    const next = await p.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
    expect(next.engine).toBe('fake');
    expect(p.started).toBe(2);
  });

  it('a crashed thread fails its task and is replaced', async () => {
    const p = make();
    await expect(
      p.run(request('crash'), { signal: new AbortController().signal, progress: noProgress }),
    ).rejects.toThrow(/exit code 3/);
    await p.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
    expect(p.started).toBe(2);
  });

  it('tasks wait for a free thread; one cancelled while waiting never runs', async () => {
    const p = make(1, 10_000);
    const first = new AbortController();
    const blocking = p.run(request('cooperative'), { signal: first.signal, progress: noProgress });
    const waiting = new AbortController();
    const queued = p.run(request('echo'), { signal: waiting.signal, progress: noProgress });
    const third = p.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
    expect(p.busy).toBe(1);
    waiting.abort();
    await expect(queued).rejects.toBeInstanceOf(EngineAbortedError);
    first.abort();
    await expect(blocking).rejects.toBeInstanceOf(EngineAbortedError);
    await expect(third).resolves.toMatchObject({ engine: 'fake' });
  });

  it('starts threads when first needed unless eager', async () => {
    pool = new EnginePool({ threads: 2, settings: {} as never, warm: [], cancelGraceMs: 100, eager: false, entry });
    expect(pool.started).toBe(0);
    await pool.run(request('echo'), { signal: new AbortController().signal, progress: noProgress });
    expect(pool.started).toBe(1);
  });

  it('runs the built thread when loaded from the TypeScript source', () => {
    const fromSource = defaultThreadEntry(
      pathToFileURL('/repo/apps/media-service/src/engines/runtime/engine-pool.ts').href,
    );
    expect(fromSource.href).toBe('file:///repo/dist/apps/media-service/src/engines/runtime/engine-thread.js');
    const fromBuild = defaultThreadEntry('file:///repo/dist/apps/media-service/src/engines/runtime/engine-pool.js');
    expect(fromBuild.href).toBe('file:///repo/dist/apps/media-service/src/engines/runtime/engine-thread.js');
  });
});
