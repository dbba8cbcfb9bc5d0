// `npm run soak` (run `npm run build` first): steady load on the chaos cluster for SOAK_MINUTES (10): fitment jobs
// of a few products, CSV imports, media tasks and jobs-list reads. Every SOAK_SAMPLE_S (10) seconds it samples
// the RSS and open file descriptors (/proc/<pid>) of every app process and Redis's used_memory, then reports each
// one's least-squares slope over the second half of the run (the first half is warm-up: caches, JIT, pools) and
// fails when memory keeps growing or descriptors leak. Not part of `npm test` (its name does not end in .spec.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChaosCluster } from './chaos-cluster.js';
import { audit, ended, seedProducts, submitFitment, submitImport, submitMedia, type SubmittedJob } from './jobs.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_S ?? 10) * 1000;
/** Growth that fails the soak, over what is left of the run after warm-up, as MiB per hour. */
const MAX_RSS_SLOPE_MIB_PER_HOUR = Number(process.env.SOAK_MAX_RSS_SLOPE ?? 60);

interface Sample {
  at: number;
  rss: Map<string, number>;
  fds: Map<string, number>;
  redis: number;
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Least-squares slope of (x, y), per unit of x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

describe(`soak: ${MINUTES} min of steady load`, () => {
  let cluster: ChaosCluster;
  let products: number[];

  beforeAll(async () => {
    cluster = await ChaosCluster.start();
    products = await seedProducts(cluster, 'SOAK', 2000);
  }, 240_000);
  afterAll(() => cluster?.close(), 120_000);

  it(
    'keeps RSS, Redis memory and open descriptors flat',
    async () => {
      const samples: Sample[] = [];
      const jobs: SubmittedJob[] = [];
      const startedAt = performance.now();
      const endAt = startedAt + MINUTES * 60_000;
      let running = true;
      const load = async (every: number, submit: (i: number) => Promise<SubmittedJob | null>) => {
        for (let i = 0; running; i++) {
          const job = await submit(i);
          if (job) {
            jobs.push(job);
            await ended(cluster, job, 120_000);
          }
          await sleep(every);
        }
      };
      const loads = [
        load(500, (i) => submitFitment(cluster, products.slice((i * 5) % 1995, ((i * 5) % 1995) + 5))),
        load(2000, (i) => submitImport(cluster, `S${i}`, 2000)),
        load(3000, () => submitMedia(cluster)),
        load(200, async () => {
          await cluster.http('/api/v1/jobs?service=fitment&limit=20').then((r) => r.arrayBuffer());
          return null;
        }),
      ];
      while (performance.now() < endAt) {
        const rss = new Map<string, number>();
        const fds = new Map<string, number>();
        for (const [name, pid] of cluster.pids()) {
          rss.set(name, await rssBytes(pid));
          fds.set(name, (await readdir(`/proc/${pid}/fd`)).length);
        }
        samples.push({ at: performance.now() - startedAt, rss, fds, redis: await cluster.redis.usedMemory() });
        await sleep(SAMPLE_MS);
      }
      running = false;
      await Promise.all(loads);

      const half = samples.filter((s) => s.at >= (MINUTES * 60_000) / 2);
      const hours = (ms: number) => ms / 3_600_000;
      const mib = (b: number) => b / 1024 / 1024;
      const lines = ['| process | RSS first / last (MiB) | RSS slope (MiB/h) | fds first / last | fd slope (/h) |'];
      lines.push('| --- | ---: | ---: | ---: | ---: |');
      const failures: string[] = [];
      for (const name of samples[0].rss.keys()) {
        const rss = half
          .filter((s) => s.rss.has(name))
          .map((s) => [hours(s.at), mib(s.rss.get(name)!)] as [number, number]);
        const fds = half.filter((s) => s.fds.has(name)).map((s) => [hours(s.at), s.fds.get(name)!] as [number, number]);
        if (rss.length < 3) continue;
        const rssSlope = slope(rss);
        const fdSlope = slope(fds);
        lines.push(
          `| ${name} | ${rss[0][1].toFixed(0)} / ${rss.at(-1)![1].toFixed(0)} | ${rssSlope.toFixed(1)} | ${fds[0][1]} / ${fds.at(-1)![1]} | ${fdSlope.toFixed(1)} |`,
        );
        if (rssSlope > MAX_RSS_SLOPE_MIB_PER_HOUR) failures.push(`${name} RSS grows ${rssSlope.toFixed(1)} MiB/h`);
        // Descriptors come and go with connections; a leak is one more every few minutes, for good.
        if (fds.at(-1)![1] - fds[0][1] > 20 && fdSlope > 60)
          failures.push(`${name} descriptors grow ${fdSlope.toFixed(0)}/h`);
      }
      const redis = half.map((s) => [hours(s.at), mib(s.redis)] as [number, number]);
      lines.push(
        `| redis used_memory | ${redis[0][1].toFixed(1)} / ${redis.at(-1)![1].toFixed(1)} | ${slope(redis).toFixed(1)} | - | - |`,
      );
      if (slope(redis) > MAX_RSS_SLOPE_MIB_PER_HOUR)
        failures.push(`Redis memory grows ${slope(redis).toFixed(1)} MiB/h`);
      const ledger = await Promise.all(jobs.map((j) => audit(cluster, j)));
      const lost = ledger.filter((e) => e.lost).length;
      const duplicated = ledger.reduce((n, e) => n + e.duplicated, 0);
      process.stdout.write(
        `\nsoak: ${MINUTES} min, ${samples.length} samples, ${jobs.length} jobs (${lost} lost, ${duplicated} duplicated); slopes over the second half\n${lines.join('\n')}\n\n`,
      );
      expect(failures).toEqual([]);
      expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    },
    MINUTES * 60_000 + 300_000,
  );
});
