// bench:media-inpaint: the object_removal engine of issue 14, from the build output (npm run build), on the
// synthetic scenes of bench/media-data/scenes.js (3 backgrounds × 5 objects at 1%, 5%, 10% and 20% of a 1024 px
// image): each scene through each method (BENCH_METHODS, default telea,patch,auto) with the default dilation of
// 3 px, compared with the truth by PSNR and SSIM inside the mask's bounding box (grown by the dilation) and over the
// whole image, next to the unfilled image's figures. Prints means over the backgrounds per object and over the
// objects per background, with the mean ms of a run (decode, fill and PNG encode, from result.metadata.ms).
// BENCH_BACKGROUNDS (gradient,bricks,smooth) picks backgrounds, BENCH_VERBOSE=1 prints every scene,
// BENCH_SAVE=<dir> writes every output PNG there.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { BACKGROUNDS, buildScenes } from './media-data/scenes.js';

const DIST = new URL('../dist/apps/media-service/src/engines/object-removal/', import.meta.url);
if (!existsSync(new URL('object-removal-engine.js', DIST))) {
  console.error('bench:media-inpaint runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { ObjectRemovalEngine, DEFAULT_DILATE } = await import(new URL('object-removal-engine.js', DIST).href);
const { crop, maskBounds, psnr, ssim } = await import(new URL('quality.js', DIST).href);

const METHODS = (process.env.BENCH_METHODS ?? 'telea,patch,auto').split(',');
const BACKGROUND_NAMES = (process.env.BENCH_BACKGROUNDS ?? Object.keys(BACKGROUNDS).join(',')).split(',');
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const SAVE = process.env.BENCH_SAVE;
if (SAVE) mkdirSync(SAVE, { recursive: true });

const started = performance.now();
const scenes = buildScenes({ backgrounds: BACKGROUND_NAMES });
console.log(
  `object_removal on ${scenes.length} synthetic ${scenes[0].size} px scenes (built in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
    `dilate ${DEFAULT_DILATE} px, Node ${process.version}, load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

const engine = new ObjectRemovalEngine();
await engine.warm();
const ctx = { signal: new AbortController().signal, progress() {} };
const rgb = (data, size) => ({ data, width: size, height: size, channels: 3 });

function score(output, scene, box) {
  const truth = rgb(scene.truth, scene.size);
  const got = rgb(output, scene.size);
  return {
    boxPsnr: psnr(crop(got, box), crop(truth, box)),
    boxSsim: ssim(crop(got, box), crop(truth, box)),
    psnr: psnr(got, truth),
    ssim: ssim(got, truth),
  };
}

const rows = [];
for (const scene of scenes) {
  const { size } = scene;
  const bounds = maskBounds(scene.mask, size, size);
  const margin = DEFAULT_DILATE + 1;
  const box = {
    x: bounds.x - margin,
    y: bounds.y - margin,
    width: bounds.width + 2 * margin,
    height: bounds.height + 2 * margin,
  };
  const image = await sharp(Buffer.from(scene.input), { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
  const mask = await sharp(Buffer.from(scene.mask.map((v) => v * 255)), {
    raw: { width: size, height: size, channels: 1 },
  })
    .png()
    .toBuffer();
  rows.push({ scene, method: 'unfilled', ms: 0, chosen: '', ...score(scene.input, scene, box) });
  for (const method of METHODS) {
    const result = await engine.run({ images: { image, mask }, parameters: { method } }, ctx);
    const { data } = await sharp(result.png).raw().toBuffer({ resolveWithObject: true });
    if (SAVE) await sharp(result.png).toFile(join(SAVE, `${scene.name.replace(/[/%]/g, '_')}-${method}.png`));
    rows.push({ scene, method, ms: result.metadata.ms, chosen: result.metadata.method, ...score(data, scene, box) });
  }
  if (VERBOSE) {
    for (const row of rows.filter((r) => r.scene === scene)) {
      console.log(`${scene.name.padEnd(22)} ${line(row.method, [row], true)}`);
    }
  }
}

function mean(values) {
  const finite = values.filter(Number.isFinite);
  return finite.reduce((a, b) => a + b, 0) / finite.length;
}

function line(method, group, withChosen) {
  const chosen = withChosen ? [...new Set(group.map((r) => r.chosen).filter(Boolean))].join('/') : '';
  return [
    method.padEnd(9),
    mean(group.map((r) => r.boxPsnr))
      .toFixed(2)
      .padStart(9),
    mean(group.map((r) => r.boxSsim))
      .toFixed(3)
      .padStart(8),
    mean(group.map((r) => r.psnr))
      .toFixed(2)
      .padStart(9),
    mean(group.map((r) => r.ssim))
      .toFixed(4)
      .padStart(8),
    (method === 'unfilled' ? '' : mean(group.map((r) => r.ms)).toFixed(0)).padStart(7),
    ` ${chosen}`,
  ].join(' ');
}

const header = `${'method'.padEnd(9)} ${'box PSNR'.padStart(9)} ${'box SSIM'.padStart(8)} ${'PSNR'.padStart(9)} ${'SSIM'.padStart(8)} ${'ms'.padStart(7)}  auto chose`;
const methods = ['unfilled', ...METHODS];

console.log(`\nby object (mean over ${BACKGROUND_NAMES.length} backgrounds); mask fraction before dilation`);
const objects = [...new Set(scenes.map((s) => s.name.split('/')[1]))];
for (const object of objects) {
  const group = rows.filter((r) => r.scene.name.endsWith(`/${object}`));
  console.log(`\n${object} (mask ${(100 * mean(group.map((r) => r.scene.fraction))).toFixed(2)}%)\n  ${header}`);
  for (const method of methods)
    console.log(
      `  ${line(
        method,
        group.filter((r) => r.method === method),
        true,
      )}`,
    );
}

console.log(`\nby background (mean over ${objects.length} objects)`);
for (const background of BACKGROUND_NAMES) {
  const group = rows.filter((r) => r.scene.background === background);
  console.log(`\n${background}\n  ${header}`);
  for (const method of methods)
    console.log(
      `  ${line(
        method,
        group.filter((r) => r.method === method),
        false,
      )}`,
    );
}
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
