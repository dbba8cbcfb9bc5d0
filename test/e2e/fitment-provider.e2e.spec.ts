// The OpenAI-compatible provider against a small chat-completions server in the test: structured output
// constrained to the local engine's candidate ids, and the fallback to the local result (with the reason
// in the reasoning) when the provider answers with an error, garbage, an id it was not offered, or not at all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AiFitmentJobCreatedDto, FitmentDto, JobFitmentsDto, ProductDto } from '@torque/contracts';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { FakeChatServer, type ChatMode } from './fitment-chat-server.js';

const JOBS = '/api/data-uploads/ai-fitment-jobs';
const PROVIDER_ENV = {
  FITMENT_PROVIDER: 'openai',
  OPENAI_API_KEY: 'test-key',
  OPENAI_MODEL: 'test-model',
  OPENAI_TIMEOUT_MS: '700',
};

describe('AI provider (OpenAI-compatible chat completions)', () => {
  let suite: Suite;
  let chat: FakeChatServer;
  let db: pg.Client;
  let product: ProductDto;

  beforeAll(async () => {
    chat = await new FakeChatServer().start();
    // The fitment service reads its provider settings from the environment at boot.
    Object.assign(process.env, PROVIDER_ENV, { OPENAI_BASE_URL: chat.baseUrl });
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=fitment' });
    await db.connect();
    const res = await suite.http('/api/v1/catalog/products', {
      method: 'POST',
      json: {
        part_number: 'ROTOR-9',
        name: 'Front Brake Rotor',
        description: 'Fits 2016-2018 Honda Civic LX, EX',
        category: 'Brake Rotors',
      },
    });
    product = (await res.json()) as ProductDto;
  });
  afterAll(async () => {
    for (const key of [...Object.keys(PROVIDER_ENV), 'OPENAI_BASE_URL']) delete process.env[key];
    await db?.end();
    await suite?.close();
    await chat?.stop();
  });

  async function runJob(mode: ChatMode): Promise<FitmentDto[]> {
    chat.mode = mode;
    const res = await suite.http(`${JOBS}/`, {
      method: 'POST',
      json: { product_ids: [product.id], job_type: 'selection' },
    });
    expect(res.status).toBe(201);
    const { job_id } = (await res.json()) as AiFitmentJobCreatedDto;
    await eventually(async () => {
      const p = (await (await suite.http(`${JOBS}/${job_id}/progress/`)).json()) as { job: { status: string } };
      return ['review_required', 'completed', 'failed'].includes(p.job.status);
    }, 15_000);
    const body = (await (await suite.http(`${JOBS}/${job_id}/fitments/`)).json()) as JobFitmentsDto;
    return body.fitments;
  }

  it('asks with the configured model and key, offering only catalog ids of the local candidates, and keeps what the model keeps', async () => {
    const before = chat.requests.length;
    const fitments = await runJob('keep-first');
    const request = chat.requests[before];
    expect(request).toEqual(
      expect.objectContaining({ model: 'test-model', authorization: 'Bearer test-key', partNumber: 'ROTOR-9' }),
    );
    expect(request.body.response_format).toEqual(
      expect.objectContaining({ type: 'json_schema', json_schema: expect.objectContaining({ strict: true }) }),
    );
    // 2016-2018 Civic, LX and EX: six candidates, each a base vehicle or vehicle id that exists in the catalog
    expect(request.candidateIds).toHaveLength(6);
    const known = await db.query(
      `SELECT count(*)::int AS n FROM unnest($1::bigint[]) id WHERE EXISTS (SELECT 1 FROM vehicles v WHERE v.id = id) OR EXISTS (SELECT 1 FROM base_vehicles b WHERE b.id = id)`,
      [request.candidateIds],
    );
    expect(known.rows[0].n).toBe(6);
    expect(fitments).toHaveLength(1);
    expect(fitments[0]).toEqual(expect.objectContaining({ source: 'provider', confidence_score: 0.91 }));
    expect(fitments[0].ai_reasoning).toMatch(
      /^openai:test-model: checked \d+ against the part text \(local engine 0\.\d+: /,
    );
  });

  it.each([
    ['http-500', /HTTP 500/],
    ['not-json', /not the JSON asked for/],
    ['bad-id', /names 123456789, which is not a candidate/],
    ['hang', /no answer within 700 ms/],
  ] as const)(
    'keeps the local result when the provider fails (%s) and says so in the reasoning',
    async (mode, reason) => {
      const fitments = await runJob(mode);
      expect(fitments).toHaveLength(6);
      for (const f of fitments) {
        expect(f.source).toBe('text');
        expect(f.ai_reasoning).toMatch(reason);
        expect(f.ai_reasoning).toContain('The AI provider openai:test-model failed');
        expect(f.ai_reasoning).toContain("the local engine's result stands");
        expect(f.findings.some((x) => x.code === 'note' && /AI provider failed/.test(x.message))).toBe(true);
      }
    },
  );
});
