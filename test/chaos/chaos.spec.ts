// Chaos scenarios of issue 16 against the built apps (`npm run build` first) on servers of their own: SIGKILL a
// worker mid-job, restart Redis, stop RabbitMQ, kill the PostgreSQL connections; each checks its jobs exactly
// once in a ledger (jobs.ts). In `npm test` this runs the short subset; `npm run chaos` (CHAOS_PROFILE=full) the
// full run: CHAOS_KILL_TRIALS (50), CHAOS_RABBIT_DOWN_S (30), CHAOS_REDIS_RESTARTS (2), CHAOS_PG_KILLS (3).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChaosCluster } from './chaos-cluster.js';
import { seedProducts } from './jobs.js';
import {
  killPgConnections,
  killWorkerMidJob,
  restartRedis,
  stopRabbit,
  table,
  type ScenarioResult,
} from './scenarios.js';

const FULL = process.env.CHAOS_PROFILE === 'full';
const setting = (name: string, subset: number, full: number) => Number(process.env[name] ?? (FULL ? full : subset));
const KILL_TRIALS = setting('CHAOS_KILL_TRIALS', 3, 50);
const RABBIT_DOWN_MS = setting('CHAOS_RABBIT_DOWN_S', 5, 30) * 1000;
const REDIS_RESTARTS = setting('CHAOS_REDIS_RESTARTS', 1, 2);
const PG_KILLS = setting('CHAOS_PG_KILLS', 1, 3);

describe(`chaos (${FULL ? 'full run' : 'short subset'})`, () => {
  let cluster: ChaosCluster;
  let generation: number[];
  let singles: number[];
  const results: ScenarioResult[] = [];

  beforeAll(async () => {
    cluster = await ChaosCluster.start();
    // One selection of products for the fitment jobs killed mid-job, and single products for streams of small jobs.
    generation = await seedProducts(cluster, 'GEN', 3000);
    singles = await seedProducts(cluster, 'ONE', 2000);
  }, 240_000);
  afterAll(async () => {
    if (results.length) process.stdout.write(`\nchaos results\n${table(results)}\n\n`);
    await cluster?.close();
  }, 120_000);

  const report = (r: ScenarioResult) => {
    results.push(r);
    process.stdout.write(`${r.scenario}: ${JSON.stringify({ ...r, problems: r.problems.slice(0, 20) })}\n`);
    expect(r.problems).toEqual([]);
    expect({ lost: r.lost, duplicated: r.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  };

  it(
    `SIGKILL a worker mid-job, ${KILL_TRIALS} trials: no job lost or duplicated, each taken over in time`,
    async () => report(await killWorkerMidJob(cluster, KILL_TRIALS, { productIds: generation })),
    KILL_TRIALS * 120_000,
  );

  it(
    `restart Redis ${REDIS_RESTARTS} time(s) during submissions: workers resume, no accepted job lost`,
    async () => report(await restartRedis(cluster, REDIS_RESTARTS, singles.slice(0, 1000), 1000)),
    REDIS_RESTARTS * 120_000 + 120_000,
  );

  it(
    `stop RabbitMQ for ${RABBIT_DOWN_MS / 1000} s: 503 within 1 s meanwhile, back within 10 s, events delivered`,
    async () => {
      const r = await stopRabbit(cluster, RABBIT_DOWN_MS, generation.slice(0, 1500));
      report(r);
      expect(r.slowestOutageAnswerMs).toBeLessThan(1000);
      expect(r.recoveryMs[0]).toBeLessThan(10_000);
    },
    RABBIT_DOWN_MS + 240_000,
  );

  it(
    `kill the PostgreSQL connections ${PG_KILLS} time(s): clean failures, pools recover, no half-written job`,
    async () => report(await killPgConnections(cluster, PG_KILLS, singles.slice(1000))),
    PG_KILLS * 60_000 + 120_000,
  );
});
