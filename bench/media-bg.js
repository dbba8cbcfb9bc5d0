// bench:media-bg: the background_removal engine of issue 14, from the build output (npm run build): for ISNet small
// and medium on CPU, the first warm() (weights read, session created), then BENCH_RUNS (default 3) engine runs and
// as many calls of imgly's own removeBackground (the library called directly, its session warm after one untimed
// call), on face-api's sample1.jpg at 1024 px wide; prints medians and fastest, and how far the two mattes are apart.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';

const DIST = new URL('../dist/apps/media-service/src/engines/background-removal/', import.meta.url);
if (!existsSync(new URL('background-removal-engine.js', DIST))) {
  console.error('bench:media-bg runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { BackgroundRemovalEngine } = await import(new URL('background-removal-engine.js', DIST).href);
const { removeBackgroundDirect } = await import(new URL('remove-background-direct.js', DIST).href);

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const photo = readFileSync(createRequire(import.meta.url).resolve('@vladmandic/face-api/demo/sample1.jpg'));
const image = await sharp(photo).resize(1024).png().toBuffer();
const { width, height } = await sharp(image).metadata();
const ctx = () => ({ signal: new AbortController().signal, progress: () => undefined });

const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, fastest ${sorted[0].toFixed(0)} ms`;
};

async function alpha(png) {
  return sharp(png).extractChannel(3).raw().toBuffer();
}

console.log(
  `background_removal on sample1.jpg at ${width}×${height}, ${RUNS} runs each, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const model of ['small', 'medium']) {
  const engine = new BackgroundRemovalEngine({ model });
  let started = performance.now();
  await engine.warm();
  const warmMs = performance.now() - started;
  const total = [];
  const inference = [];
  let ours;
  for (let run = 0; run < RUNS; run++) {
    ours = await engine.run({ images: { image }, parameters: {} }, ctx());
    total.push(ours.metadata.ms);
    inference.push(ours.metadata.inference_ms);
  }
  await removeBackgroundDirect(image, model);
  const direct = [];
  let reference;
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    reference = await removeBackgroundDirect(image, model);
    direct.push(performance.now() - started);
  }
  const [a, b] = await Promise.all([alpha(ours.png), alpha(reference)]);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  console.log(`${model.padEnd(6)} first warm() ${warmMs.toFixed(0)} ms`);
  console.log(`${model.padEnd(6)} engine run    ${summary(total)}; inference ${summary(inference)}`);
  console.log(`${model.padEnd(6)} imgly direct  ${summary(direct)}`);
  console.log(
    `${model.padEnd(6)} foreground ${(100 * ours.metadata.foreground_fraction).toFixed(1)}%, ` +
      `mean |alpha - imgly's| ${(sum / a.length).toFixed(2)} levels`,
  );
}
