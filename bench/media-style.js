// bench:media-style: the style_transfer engine of issue 14, from the build output (npm run build): ms per named style
// and for a colour transfer, on a synthetic 1024 × 1024 PNG (gradients and noise), BENCH_RUNS (default 3) runs each
// after one warm-up; prints the median and the fastest.
import { existsSync } from 'node:fs';
import sharp from 'sharp';

const DIST = new URL('../dist/apps/media-service/src/engines/style-transfer/', import.meta.url);
if (!existsSync(new URL('style-transfer-engine.js', DIST))) {
  console.error('bench:media-style runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { StyleTransferEngine } = await import(new URL('style-transfer-engine.js', DIST).href);
const { STYLE_NAMES } = await import(new URL('named-styles.js', DIST).href);

const SIZE = 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function synthetic(seed) {
  const pixels = Buffer.alloc(SIZE * SIZE * 3);
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) >>> 0) % 41) - 20;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const p = (y * SIZE + x) * 3;
      const block = ((x >> 7) + (y >> 7)) % 3;
      pixels[p] = Math.max(0, Math.min(255, (x >> 2) + noise()));
      pixels[p + 1] = Math.max(0, Math.min(255, (y >> 2) + noise()));
      pixels[p + 2] = Math.max(0, Math.min(255, block * 100 + noise()));
    }
  }
  return sharp(pixels, { raw: { width: SIZE, height: SIZE, channels: 3 } })
    .png()
    .toBuffer();
}

const engine = new StyleTransferEngine();
const input = await synthetic(1);
const styleImage = await synthetic(7);
const cases = [...STYLE_NAMES.map((style) => ['style ' + style, { style }]), ['style_image', { styleImage }]];
console.log(`style_transfer at ${SIZE}×${SIZE}, ${RUNS} runs after a warm-up`);
for (const [label, options] of cases) {
  await engine.apply(input, options);
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push((await engine.apply(input, options)).ms);
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(14)} median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, fastest ${times[0].toFixed(0)} ms`,
  );
}
