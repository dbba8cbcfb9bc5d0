import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@torque/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { startSuite, type Suite } from '../support/suite.js';

/**
 * Walks the committed openapi.json and sends every operation malformed variants of a request: a NUL character (and,
 * in bodies, a lone surrogate) in each string of the path, the query and the body, wrong types, huge strings, deep
 * nesting, empty and broken JSON, missing required fields, broken forms, random values (fast-check, fixed seed)
 * and, for bodies, one that stops before its Content-Length. Every answer must come within ANSWER_MS, below 500,
 * in the error envelope when it is an error; unstorable text and a too deep body must be refused with a 400 naming
 * the field.
 */

const SEED = 20_240_601;
const RANDOM_RUNS = 4;
/** Long enough for a loaded test machine (RPC_TIMEOUT_MS below it), far below a hang. */
const ANSWER_MS = 8000;
const RPC_TIMEOUT_MS = 6000;
const IDLE_MS = 1000;
const CONCURRENCY = 6;
const BODY_LIMIT = 1_048_576;

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const DOCUMENT = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as OpenApi;

function resolve(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (;;) {
    if (s.$ref) s = DOCUMENT.components.schemas[s.$ref.split('/').pop()!];
    else if (s.allOf?.length === 1) s = s.allOf[0];
    else return s;
  }
}

/** A value the schema takes, from its example, default or first enum value where it has one. */
function exampleOf(schema: Schema | undefined, uuid: string): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'uuid' ? uuid : s.format === 'date-time' ? new Date().toISOString() : 'x';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [exampleOf(s.items, uuid)];
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((name) => [name, exampleOf(s.properties?.[name], uuid)] as const),
      );
    default:
      return 'x';
  }
}

/**
 * Dotted paths of the string fields of a body schema, one level into nested objects; `<path>.*` for an object of
 * free-form keys.
 */
function stringFields(schema: Schema, prefix = '', depth = 0): string[] {
  const s = resolve(schema);
  const out: string[] = [];
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const p = resolve(property);
    const path = prefix ? `${prefix}.${name}` : name;
    if (p.type === 'string' && p.format !== 'binary') out.push(path);
    else if (p.type === 'object' && p.properties && depth < 1) out.push(...stringFields(p, path, depth + 1));
    else if (p.type === 'object') out.push(`${path}.*`);
    else if (p.type === 'array' && resolve(p.items).type === 'string') out.push(`${path}.0`);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(key) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy;
}

interface Variant {
  label: string;
  /** Query string (already encoded), without `?`. */
  query?: string;
  /** Path parameters (already encoded) over the base ones. */
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  contentType?: string;
  /** Declare a Content-Length larger than the body and stop sending: the gateway must cut it within IDLE_MS. */
  truncated?: boolean;
  /** The field a 400 must name in its details (a NUL, a too deep body). */
  mustName?: string;
}

interface Case {
  operation: string;
  method: string;
  path: string;
  variant: Variant;
}

/** Strings no service can store: in a URL only a NUL can be written (an encoded lone surrogate is not UTF-8). */
const NUL_VALUES = ['a\u0000b'];
const UNSTORABLE_VALUES = [...NUL_VALUES, 'a\udc00b'];
const WRONG_JSON_VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['a fraction', 1.5],
  ['-1e308', -1e308],
  ['an empty string', ''],
  ['an array', []],
  ['an object', {}],
  ['a huge string', 'x'.repeat(200_000)],
  ['control characters', '\u0001\u001f\u007f\u202e'],
];
const WRONG_QUERY_VALUES: [string, string][] = [
  ['an empty value', ''],
  ['an array', 'a&{name}=b'],
];
const WRONG_NUMBER_QUERY_VALUES: [string, string][] = [
  ['letters', 'abc'],
  ['-1', '-1'],
  ['a fraction', '1.5'],
  ['a huge number', '99999999999999999999999'],
];
const WRONG_TEXT_QUERY_VALUES: [string, string][] = [
  ['a long string', 'x'.repeat(8000)],
  ['bad percent-encoding and an encoded lone surrogate', '%ZZ%ED%A0%80'],
];
const WRONG_PATH_VALUES: [string, string][] = [
  ['letters', 'abc'],
  ['-1', '-1'],
  ['a huge number', '99999999999999999999999'],
  ['a long string', 'x'.repeat(2000)],
  ['bad percent-encoding', '%ZZ'],
  ['an encoded slash', '..%2F..%2Fx'],
  ['an encoded lone surrogate', '%ED%A0%80'],
];
const BROKEN_BODIES: [string, string][] = [
  ['an empty body', ''],
  ['whitespace', '   '],
  ['an unfinished object', '{'],
  ['a missing value', '{"a":}'],
  ['a trailing comma', '{"a":1,}'],
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"x"'],
  ['a number', '123'],
  ['__proto__', '{"__proto__":{"polluted":true}}'],
  ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
  ['a raw control character in a string', '{"a":"\u0001"}'],
  ['a NUL key', '{"a\\u0000":1}'],
  ['a deep array body', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  ['a deep object body', `${'{"a":'.repeat(8000)}1${'}'.repeat(8000)}`],
];

function multipart(
  boundary: string,
  parts: { name: string; value: string | Buffer; fileName?: string; type?: string }[],
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A 1×1 PNG: the image of a media task's multipart form. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** The error code of operations that answer refused input in their seed's shape rather than the envelope's. */
const SEED_ERRORS: Record<string, string> = { '/api/v1/tasks/submit': 'Invalid input' };

/** The file of each multipart operation (CSV for imports), valid for it. */
const FILES: Record<string, { field: string; csv: string | Buffer }> = {
  '/api/v1/tasks/submit': { field: 'image', csv: PNG_1X1 },
  '/api/v1/ingestion/uploads': { field: 'file', csv: 'part_number,name\nFZ-1,Fuzzed part\n' },
  '/api/data-uploads/ai-fitment-jobs': {
    field: 'product_file',
    csv: 'part_number,description\nFZ-1,Fits 2019 Toyota Camry\n',
  },
  '/api/v1/fitment/vehicles/import': { field: 'file', csv: 'year,make,model\n2024,Fuzzmake,Fuzzmodel\n' },
};

function multipartVariants(path: string, schema: Schema): Variant[] {
  const file = FILES[path];
  const s = resolve(schema.oneOf ? schema.oneOf.find((o) => resolve(o).properties?.[file.field]) : schema);
  const fields = Object.entries(s.properties ?? {})
    .filter(([, p]) => resolve(p).format !== 'binary')
    .map(([name, p]) => ({ name, value: String(exampleOf(p, randomUUID())) }));
  const boundary = 'fuzzboundary';
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const form = (
    overFields: { name: string; value: string }[] = fields,
    fileName = 'fuzz.csv',
    csv: string | Buffer = file.csv,
  ) => multipart(boundary, [...overFields, { name: file.field, value: csv, fileName, type: 'text/csv' }]);
  const variants: Variant[] = [{ label: 'the valid form', body: form(), contentType }];
  for (const nul of NUL_VALUES) {
    variants.push({
      label: `NUL in the file name (${JSON.stringify(nul)})`,
      body: form(fields, `fu${nul}zz.csv`),
      contentType,
      mustName: file.field,
    });
    for (const field of fields) {
      variants.push({
        label: `NUL in field ${field.name}`,
        body: form(
          fields.map((f) => (f.name === field.name ? { ...f, value: nul } : f)),
          `${randomUUID()}.csv`,
        ),
        contentType,
        mustName: field.name,
      });
    }
    variants.push({
      label: 'NUL in a field name',
      body: form([...fields, { name: `x${nul}`, value: 'y' }]),
      contentType,
    });
  }
  for (const field of fields) {
    for (const [what, value] of [
      ['an empty value', ''],
      ['a wrong value', 'bogus'],
      ['a huge value', 'x'.repeat(100_000)],
      ['broken JSON', '{"a":'],
      ['deep JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ] as const) {
      variants.push({
        label: `field ${field.name}: ${what}`,
        body: form(fields.map((f) => (f.name === field.name ? { ...f, value } : f))),
        contentType,
      });
    }
  }
  variants.push(
    { label: 'no file', body: multipart(boundary, fields), contentType },
    { label: 'an empty file', body: form(fields, 'empty.csv', ''), contentType },
    { label: 'a file of another type', body: form(fields, 'fuzz.exe', Buffer.from([0x4d, 0x5a, 0, 1])), contentType },
    {
      label: 'binary bytes named .csv',
      body: form(fields, 'fuzz.csv', Buffer.from([0xff, 0xfe, 0, 0, 0x80])),
      contentType,
    },
    {
      label: 'a second file',
      body: multipart(boundary, [
        ...fields,
        { name: file.field, value: file.csv, fileName: 'a.csv', type: 'text/csv' },
        { name: file.field, value: file.csv, fileName: 'b.csv', type: 'text/csv' },
      ]),
      contentType,
    },
    {
      label: 'a field after the file',
      body: multipart(boundary, [
        { name: file.field, value: file.csv, fileName: 'a.csv', type: 'text/csv' },
        ...fields,
      ]),
      contentType,
    },
    {
      label: 'a JSON field',
      body: multipart(boundary, [
        { name: 'x', value: `${'['.repeat(5000)}${']'.repeat(5000)}`, type: 'application/json' },
        ...fields,
      ]),
      contentType,
    },
    {
      label: 'many fields',
      body: form([...fields, ...Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, value: 'v' }))]),
      contentType,
    },
    { label: 'no boundary', body: form(), contentType: 'multipart/form-data' },
    { label: 'another boundary', body: form(), contentType: 'multipart/form-data; boundary=other' },
    { label: 'an unterminated form', body: form().subarray(0, 60), contentType },
    { label: 'garbage', body: Buffer.from('not a form at all'), contentType },
    { label: 'a JSON body', body: '{"kind":"products"}', contentType: 'application/json' },
    { label: 'a body that stops before its Content-Length', body: form(), contentType, truncated: true },
  );
  return variants;
}

function jsonVariants(schema: Schema, index: number): Variant[] {
  const s = resolve(schema.oneOf ? schema.oneOf[0] : schema);
  const uuid = randomUUID();
  const base = exampleOf(s, uuid) as Record<string, unknown>;
  const json = (value: unknown) => JSON.stringify(value);
  const variants: Variant[] = [{ label: 'the example body', body: json(base) }];
  for (const field of stringFields(s)) {
    // A free-form object (attributes, a mapping) is tried with the text as the value of key `k`, and as a key.
    const freeForm = field.endsWith('.*');
    const valuePath = freeForm ? field.replace(/\*$/, 'k') : field;
    for (const bad of UNSTORABLE_VALUES) {
      const label = JSON.stringify(bad);
      variants.push({
        label: `${label} in ${valuePath}`,
        body: json(setPath(base, valuePath, bad)),
        mustName: valuePath,
      });
      if (freeForm) {
        const keyPath = field.replace(/\*$/, `k${bad}`);
        variants.push({
          label: `${label} in a key of ${field}`,
          body: json(setPath(base, keyPath, 'v')),
          mustName: keyPath,
        });
      }
    }
  }
  for (const name of Object.keys(s.properties ?? {})) {
    for (const [what, value] of WRONG_JSON_VALUES)
      variants.push({ label: `${name}: ${what}`, body: json({ ...base, [name]: value }) });
    variants.push({
      label: `${name}: nested 10000 deep`,
      body: `{"${name}":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      mustName: name,
    });
  }
  for (const name of s.required ?? []) {
    const rest = { ...base };
    delete rest[name];
    variants.push({ label: `without required ${name}`, body: json(rest) });
  }
  variants.push(
    { label: 'an unknown field', body: json({ ...base, unknownField: 1 }) },
    { label: 'an empty object', body: '{}' },
    { label: 'a body over BODY_LIMIT_BYTES', body: json({ ...base, pad: 'x'.repeat(BODY_LIMIT + 10) }) },
    { label: 'a byte order mark', body: `\ufeff${json(base)}` },
    {
      label: 'invalid UTF-8',
      body: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    },
    { label: 'text/plain', body: json(base), contentType: 'text/plain' },
    { label: 'a charset parameter', body: json(base), contentType: 'application/json; charset=iso-8859-1' },
    { label: 'a vendor JSON type', body: json(base), contentType: 'application/vnd.api+json' },
    { label: 'form-urlencoded', body: 'a=1&a=2&b[c]=3', contentType: 'application/x-www-form-urlencoded' },
    { label: 'a body that stops before its Content-Length', body: json(base), truncated: true },
    ...BROKEN_BODIES.map(([what, body]) => ({ label: `${what} as JSON`, body })),
  );
  const propertyNames = Object.keys(s.properties ?? {});
  const randomValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 40 }));
  const randomBodies = fc.sample(
    fc.dictionary(fc.constantFrom(...propertyNames, 'extra'), randomValue, { maxKeys: 4 }),
    { seed: SEED + index, numRuns: RANDOM_RUNS },
  );
  randomBodies.forEach((random, i) =>
    variants.push({ label: `random body #${i}`, body: json({ ...base, ...random }) }),
  );
  return variants;
}

function parameterVariants(parameters: Parameter[], index: number): Variant[] {
  const variants: Variant[] = [];
  const query = parameters.filter((p) => p.in === 'query');
  const path = parameters.filter((p) => p.in === 'path');
  for (const p of query) {
    for (const nul of NUL_VALUES)
      variants.push({ label: `NUL in ?${p.name}`, query: `${p.name}=${encodeURIComponent(nul)}`, mustName: p.name });
    const type = resolve(p.schema).type;
    const typed = type === 'number' || type === 'integer' ? WRONG_NUMBER_QUERY_VALUES : WRONG_TEXT_QUERY_VALUES;
    for (const [what, value] of [...WRONG_QUERY_VALUES, ...typed])
      variants.push({ label: `?${p.name}: ${what}`, query: `${p.name}=${value.replace('{name}', p.name)}` });
  }
  for (const p of path) {
    for (const nul of NUL_VALUES)
      variants.push({
        label: `NUL in {${p.name}}`,
        params: { [p.name]: encodeURIComponent(nul) },
        mustName: p.name,
      });
    for (const [what, value] of WRONG_PATH_VALUES)
      variants.push({ label: `{${p.name}}: ${what}`, params: { [p.name]: value } });
  }
  for (const p of parameters.filter((p) => p.in === 'header' && p.name !== 'X-Tenant-ID')) {
    variants.push(
      { label: `${p.name}: empty`, headers: { [p.name]: '' } },
      { label: `${p.name}: 300 characters`, headers: { [p.name]: 'k'.repeat(300) } },
    );
  }
  variants.push(
    { label: 'an unknown query parameter', query: 'unknownParam=1' },
    { label: 'a huge query string', query: `q=${'x'.repeat(20_000)}` },
    { label: 'an X-Tenant-ID of 65 characters', headers: { 'x-tenant-id': 't'.repeat(65) } },
  );
  const randomText = fc.string({ unit: 'binary', maxLength: 30 });
  if (query.length) {
    const names = query.map((p) => p.name);
    fc.sample(fc.dictionary(fc.constantFrom(...names), randomText, { maxKeys: 3 }), {
      seed: SEED + 1000 + index,
      numRuns: RANDOM_RUNS,
    }).forEach((random, i) =>
      variants.push({ label: `random query #${i}`, query: new URLSearchParams(random).toString() }),
    );
  }
  for (const p of path) {
    fc.sample(randomText, { seed: SEED + 2000 + index, numRuns: RANDOM_RUNS }).forEach((value, i) =>
      variants.push({
        label: `random {${p.name}} #${i}`,
        params: { [p.name]: encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd')) || 'x' },
      }),
    );
  }
  return variants;
}

interface Outcome {
  status?: number;
  contentType?: string | null;
  text?: string;
  closed?: boolean;
  timedOut?: boolean;
}

/** A request with a Content-Length larger than what is sent, on a raw socket: what comes back, or that it closed. */
function truncatedRequest(url: URL, method: string, path: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<Outcome>((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ timedOut: true });
    }, ANSWER_MS);
    socket.on('connect', () => {
      const head = Object.entries({ ...headers, host: url.host, 'content-length': String(body.length + 1000) })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n\r\n`);
      socket.write(body.subarray(0, Math.max(1, body.length - 10)));
    });
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      const text = received.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      resolve({ status: status ? Number(status) : undefined, closed: true, text, contentType: 'application/json' });
    });
  });
}

describe('openapi.json fuzzed: malformed input never gets a 5xx or no answer', () => {
  let suite: Suite;
  let token: string;
  const seeds: Record<string, string> = {};

  beforeAll(async () => {
    suite = await startSuite({
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
        RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      },
      // A generation provider (never reached: no media task runs here), so that a valid image_generation is
      // accepted rather than answered 503 for the missing provider.
      serviceEnv: {
        media: {
          WORKER_QUEUES: 'maintenance',
          MEDIA_GENERATION_PROVIDER: 'automatic1111',
          MEDIA_GENERATION_BASE_URL: 'http://127.0.0.1:9',
        },
      },
    });
    token = await suite.token({ roles: ['admin', 'reviewer', 'operator', 'viewer'] });
    // Real records, so path parameters reach the services' code beyond "not found".
    const product = await suite.http('/api/v1/catalog/products', {
      method: 'POST',
      json: { part_number: 'FZ-SEED', name: 'Fuzz seed' },
    });
    seeds.productId = String(((await product.json()) as { id: number }).id);
    const form = new FormData();
    form.append('kind', 'products');
    form.append('file', new Blob(['part_number,name\nFZ-SEED,Fuzz seed\n']), 'seed.csv');
    const upload = await suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: form });
    seeds.uploadId = ((await upload.json()) as { id: string }).id;
    const job = await suite.http('/api/data-uploads/ai-fitment-jobs', {
      method: 'POST',
      json: { product_ids: [Number(seeds.productId)] },
    });
    seeds.fitmentJobId = ((await job.json()) as { job_id: string }).job_id;
    expect(Object.values(seeds).every(Boolean)).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await suite?.close();
  });

  function pathValue(path: string, parameter: Parameter): string {
    if (resolve(parameter.schema).type === 'integer') return seeds.productId;
    if (path.includes('/ingestion/uploads/')) return seeds.uploadId;
    if (path.includes('/ai-fitment-jobs/') || path.startsWith('/api/v1/jobs/')) return seeds.fitmentJobId;
    return randomUUID();
  }

  function cases(): Case[] {
    const out: Case[] = [];
    let index = 0;
    for (const [path, methods] of Object.entries(DOCUMENT.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        index++;
        const variants = parameterVariants(operation.parameters ?? [], index);
        const content = operation.requestBody?.content ?? {};
        if (content['multipart/form-data'])
          variants.push(...multipartVariants(path, content['multipart/form-data'].schema));
        if (content['application/json']) variants.push(...jsonVariants(content['application/json'].schema, index));
        if (!operation.requestBody && method !== 'get') {
          variants.push(
            { label: 'an unexpected JSON body', body: '{"a":1}' },
            { label: 'an unexpected broken body', body: '{' },
            { label: 'an unexpected deep body', body: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
          );
        }
        for (const variant of variants)
          out.push({ operation: `${method.toUpperCase()} ${path}`, method, path, variant });
      }
    }
    return out;
  }

  async function send(c: Case): Promise<Outcome> {
    const operation = DOCUMENT.paths[c.path][c.method];
    let path = c.path;
    for (const p of (operation.parameters ?? []).filter((p) => p.in === 'path'))
      path = path.replace(`{${p.name}}`, c.variant.params?.[p.name] ?? pathValue(c.path, p));
    if (c.variant.query) path += `?${c.variant.query}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'x-tenant-id': 'acme',
      ...c.variant.headers,
    };
    const hasBody = c.variant.body !== undefined;
    if (hasBody) headers['content-type'] = c.variant.contentType ?? 'application/json';
    if (c.variant.truncated) {
      const body = Buffer.isBuffer(c.variant.body) ? c.variant.body : Buffer.from(c.variant.body ?? '');
      return truncatedRequest(new URL(suite.gatewayUrl), c.method.toUpperCase(), path, headers, body);
    }
    try {
      const res = await fetch(`${suite.gatewayUrl}${path}`, {
        method: c.method.toUpperCase(),
        headers,
        body: hasBody ? c.variant.body : undefined,
        signal: AbortSignal.timeout(ANSWER_MS),
      });
      const contentType = res.headers.get('content-type');
      if (contentType?.startsWith('text/event-stream')) {
        await res.body?.cancel();
        return { status: res.status, contentType };
      }
      return { status: res.status, contentType, text: await res.text() };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') return { timedOut: true };
      // The gateway may close a connection whose request it refused before reading the body.
      return { closed: true, text: String((err as Error).cause ?? err) };
    }
  }

  function problem(c: Case, outcome: Outcome): string | null {
    if (outcome.timedOut) return `no answer within ${ANSWER_MS} ms`;
    if (outcome.status === undefined) return c.variant.truncated ? null : `connection closed: ${outcome.text}`;
    if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.text?.slice(0, 300)}`;
    if (outcome.status < 400) return c.variant.mustName ? `answered ${outcome.status}, not 400` : null;
    let envelope: { error?: unknown; message?: unknown; details?: Record<string, unknown> };
    try {
      envelope = JSON.parse(outcome.text ?? '') as typeof envelope;
    } catch {
      return `answered ${outcome.status} without a JSON envelope: ${outcome.text?.slice(0, 200)}`;
    }
    const seedError = SEED_ERRORS[c.path] !== undefined && envelope.error === SEED_ERRORS[c.path];
    if ((!ERROR_CODES.includes(envelope.error as never) && !seedError) || typeof envelope.message !== 'string')
      return `answered ${outcome.status} with no error envelope: ${outcome.text?.slice(0, 200)}`;
    if (c.variant.mustName && !(outcome.status === 400 && envelope.details?.[c.variant.mustName]))
      return `answered ${outcome.status} without naming ${c.variant.mustName}: ${outcome.text?.slice(0, 300)}`;
    return null;
  }

  function describeInput(c: Case): string {
    const body = c.variant.body === undefined ? '' : ` body ${JSON.stringify(String(c.variant.body).slice(0, 160))}`;
    const query = c.variant.query ? ` query ${c.variant.query.slice(0, 120)}` : '';
    const params = c.variant.params ? ` params ${JSON.stringify(c.variant.params).slice(0, 120)}` : '';
    return `${query}${params}${body}`;
  }

  it('answers every operation of openapi.json, whatever the input, below 500 and within a few seconds', async () => {
    const all = cases();
    const operations = new Set(all.map((c) => c.operation));
    expect(operations.size).toBeGreaterThanOrEqual(40);
    const failures: string[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < all.length) {
          const c = all[next++];
          const found = problem(c, await send(c));
          if (found) failures.push(`${c.operation} [${c.variant.label}]: ${found}\n    input:${describeInput(c)}`);
        }
      }),
    );
    process.stdout.write(
      `openapi fuzz: ${operations.size} operations, ${all.length} requests, ${Date.now() - started} ms, ${failures.length} failures\n`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
