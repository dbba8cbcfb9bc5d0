// Assistant retrieval through the gateway: the products that answer a question, each with its passage; the
// vehicle a question names (a known approved-fitment vehicle) as a filter; with a chat provider (a fake
// OpenAI-compatible server), a short answer citing only retrieved products, citations of others stripped, and
// the retrieved list whenever the provider fails or hangs; tenant isolation; bad input 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AiFitmentJobCreatedDto,
  AssistantAnswerDto,
  ErrorEnvelopeDto,
  FitmentPageDto,
  ProductDto,
} from '@torque/contracts';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { AssistantChatServer } from './assistant-chat-server.js';

const PRODUCTS = '/api/v1/catalog/products';
const ANSWERS = '/api/v1/assistant/answers';

async function seed(suite: Suite) {
  const create = async (product: Record<string, unknown>, tenant = 'acme'): Promise<ProductDto> => {
    const res = await suite.http(PRODUCTS, { method: 'POST', json: product, tenant });
    expect(res.status).toBe(201);
    return (await res.json()) as ProductDto;
  };
  const ceramic = await create({
    part_number: 'CP-200',
    name: 'Ceramic Brake Pads',
    description: 'Front axle set. Low-dust ceramic compound for quiet stops. Fits 2016-2018 Honda Civic.',
    brand: 'Bosch',
    category: 'Brake Pads',
    attributes: { position: 'Front' },
  });
  const rotor = await create({
    part_number: 'RT-1170',
    name: 'Front Brake Rotor',
    description: 'Vented rotor, 296 mm. Pairs with ceramic pads.',
    brand: 'Brembo',
    category: 'Brake Rotors',
  });
  const wiper = await create({ part_number: 'WB-22', name: 'Wiper Blade 22 in', category: 'Wipers' });
  const other = await create({ part_number: 'CP-200', name: 'Globex Ceramic Brake Pads', brand: 'Globex' }, 'globex');
  return { create, ceramic, rotor, wiper, other };
}

async function ask(suite: Suite, json: Record<string, unknown>, tenant = 'acme'): Promise<AssistantAnswerDto> {
  const res = await suite.http(ANSWERS, { method: 'POST', json, tenant });
  expect(res.status).toBe(200);
  return (await res.json()) as AssistantAnswerDto;
}

describe('assistant answers without a chat provider', () => {
  let suite: Suite;
  let products: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'indexer'],
      // The vehicles approved during a test are read by the next question.
      serviceEnv: { indexer: { ASSISTANT_VEHICLES_CACHE_MS: '0' } },
    });
    products = await seed(suite);
    await eventually(async () => (await ask(suite, { question: 'wiper blade' })).sources.length === 1, 15_000);
    await eventually(async () => (await ask(suite, { question: 'ceramic' }, 'globex')).sources.length === 1, 15_000);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('answers with the retrieved products and their passages (retrieval mode)', async () => {
    const r = await ask(suite, { question: 'Which ceramic pads give quiet stops?' });
    expect(r.mode).toBe('retrieval');
    expect(r.answer).toBeNull();
    expect(r.cited).toEqual([]);
    expect(r.provider).toBeNull();
    expect(r.model).toBeNull();
    expect(r.sources[0].product.part_number).toBe('CP-200');
    expect(r.sources[0].passage).toEqual({
      field: 'description',
      text: 'Low-dust ceramic compound for quiet stops.',
    });
    const byPart = await ask(suite, { question: 'do you have kb rt1170?', limit: 1 });
    expect(byPart.sources.map((s) => s.product.product_id)).toEqual([products.rotor.id]);
    const filtered = await ask(suite, { question: 'front brake', filters: { brand: 'brembo' } });
    expect(filtered.sources.map((s) => s.product.product_id)).toEqual([products.rotor.id]);
  });

  it('uses a known approved-fitment vehicle the question names as the vehicle filter', async () => {
    const created = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: [products.ceramic.id], job_type: 'selection' },
    });
    expect(created.status).toBeLessThan(300);
    const { job_id } = (await created.json()) as AiFitmentJobCreatedDto;
    const fitments = await eventually(async () => {
      const res = await suite.http(`/api/v1/fitment/fitments?job_id=${job_id}&limit=100`);
      const page = (await res.json()) as FitmentPageDto;
      return page.data.some((f) => f.make === 'Honda') ? page.data : null;
    }, 20_000);
    const v = fitments.find((f) => f.make === 'Honda')!;
    const approve = await suite.http('/api/v1/fitment/fitments/review', {
      method: 'POST',
      json: { action: 'approve', fitment_ids: [v.id] },
    });
    expect(approve.status).toBe(200);
    const r = await eventually(async () => {
      const a = await ask(suite, { question: `what brake pads fit a ${v.year} ${v.model}` });
      return a.vehicle ? a : null;
    }, 15_000);
    expect(r.vehicle).toEqual({ year: v.year, make: v.make, model: v.model });
    expect(r.sources.map((s) => s.product.product_id)).toEqual([products.ceramic.id]);
  });

  it("never answers with another tenant's products", async () => {
    const acme = await ask(suite, { question: 'ceramic brake pads' });
    expect(acme.sources.map((s) => s.product.product_id)).not.toContain(products.other.id);
    const globex = await ask(suite, { question: 'ceramic brake pads' }, 'globex');
    expect(globex.sources.map((s) => s.product.product_id)).toEqual([products.other.id]);
    expect((await ask(suite, { question: 'wiper blade' }, 'globex')).sources).toEqual([]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const bad = async (json: unknown, field: string) => {
      const res = await suite.http(ANSWERS, { method: 'POST', json });
      const body = (await res.json()) as ErrorEnvelopeDto;
      expect({ status: res.status, error: body.error }).toEqual({ status: 400, error: 'validation_failed' });
      expect(Object.keys(body.details ?? {}).join(' ')).toContain(field);
    };
    await bad({}, 'question');
    await bad({ question: '' }, 'question');
    await bad({ question: '   ' }, 'question');
    await bad({ question: 'x'.repeat(10 * 1024) }, 'question');
    await bad({ question: 'a\u0000b' }, 'question');
    await bad({ question: 42 }, 'question');
    await bad({ question: 'pads', limit: 0 }, 'limit');
    await bad({ question: 'pads', limit: 1000 }, 'limit');
    await bad({ question: 'pads', filters: 'honda' }, 'filters');
    await bad({ question: 'pads', filters: { year: 1800 } }, 'year');
    await bad({ question: 'pads', filters: { price_min: -1 } }, 'price_min');
    await bad({ question: 'pads', filters: { make: '' } }, 'make');
    await bad({ question: 'pads', filters: { colour: 'red' } }, 'colour');
    await bad({ question: 'pads', mode: 'generated' }, 'mode');
  });
});

describe('assistant answers with a chat provider', () => {
  let suite: Suite;
  let chat: AssistantChatServer;

  beforeAll(async () => {
    chat = await new AssistantChatServer().start();
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'indexer'],
      serviceEnv: {
        indexer: {
          ASSISTANT_CHAT_BASE_URL: chat.baseUrl,
          ASSISTANT_CHAT_API_KEY: 'sk-test',
          ASSISTANT_CHAT_MODEL: 'test-model',
          ASSISTANT_CHAT_TIMEOUT_MS: '1000',
          ASSISTANT_CHAT_MAX_RETRIES: '1',
          ASSISTANT_CHAT_PRODUCT_CHARS: '120',
        },
      },
    });
    await seed(suite);
    await eventually(async () => (await ask(suite, { question: 'wiper blade' })).sources.length === 1, 15_000);
  });

  afterAll(async () => {
    await suite?.close();
    await chat?.stop();
  });

  it('answers with the model, citing only retrieved products, sending only their text', async () => {
    chat.mode = 'cite-first';
    chat.requests.length = 0;
    const r = await ask(suite, { question: 'ceramic brake pads', limit: 2 });
    expect(r.mode).toBe('generated');
    expect(r.provider).toBe('openai');
    expect(r.model).toBe('test-model');
    expect(r.answer).toBe('The Ceramic Brake Pads [CP-200] answers it.');
    expect(r.cited).toEqual(['CP-200']);
    expect(r.warning).toBeUndefined();
    const sent = chat.requests[0];
    expect(sent.authorization).toBe('Bearer sk-test');
    expect(sent.question).toBe('ceramic brake pads');
    expect(sent.products.map((p) => p.part_number)).toEqual(r.sources.map((s) => s.product.part_number));
    expect(sent.products.every((p) => p.text.length <= 120)).toBe(true);
    expect(JSON.stringify(sent.body)).not.toContain('Globex');
    expect(sent.body.response_format.json_schema.strict).toBe(true);
  });

  it('strips citations of products that were not retrieved', async () => {
    chat.mode = 'cite-unknown-too';
    const r = await ask(suite, { question: 'ceramic brake pads' });
    expect(r.mode).toBe('generated');
    expect(r.cited).toEqual(['CP-200']);
    expect(r.answer).toBe('Take [CP-200] or.');
    expect(r.warning).toContain('NOPE-999');
    chat.mode = 'cite-only-unknown';
    const none = await ask(suite, { question: 'ceramic brake pads' });
    expect(none.mode).toBe('retrieval');
    expect(none.answer).toBeNull();
    expect(none.cited).toEqual([]);
    expect(none.sources[0].product.part_number).toBe('CP-200');
    expect(none.warning).toContain('NOPE-999');
  });

  it('falls back to the retrieved products when the provider fails or hangs', async () => {
    for (const mode of ['http-500', 'hang'] as const) {
      chat.mode = mode;
      chat.requests.length = 0;
      const r = await ask(suite, { question: 'ceramic brake pads' });
      expect(r.mode).toBe('retrieval');
      expect(r.answer).toBeNull();
      expect(r.provider).toBeNull();
      expect(r.sources[0].product.part_number).toBe('CP-200');
      expect(r.warning).toMatch(mode === 'hang' ? /no answer within 1000 ms/ : /HTTP 500/);
      expect(chat.requests.length).toBe(mode === 'hang' ? 1 : 2); // one retry after a 500, none after a timeout
    }
  });
});
