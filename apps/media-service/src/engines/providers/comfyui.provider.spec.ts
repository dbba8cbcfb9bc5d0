import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { ComfyUiProvider, DEFAULT_COMFYUI_CHECKPOINT, type ComfyUiOptions } from './comfyui.provider.js';
import { refinePrompt } from './prompt-refiner.js';
import { expectCleanPng, expectProgressDone, recordingContext, rejection } from './provider-test-kit.js';

let fake: FakeImageProviders;
beforeAll(async () => {
  fake = await startFakeImageProviders();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const provider = (options: Partial<ComfyUiOptions> = {}) =>
  new ComfyUiProvider({ baseUrl: fake.origin, pollIntervalMs: 10, retryBaseMs: 5, ...options });

describe('ComfyUiProvider', () => {
  it('queues a txt2img graph, polls the history until the output appears, and downloads it as a clean PNG', async () => {
    fake.comfyPendingPolls = 3;
    const parameters = { width: 512, height: 768, steps: 20, seed: 99, guidance: 5, negative_prompt: 'rust' };
    const ctx = recordingContext();
    const out = await provider({ apiKey: 'proxy-token' }).run({ prompt: 'a radiator', images: {}, parameters }, ctx);

    const queued = fake.last('comfyui_prompt');
    expect(queued.headers.authorization).toBe('Bearer proxy-token');
    expect(queued.body.client_id).toEqual(expect.any(String));
    const graph = queued.body.prompt;
    const refined = refinePrompt('a radiator', parameters);
    const node = (type: string) => Object.values(graph as Record<string, any>).filter((n) => n.class_type === type);
    expect(node('KSampler')).toEqual([
      {
        class_type: 'KSampler',
        inputs: expect.objectContaining({ seed: 99, steps: 20, cfg: 5, sampler_name: 'euler', scheduler: 'normal' }),
      },
    ]);
    expect(node('CheckpointLoaderSimple')[0].inputs).toEqual({ ckpt_name: DEFAULT_COMFYUI_CHECKPOINT });
    expect(node('EmptyLatentImage')[0].inputs).toEqual({ width: 512, height: 768, batch_size: 1 });
    expect(node('CLIPTextEncode').map((n) => n.inputs.text)).toEqual([refined.refined, refined.negative]);
    // the sampler's positive and negative links point at the right encoders
    const sampler = node('KSampler')[0].inputs;
    expect(graph[sampler.positive[0]].inputs.text).toBe(refined.refined);
    expect(graph[sampler.negative[0]].inputs.text).toBe(refined.negative);
    expect(node('SaveImage')).toHaveLength(1);

    const promptId = out.metadata.prompt_id as string;
    expect(fake.requestsTo('comfyui_history').map((r) => r.path)).toEqual(Array(4).fill(`/history/${promptId}`));
    const view = fake.last('comfyui_view');
    expect(Object.fromEntries(view.query)).toEqual({
      filename: `${promptId}.png`,
      subfolder: 'torque',
      type: 'output',
    });
    expect(out).toMatchObject({ engine: 'provider:comfyui', width: 512, height: 768, refined_prompt: refined.refined });
    expect(out.metadata).toMatchObject({ polls: 4, seed: 99, model: DEFAULT_COMFYUI_CHECKPOINT });
    await expectCleanPng(out.png, 512, 768);
    expectProgressDone(ctx);
    expect(ctx.steps.some(([, m]) => m.startsWith('Waiting for comfyui'))).toBe(true);
    // nothing cancelled on success
    expect(fake.requestsTo('comfyui_queue')).toHaveLength(0);
  });

  it('picks a seed when none is given and reports it', async () => {
    const out = await provider({ model: 'sd_xl_base_1.0.safetensors' }).run(
      { prompt: 'a radiator', images: {}, parameters: {} },
      recordingContext(),
    );
    const graph = fake.last('comfyui_prompt').body.prompt as Record<string, any>;
    const sampler = Object.values(graph).find((n) => n.class_type === 'KSampler');
    expect(Number.isInteger(sampler.inputs.seed)).toBe(true);
    expect(out.metadata.seed).toBe(sampler.inputs.seed);
    expect(out.metadata.model).toBe('sd_xl_base_1.0.safetensors');
  });

  it('on abort while polling: rejects with an AbortError, takes the prompt off the queue and interrupts it', async () => {
    fake.comfyPendingPolls = 1_000_000;
    const controller = new AbortController();
    const ctx = recordingContext(controller.signal);
    const run = provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, ctx);
    await fake.waitFor((rs) => rs.filter((r) => r.route === 'comfyui_history').length >= 2);
    const started = Date.now();
    controller.abort();
    const err = await rejection(run);
    expect(err.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    const promptId = fake.requestsTo('comfyui_history')[0].path.slice('/history/'.length);
    const deletes = fake.requestsTo('comfyui_queue').filter((r) => r.method === 'POST');
    expect(deletes.map((r) => r.body)).toEqual([{ delete: [promptId] }]);
    // the fake had it running (polled, not done): so it is interrupted, by id
    expect(fake.requestsTo('comfyui_interrupt').map((r) => r.body)).toEqual([{ prompt_id: promptId }]);
    const polls = fake.requestsTo('comfyui_history').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fake.requestsTo('comfyui_history')).toHaveLength(polls);
  });

  it('does not interrupt a prompt that is not the one running', async () => {
    fake.comfyPendingPolls = 1_000_000;
    const controller = new AbortController();
    const run = provider({ pollIntervalMs: 200 }).run(
      { prompt: 'a radiator', images: {}, parameters: {} },
      recordingContext(controller.signal),
    );
    // aborted before its first poll: the fake counts it as pending, not running
    await fake.waitFor((rs) => rs.some((r) => r.route === 'comfyui_prompt'));
    controller.abort();
    expect((await rejection(run)).name).toBe('AbortError');
    expect(fake.requestsTo('comfyui_queue').filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(fake.requestsTo('comfyui_interrupt')).toHaveLength(0);
  });

  it('fails with provider_failed when the prompt ends in an execution error', async () => {
    fake.failNextComfyPrompt('CUDA out of memory');
    const err = await rejection(
      provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toMatch(/^comfyui: prompt .+ failed: KSampler: CUDA out of memory$/);
  });

  it('fails a prompt ComfyUI refuses (400) without retrying, with its message', async () => {
    fake.answerNext('comfyui_prompt', 400, {
      error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation' },
      node_errors: { '4': { errors: [{ message: 'Value not in list: ckpt_name' }] } },
    });
    const err = await rejection(
      provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toBe('comfyui: HTTP 400 from POST /prompt: Prompt outputs failed validation');
    expect(fake.requestsTo('comfyui_prompt')).toHaveLength(1);
    expect(fake.requestsTo('comfyui_history')).toHaveLength(0);
  });

  it('retries a 503 on queueing and on a poll', async () => {
    fake.failNext('comfyui_prompt', 1, 503).failNext('comfyui_history', 1, 502);
    const out = await provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext());
    expect(fake.requestsTo('comfyui_prompt')).toHaveLength(2);
    expect(out.width).toBe(512);
  });

  it('gives up after maxWaitMs as retryable, and cancels the prompt', async () => {
    fake.comfyPendingPolls = 1_000_000;
    const err = await rejection(
      provider({ maxWaitMs: 80 }).run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: true });
    expect(err.message).toMatch(/^comfyui: no image for prompt .+ within 80 ms$/);
    expect(fake.requestsTo('comfyui_queue').filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it.each([
    ['no prompt_id', 'comfyui_prompt', { number: 1, node_errors: {} }],
    ['an output that is not an image', 'comfyui_view', 'this is not a png'],
  ] as const)('fails a garbage answer (%s) with provider_failed', async (_what, route, body) => {
    fake.answerNext(route, 200, body);
    const err = await rejection(
      provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toMatch(/^comfyui: /);
  });

  it('fails a poll answer that is not JSON', async () => {
    fake.answerNext('comfyui_history', 200, '<html>proxy error</html>');
    const err = await rejection(
      provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toBe(
      'comfyui: the answer to GET /history/' +
        fake.last('comfyui_history').path.slice(9) +
        ' is not JSON: <html>proxy error</html>',
    );
  });

  it('fails when the history says completed but has no image', async () => {
    const id = 'fixed';
    fake.answerNext('comfyui_prompt', 200, { prompt_id: id });
    fake.answerNext('comfyui_history', 200, {
      [id]: { outputs: {}, status: { status_str: 'success', completed: true } },
    });
    const second = await rejection(
      provider().run({ prompt: 'a radiator', images: {}, parameters: {} }, recordingContext()),
    );
    expect(second).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(second.message).toBe('comfyui: prompt fixed completed without an image');
  });
});
