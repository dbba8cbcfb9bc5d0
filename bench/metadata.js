// bench:metadata: the metadata engine of issue 13, from the build output (npm run build). In one run:
// - quality: the local engine (wink-nlp TextRank) on the labelled texts of bench/metadata-data (products and
//   project documents): tag precision and recall against the reference tags, by kind, and checks of every summary
//   (at most 300 characters, sentences verbatim from the text, reference tags it mentions);
// - speed: local generations/s on 4,000-character texts (project documents run together and cut at 4,000 by
//   truncateMetadataContent), after the model load, which is timed on its own;
// - overhead: the provider chain with the OpenAI provider against a fake chat-completions server in this process
//   that answers at once, against the same provider called directly, BENCH_CALLS (default 2,000) calls each, in
//   alternating blocks; the difference is what the chain adds (deadline timer, breaker, metrics, logging path).
// A predicted tag matches a reference tag when they are equal or one contains the other as whole words ("brake
// pads" matches "ceramic brake pads", "abs" does not match "absorbers"). Precision: the share of predicted tags
// matching some reference tag; recall: the share of reference tags some predicted tag matches; both over all tags.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { projects } from './metadata-data/projects.js';
import { products } from './metadata-data/products.js';

const DIST = new URL('../dist/apps/indexer-service/src/metadata/engine/', import.meta.url);
if (!existsSync(new URL('local-metadata-engine.js', DIST))) {
  console.error('bench:metadata runs the build output: run `npm run build` first.');
  process.exit(1);
}
const load = (file) => import(new URL(file, DIST).href);
const { LocalMetadataEngine } = await load('local-metadata-engine.js');
const { MetadataProviderChain } = await load('metadata-provider-chain.js');
const { OpenAiMetadataProvider } = await load('openai-metadata.provider.js');
const { truncateMetadataContent } = await load('metadata-engine-env.js');
const { collapseWhitespace, normalizeTag } = await load('metadata-output.js');
const { MetadataEngineMetrics } = await load('metadata-engine-metrics.js');
const { MetricsService } = await import(
  new URL('../dist/libs/platform/src/observability/metrics.service.js', import.meta.url).href
);

const PARTS = new Set((process.env.BENCH_PARTS ?? 'quality,speed,overhead').split(','));
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 200);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const loadAverage = () => loadavg()[0].toFixed(1);
const pct = (x) => `${(100 * x).toFixed(1)}%`;

console.log(`node ${process.version}, ${cpus().length} CPUs, 1-minute load average ${loadAverage()}`);

const engine = new LocalMetadataEngine();
let t = performance.now();
engine.extract({ title: 'Warm-up', content: 'The wink model loads on the first text.' });
console.log(`model load and first text: ${(performance.now() - t).toFixed(0)} ms`);

// --- quality ---
const words = (tag) =>
  ` ${normalizeTag(tag)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
const matches = (a, b) => {
  const x = words(a);
  const y = words(b);
  return x === y || x.includes(y) || y.includes(x);
};

function quality(texts) {
  let predicted = 0;
  let predictedMatched = 0;
  let references = 0;
  let referencesFound = 0;
  let tagCount = 0;
  let exact = 0;
  const summary = { over: 0, notVerbatim: 0, sentences: 0, length: 0, mentioned: 0 };
  const rows = [];
  for (const text of texts) {
    const result = engine.extract({ title: text.title, content: text.content });
    const hit = result.tags.filter((p) => text.tags.some((r) => matches(p, r)));
    const found = text.tags.filter((r) => result.tags.some((p) => matches(p, r)));
    exact += result.tags.filter((p) => text.tags.some((r) => words(p) === words(r))).length;
    predicted += result.tags.length;
    predictedMatched += hit.length;
    references += text.tags.length;
    referencesFound += found.length;
    tagCount += result.tags.length;
    const flat = collapseWhitespace(text.content);
    const parts = result.summary.endsWith('…')
      ? [result.summary.slice(0, -1)]
      : result.summary.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/);
    if (result.summary.length > 300) summary.over++;
    if (!parts.every((s) => flat.includes(s))) summary.notVerbatim++;
    summary.sentences += parts.length;
    summary.length += result.summary.length;
    summary.mentioned += text.tags.filter((r) => words(result.summary.toLowerCase()).includes(words(r))).length;
    rows.push({
      id: text.id,
      precision: hit.length / result.tags.length,
      recall: found.length / text.tags.length,
      result,
    });
  }
  return {
    precision: predictedMatched / predicted,
    exactPrecision: exact / predicted,
    exactRecall: exact / references,
    recall: referencesFound / references,
    meanTags: tagCount / texts.length,
    summary,
    references,
    rows,
    count: texts.length,
  };
}

if (PARTS.has('quality')) {
  const kinds = [
    ['products', products],
    ['projects', projects],
    ['all', [...products, ...projects]],
  ];
  console.log('\nlocal engine quality (tags: equal, or one containing the other as whole words):');
  for (const [kind, texts] of kinds) {
    const q = quality(texts);
    const meanChars = Math.round(texts.reduce((s, x) => s + x.content.length, 0) / texts.length);
    console.log(
      `  ${kind.padEnd(8)} ${String(q.count).padStart(2)} texts (mean ${meanChars} chars): tag precision ${pct(q.precision)}, recall ${pct(q.recall)} (equal tags only: ${pct(q.exactPrecision)}, ${pct(q.exactRecall)}), ${q.meanTags.toFixed(1)} tags/text; ` +
        `summaries: ${q.summary.over} over 300 chars, ${q.summary.notVerbatim} not verbatim, ${(q.summary.sentences / q.count).toFixed(1)} sentences and ${Math.round(q.summary.length / q.count)} chars on average, mention ${pct(q.summary.mentioned / q.references)} of the reference tags`,
    );
    if (kind === 'all' && process.env.BENCH_VERBOSE)
      for (const row of q.rows)
        console.log(
          `    ${row.id}: P ${pct(row.precision)} R ${pct(row.recall)} ${JSON.stringify(row.result.tags)}\n      ${row.result.summary}`,
        );
  }
}

if (PARTS.has('speed')) {
  // --- speed on 4,000-character texts ---
  const long = projects.map((p, i) => {
    let content = p.content;
    for (let k = 1; content.length < 4000; k++) content += `\n\n${projects[(i + k) % projects.length].content}`;
    return { title: p.title, content: truncateMetadataContent(content, 4000) };
  });
  const times = [];
  const started = performance.now();
  for (let i = 0; i < GENERATIONS; i++) {
    const s = performance.now();
    engine.extract(long[i % long.length]);
    times.push(performance.now() - s);
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `\nlocal engine speed, ${GENERATIONS} texts of ${Math.round(long.reduce((s, x) => s + x.content.length, 0) / long.length)} chars: ` +
      `${(GENERATIONS / elapsed).toFixed(1)} generations/s, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, load ${loadAverage()}`,
  );
}

if (PARTS.has('overhead')) {
  // --- the chain's overhead against a fake provider that answers at once ---
  const answer = JSON.stringify({
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        message: {
          role: 'assistant',
          content: JSON.stringify({ summary: 'Ceramic brake pads.', tags: ['brake pads', 'ceramic', 'low dust'] }),
        },
      },
    ],
    usage: { prompt_tokens: 300, completion_tokens: 40, total_tokens: 340 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
  const provider = new OpenAiMetadataProvider({ baseUrl, apiKey: 'sk-bench', model: 'gpt-4o-mini' });
  const metrics = new MetadataEngineMetrics(new MetricsService());
  const chain = new MetadataProviderChain(
    [
      {
        provider,
        policy: {
          timeoutMs: 20_000,
          retries: 2,
          retryBaseMs: 500,
          retryMaxMs: 10_000,
          breaker: { failures: 5, cooldownMs: 60_000 },
          price: { promptPerMillion: 0.15, completionPerMillion: 0.6 },
        },
      },
    ],
    { metrics, logger: { warn() {}, log() {} } },
  );
  const input = { title: products[0].title, content: products[0].content };
  const direct = [];
  const chained = [];
  const time = async (fn, into) => {
    const s = performance.now();
    await fn();
    into.push(performance.now() - s);
  };
  for (let i = 0; i < 100; i++) {
    await provider.generate(input, new AbortController().signal);
    await chain.generate(input);
  }
  const BLOCK = 100;
  for (let done = 0; done < CALLS; done += BLOCK)
    for (let i = 0; i < BLOCK; i++) {
      await time(() => provider.generate(input, new AbortController().signal), direct);
      await time(() => chain.generate(input), chained);
    }
  server.close();
  const summarize = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { mean: xs.reduce((s, x) => s + x, 0) / xs.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  };
  const d = summarize(direct);
  const c = summarize(chained);
  console.log(
    `\nchain overhead, ${CALLS} calls each against a fake OpenAI server answering at once (same process):\n` +
      `  provider directly: mean ${d.mean.toFixed(3)} ms, p50 ${d.p50.toFixed(3)} ms, p95 ${d.p95.toFixed(3)} ms\n` +
      `  through the chain: mean ${c.mean.toFixed(3)} ms, p50 ${c.p50.toFixed(3)} ms, p95 ${c.p95.toFixed(3)} ms\n` +
      `  overhead: ${(c.mean - d.mean).toFixed(3)} ms per call on the mean, ${(c.p50 - d.p50).toFixed(3)} ms on the median, load ${loadAverage()}`,
  );
}
