// The metadata queue's rate limit across two worker processes: two indexer processes (ROLE=worker,
// WORKER_QUEUES=metadata, the local engine) share METADATA_RATE_LIMIT per METADATA_RATE_WINDOW_MS through Bull's
// limiter in Redis. Run with a low limit (3 per 2 s) to keep it short; the jobs' started_at are counted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GenerateMetadataAcceptedDto, ProjectDto } from '@torque/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const MAIN = fileURLToPath(new URL('../../dist/apps/indexer-service/src/main.js', import.meta.url));
const RATE = { max: 3, windowMs: 2000 };
const JOBS = 9;
const CONTENT =
  'Cabin air filters trap pollen, dust and exhaust soot before the air reaches the passengers. ' +
  'Replace the cabin air filter every fifteen thousand miles, sooner on dusty roads. ' +
  'A clogged cabin air filter weakens the air conditioning and fogs the windows in winter.';

/** A TCP port free now, for a child's ops server (its /metrics). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('metadata rate limit across worker processes', () => {
  let suite: Suite;
  let db: pg.Client;
  const children: { child: ChildProcess; port: number; lines: string[] }[] = [];

  async function spawnWorker(): Promise<void> {
    const port = await freePort();
    const lines: string[] = [];
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        ...suite.baseEnv,
        LOG_LEVEL: 'info',
        ROLE: 'worker',
        WORKER_QUEUES: 'metadata',
        HTTP_PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    children.push({ child, port, lines });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, 30_000, 200);
  }

  async function successes(port: number): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const match = /^project_meta_generated_total\{status="success",provider="local"\} (\d+)$/m.exec(text);
    return match ? Number(match[1]) : 0;
  }

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'media', 'indexer'],
      env: {
        METADATA_PROVIDERS: 'local',
        METADATA_RATE_LIMIT: String(RATE.max),
        METADATA_RATE_WINDOW_MS: String(RATE.windowMs),
      },
      // this process's indexer answers requests and works every queue but metadata: the children work that one
      serviceEnv: { indexer: { WORKER_QUEUES: 'maintenance,heavy,light,embed' } },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    await spawnWorker();
    await spawnWorker();
  }, 90_000);

  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map(({ child }) =>
        child.exitCode !== null || child.signalCode !== null
          ? undefined
          : new Promise((resolve) => child.once('exit', resolve)),
      ),
    );
    await db?.end();
    await suite?.close();
  });

  it(`starts at most ${RATE.max} generations per ${RATE.windowMs} ms, both processes working`, async () => {
    const projects: ProjectDto[] = [];
    for (let i = 0; i < JOBS; i++) {
      const res = await suite.http('/api/v1/projects', {
        method: 'POST',
        json: { title: `Cabin filter note ${i}`, content: `${CONTENT} Note ${i}.` },
      });
      expect(res.status).toBe(201);
      projects.push((await res.json()) as ProjectDto);
    }
    const accepted = await Promise.all(
      projects.map(async (p) => {
        const res = await suite.http(`/api/projects/${p.id}/generate_metadata/`, { method: 'POST' });
        expect(res.status).toBe(202);
        return ((await res.json()) as GenerateMetadataAcceptedDto).task_id!;
      }),
    );
    const rows = await eventually(
      async () => {
        const { rows } = await db.query(`SELECT status, started_at FROM indexer.jobs WHERE id = ANY($1::uuid[])`, [
          accepted,
        ]);
        return rows.length === JOBS && rows.every((r) => r.status === 'completed') ? rows : null;
      },
      30_000,
      100,
    );
    const starts = rows.map((r) => new Date(r.started_at).getTime()).sort((a, b) => a - b);
    // Bull's limiter counts fixed windows, at most 3 starts each: any 7 starts span 3 windows, so the first and
    // the last of them lie a whole window apart (unlimited, all 9 start within a few milliseconds)
    const slack = 150;
    for (let i = 0; i + 2 * RATE.max < starts.length; i++)
      expect(starts[i + 2 * RATE.max] - starts[i]).toBeGreaterThanOrEqual(RATE.windowMs - slack);
    for (const t of starts)
      expect(starts.filter((u) => u >= t && u < t + RATE.windowMs).length).toBeLessThanOrEqual(2 * RATE.max);

    const byProcess = await Promise.all(children.map((c) => successes(c.port)));
    expect(byProcess.reduce((a, b) => a + b, 0)).toBe(JOBS);
    for (const n of byProcess) expect(n).toBeGreaterThan(0);
  });
});
