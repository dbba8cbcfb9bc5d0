// The chaos scenarios of issue 16, each against a running ChaosCluster: it breaks one thing, keeps a ledger of
// the jobs it submitted and what they wrote, and returns one row of the report. Assertions are the caller's.
import { setTimeout as sleep } from 'node:timers/promises';
import { SseClient } from '../support/sse-client.js';
import { LOCKS, WORKERS, type ChaosCluster } from './chaos-cluster.js';
import {
  audit,
  ended,
  jobRow,
  postFitmentJob,
  submitFitment,
  submitImport,
  submitMedia,
  type JobKind,
  type LedgerEntry,
  type SubmittedJob,
} from './jobs.js';

export interface ScenarioResult {
  scenario: string;
  trials: number;
  lost: number;
  duplicated: number;
  /** Recovery times in ms, one per trial or outage. */
  recoveryMs: number[];
  /** What else was measured, for the report. */
  notes: string[];
  problems: string[];
  /** RabbitMQ outage: the slowest gateway answer while the broker was down. */
  slowestOutageAnswerMs?: number;
}

function result(scenario: string, trials: number, ledger: LedgerEntry[]): ScenarioResult {
  return {
    scenario,
    trials,
    lost: ledger.filter((e) => e.lost).length,
    duplicated: ledger.reduce((n, e) => n + e.duplicated, 0),
    recoveryMs: [],
    notes: [],
    problems: ledger.flatMap((e) => e.problems),
  };
}

const KILL_BOUND_MS = Number(LOCKS.BULL_LOCK_DURATION_MS) + 30_000;

/**
 * SIGKILL the worker running a job once the job has made progress, start a replacement worker, and wait for the
 * job to end. Trials rotate over a fitment job, an import and a media task. A job that ended before it was caught
 * mid-job is submitted again (counted in the notes as a miss).
 */
export async function killWorkerMidJob(
  cluster: ChaosCluster,
  trials: number,
  fixtures: { productIds: number[] },
): Promise<ScenarioResult> {
  const kinds: JobKind[] = ['fitment', 'import', 'media'];
  const ledger: LedgerEntry[] = [];
  const recoveryMs: number[] = [];
  const slow: string[] = [];
  let misses = 0;
  for (let trial = 0; trial < trials; trial++) {
    const kind = kinds[trial % kinds.length];
    const worker = WORKERS.find(
      (w) => w.service === { fitment: 'fitment', import: 'ingestion', media: 'media' }[kind],
    )!;
    let job: SubmittedJob | null = null;
    for (let attempt = 0; attempt < 4 && !job; attempt++) {
      const candidate =
        kind === 'fitment'
          ? await submitFitment(cluster, fixtures.productIds)
          : kind === 'import'
            ? await submitImport(cluster, `K${trial}A${attempt}`, 120_000)
            : await submitMedia(cluster);
      const caught = await cluster.until(
        `${kind} job ${candidate.id} to make progress`,
        async () => {
          const r = await jobRow(cluster, candidate);
          if (!r) return null;
          if (r.status === 'processing' && r.progress_current > 0) return 'running';
          return ['completed', 'review_required', 'failed', 'cancelled'].includes(r.status) ? 'ended' : null;
        },
        120_000,
        20,
      );
      if (caught === 'running') job = candidate;
      else {
        misses++;
        ledger.push(await audit(cluster, candidate));
      }
    }
    if (!job) throw new Error(`no ${kind} job was caught running in 4 attempts: make it larger`);
    const killedAt = performance.now();
    await cluster.kill(cluster.currentWorker(worker));
    cluster.startWorker(worker);
    await ended(cluster, job, KILL_BOUND_MS + 60_000);
    const ms = performance.now() - killedAt;
    recoveryMs.push(ms);
    if (ms > KILL_BOUND_MS) slow.push(`${kind} ${job.id} ${Math.round(ms)} ms`);
    const entry = await audit(cluster, job);
    const row = await jobRow(cluster, job);
    if (row && row.attempts < 2)
      entry.problems.push(`${kind} job ${job.id} ran ${row.attempts} time(s), not taken over`);
    ledger.push(entry);
  }
  const out = result('SIGKILL a worker mid-job', trials, ledger);
  out.recoveryMs = recoveryMs;
  out.notes.push(`kill to job end, bound ${KILL_BOUND_MS} ms`, `${misses} job(s) ended before the kill (resubmitted)`);
  out.problems.push(...slow.map((s) => `over the bound: ${s}`));
  return out;
}

/** Submits fitment jobs of one product each, every `everyMs`, until `stop` says so; records every answer. */
function submissionStream(cluster: ChaosCluster, productIds: number[], everyMs: number) {
  const accepted: SubmittedJob[] = [];
  const statuses = new Map<number, number>();
  let stopped = false;
  let next = 0;
  const inflight = new Set<Promise<void>>();
  const loop = (async () => {
    while (!stopped && next < productIds.length) {
      const id = productIds[next++];
      const p = (async () => {
        let status: number;
        try {
          const res = await postFitmentJob(cluster, [id], 20_000);
          status = res.status;
          const body = (await res.json().catch(() => ({}))) as { job_id?: string };
          if (res.status === 201 && body.job_id)
            accepted.push({ kind: 'fitment', id: body.job_id, expect: { products: 1 } });
        } catch {
          status = -1; // no answer within 20 s
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      })();
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      await sleep(everyMs);
    }
  })();
  return {
    accepted,
    statuses,
    async stop() {
      stopped = true;
      await loop;
      await Promise.all([...inflight]);
    },
  };
}

function statusSummary(statuses: Map<number, number>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s === -1 ? 'no answer' : s} x${n}`)
    .join(', ');
}

/** Outbox rows of the chaos database not yet published (every service's). */
async function unpublished(cluster: ChaosCluster): Promise<number> {
  const { rows } = await cluster.db.query(
    `SELECT (SELECT count(*) FROM fitment.outbox WHERE published_at IS NULL)
          + (SELECT count(*) FROM ingestion.outbox WHERE published_at IS NULL)
          + (SELECT count(*) FROM media.outbox WHERE published_at IS NULL) AS n`,
  );
  return Number(rows[0].n);
}

/**
 * Restart Redis (SIGTERM, which flushes the AOF, then a fresh redis-server on the same port and data) while
 * fitment jobs are being submitted. Every job accepted (201) must end, the workers that ran before go on (none is
 * restarted), and every outbox row ends published. Recovery: Redis up again until a job submitted then has ended.
 */
export async function restartRedis(
  cluster: ChaosCluster,
  restarts: number,
  productIds: number[],
  downMs: number,
): Promise<ScenarioResult> {
  const workers = WORKERS.map((w) => cluster.apps.pid(cluster.currentWorker(w)));
  const stream = submissionStream(cluster, productIds, 150);
  const recoveryMs: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < restarts; i++) {
    await sleep(2000); // submissions before the restart: the scenario's timing, not a wait for a condition
    await cluster.redis.stop();
    await sleep(downMs);
    await cluster.redis.start();
    const upAt = performance.now();
    // A job submitted once Redis is back, and run by the workers that saw it go.
    const probe = await cluster.until(
      'a fitment job to be accepted after the Redis restart',
      async () => {
        const res = await postFitmentJob(cluster, [productIds[productIds.length - 1 - i]], 10_000);
        const body = (await res.json()) as { job_id?: string };
        return res.status === 201 && body.job_id ? body.job_id : null;
      },
      60_000,
      200,
    );
    const job: SubmittedJob = { kind: 'fitment', id: probe, expect: { products: 1 } };
    await ended(cluster, job, 60_000);
    recoveryMs.push(performance.now() - upAt);
    stream.accepted.push(job);
  }
  await sleep(2000);
  await stream.stop();
  const ledger: LedgerEntry[] = [];
  for (const job of stream.accepted) {
    await ended(cluster, job, 90_000).catch(() => undefined);
    ledger.push(await audit(cluster, job));
  }
  // A submission Redis could not queue is refused with 503, never a 500 (the platform bug this scenario found).
  for (const [status, n] of stream.statuses) {
    if (status >= 500 && status !== 503) problems.push(`${n} submission(s) answered ${status}`);
    if (status === -1) problems.push(`${n} submission(s) without an answer`);
  }
  const after = WORKERS.map((w) => cluster.apps.pid(cluster.currentWorker(w)));
  if (after.join() !== workers.join()) problems.push('a worker was restarted');
  await cluster
    .until('the outbox to be published', async () => (await unpublished(cluster)) === 0, 60_000, 200)
    .catch(async () => problems.push(`${await unpublished(cluster)} outbox row(s) left unpublished`));
  const out = result('restart Redis (AOF) during submissions', restarts, ledger);
  out.recoveryMs = recoveryMs;
  out.problems.push(...problems);
  out.notes.push(
    `${stream.accepted.length} accepted of ${[...stream.statuses.values()].reduce((a, b) => a + b, 0)} submitted: ${statusSummary(stream.statuses)}`,
    'recovery: Redis up to a job submitted then ended',
  );
  return out;
}

/**
 * Stop the RabbitMQ node (rabbitmqctl stop) for `downMs`, with a fitment job running and an SSE client open.
 * Meanwhile every gateway answer must be a 503 within 1 s; once the node is up again the gateway must answer within
 * 10 s, the job must end, and the client must get the job's final event (published from the outbox after the
 * outage). Recovery: node accepting connections to the first 200.
 */
export async function stopRabbit(cluster: ChaosCluster, downMs: number, productIds: number[]): Promise<ScenarioResult> {
  const sse = await new SseClient().open(`${cluster.gatewayUrl}/api/v1/jobs/events`, cluster.authHeaders());
  const problems: string[] = [];
  if (sse.status !== 200) problems.push(`the event stream answered ${sse.status}`);
  const job = await submitFitment(cluster, productIds);
  await cluster.rabbit.stop();
  const stoppedAt = performance.now();
  const during: { status: number; ms: number }[] = [];
  while (performance.now() - stoppedAt < downMs) {
    const t = performance.now();
    const status = await cluster
      .http('/api/v1/jobs?service=fitment&limit=1', { timeoutMs: 10_000 })
      .then((r) => r.status)
      .catch(() => -1);
    during.push({ status, ms: performance.now() - t });
    await sleep(200);
  }
  const upMs = await cluster.rabbit.start();
  const upAt = performance.now();
  await cluster.until(
    'the gateway to answer after the RabbitMQ restart',
    async () => (await cluster.http('/api/v1/jobs?service=fitment&limit=1', { timeoutMs: 10_000 })).status === 200,
    60_000,
    100,
  );
  const recovered = performance.now() - upAt;
  await ended(cluster, job, 120_000);
  const entry = await audit(cluster, job);
  const final = await cluster
    .until(
      'the job final event on the event stream',
      async () => sse.jobEvents(job.id).find((e) => ['completed', 'review_required'].includes(e.job.status)),
      30_000,
      100,
    )
    .catch(() => null);
  await sse.close();
  if (!final) problems.push(`the event stream got no final event of job ${job.id}`);
  const not503 = during.filter((d) => d.status !== 503);
  const slowest = Math.max(...during.map((d) => d.ms));
  if (not503.length)
    problems.push(`answers other than 503 during the outage: ${not503.map((d) => d.status).join(', ')}`);
  const out = result(`stop RabbitMQ for ${Math.round(downMs / 1000)} s`, 1, [entry]);
  out.recoveryMs = [recovered];
  out.problems.push(...problems);
  out.notes.push(
    `${during.length} requests during the outage, slowest answer ${Math.round(slowest)} ms`,
    `node restart took ${Math.round(upMs)} ms; recovery counted from then`,
    `final event ${final ? 'delivered' : 'missing'}`,
  );
  out.slowestOutageAnswerMs = slowest;
  return out;
}

/**
 * pg_terminate_backend on every connection of the services to the chaos database, `kills` times, while fitment
 * jobs are submitted and the jobs list is read. No answer may be a 500 or missing (a hang); afterwards every
 * accepted job ends and no job is half-written (a job row without its ai_jobs row or parts). Recovery: the kill
 * to the first job accepted after it.
 */
export async function killPgConnections(
  cluster: ChaosCluster,
  kills: number,
  productIds: number[],
): Promise<ScenarioResult> {
  const since = (await cluster.db.query(`SELECT now() AS at`)).rows[0].at as Date;
  const stream = submissionStream(cluster, productIds, 100);
  const reads = new Map<number, number>();
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const status = await cluster
        .http('/api/v1/jobs?service=fitment&limit=5', { timeoutMs: 20_000 })
        .then((r) => r.status)
        .catch(() => -1);
      reads.set(status, (reads.get(status) ?? 0) + 1);
      await sleep(100);
    }
  })();
  const recoveryMs: number[] = [];
  let terminated = 0;
  for (let i = 0; i < kills; i++) {
    await sleep(1500); // load before the kill: the scenario's timing
    const before = stream.accepted.length;
    const { rows } = await cluster.db.query(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    terminated += rows[0].n;
    const at = performance.now();
    await cluster.until(
      'a job accepted after the connections were killed',
      async () => stream.accepted.length > before,
      60_000,
      50,
    );
    recoveryMs.push(performance.now() - at);
  }
  await sleep(1500);
  await stream.stop();
  reading = false;
  await reader;
  const ledger: LedgerEntry[] = [];
  for (const job of stream.accepted) {
    await ended(cluster, job, 90_000).catch(() => undefined);
    ledger.push(await audit(cluster, job));
  }
  const { rows: half } = await cluster.db.query(
    `SELECT j.id, j.status FROM fitment.jobs j LEFT JOIN fitment.ai_jobs a ON a.job_id = j.id
      WHERE j.type = 'fitment.generate' AND j.created_at >= $1 AND (a.job_id IS NULL OR (SELECT count(*) FROM fitment.ai_job_parts p WHERE p.job_id = j.id) <> a.product_count
         OR j.status NOT IN ('completed', 'review_required'))`,
    [since],
  );
  const out = result(`kill PostgreSQL connections x${kills}`, kills, ledger);
  out.recoveryMs = recoveryMs;
  for (const h of half) out.problems.push(`job ${h.id} is ${h.status} or half-written`);
  for (const [status, n] of [...stream.statuses, ...reads]) {
    if (status === 500 || status === -1)
      out.problems.push(`${n} answer(s) ${status === -1 ? 'missing (hang)' : '500'}`);
  }
  out.notes.push(
    `${terminated} backends terminated`,
    `submissions: ${statusSummary(stream.statuses)}; reads: ${statusSummary(reads)}`,
    'recovery: the kill to the next job accepted',
  );
  return out;
}

/** The report: one line per scenario. */
export function table(results: ScenarioResult[]): string {
  const fmt = (ms: number[]) =>
    ms.length === 0
      ? '-'
      : `median ${(ms.slice().sort((a, b) => a - b)[Math.floor(ms.length / 2)] / 1000).toFixed(1)} s, max ${(Math.max(...ms) / 1000).toFixed(1)} s`;
  const lines = [
    '| scenario | trials | lost | duplicated | recovery time | notes |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.trials} | ${r.lost} | ${r.duplicated} | ${fmt(r.recoveryMs)} | ${r.notes.join('; ')} |`,
    ),
  ];
  return lines.join('\n');
}
