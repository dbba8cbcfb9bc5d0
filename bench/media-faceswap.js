// bench:media-faceswap: the face_swap engine of issue 14, from the build output (npm run build). Swaps faces of
// @vladmandic/face-api's sample photos resized to 1024 px on the long side, with each blend, BENCH_RUNS (default 5)
// runs per case after one warm-up; prints mean and p95 of the whole run (decode to PNG), the face detection's
// share, and the process's peak RSS.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const DIST = new URL('../dist/apps/media-service/src/engines/face-swap/', import.meta.url);
if (!existsSync(new URL('face-swap-engine.js', DIST))) {
  console.error('bench:media-faceswap runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { FaceSwapEngine } = await import(new URL('face-swap-engine.js', DIST).href);

const require = createRequire(import.meta.url);
const SAMPLES = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
const SIZE = 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const photo = (n) =>
  sharp(path.join(SAMPLES, `sample${n}.jpg`))
    .resize(SIZE, SIZE, { fit: 'inside' })
    .jpeg({ quality: 92 })
    .toBuffer();

// [label, source sample, source face, target sample, target face]
const PAIRS = [
  ['6/1 onto 3/2 (both near frontal)', 6, 1, 3, 2],
  ['3/0 onto 6/0 (turned source, mirrored half)', 3, 0, 6, 0],
];

let peakRss = process.memoryUsage().rss;
const engine = new FaceSwapEngine();
const loadStarted = performance.now();
await engine.warm();
const loadMs = performance.now() - loadStarted;

const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;
const p95 = (values) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(0.95 * values.length) - 1)];

const rows = [];
for (const [label, sourceSample, sourceFace, targetSample, targetFace] of PAIRS) {
  const [image, targetImage] = await Promise.all([photo(sourceSample), photo(targetSample)]);
  const { width, height } = await sharp(targetImage).metadata();
  for (const blend of ['poisson', 'feather']) {
    const request = {
      images: { image, target_image: targetImage },
      parameters: { source_face: sourceFace, target_face: targetFace, blend },
    };
    const context = { signal: new AbortController().signal, progress: () => undefined };
    await engine.run(request, context);
    const total = [];
    const detect = [];
    let metadata;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      ({ metadata } = await engine.run(request, context));
      total.push(performance.now() - started);
      detect.push(metadata.detect_ms);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    rows.push({
      case: `${label}, ${blend}`,
      size: `${width}×${height}`,
      mean: mean(total),
      p95: p95(total),
      detect: mean(detect),
      faces: metadata.face_pixels,
      sweeps: metadata.poisson_sweeps ?? '-',
      mirrored: metadata.mirrored,
    });
  }
}

console.log(
  `face_swap at ${SIZE} px (long side), ${RUNS} runs per case after a warm-up; model load ${loadMs.toFixed(0)} ms`,
);
console.log('| case | target | mean ms | p95 ms | detect ms (both images) | face pixels | Poisson sweeps | mirrored |');
console.log('| --- | --- | --: | --: | --: | --: | --: | --- |');
for (const r of rows) {
  console.log(
    `| ${r.case} | ${r.size} | ${r.mean.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.detect.toFixed(0)} | ${r.faces} | ${r.sweeps} | ${r.mirrored} |`,
  );
}
console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
