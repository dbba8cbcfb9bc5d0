// Process roles: ROLE=api answers RPC but runs no worker, ROLE=worker runs the workers of WORKER_QUEUES and
// serves no RPC. One service deployed as three processes on the same database and namespace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CleanupAcceptedDto, JobPageDto } from '@torque/contracts';
import {
  createServiceApp,
  loadEnv,
  MetricsService,
  rmqNames,
  ServiceEnv,
  startServiceApp,
  WorkerRegistryService,
} from '@torque/platform';
import amqplib from 'amqplib';
import Bull from 'bull';
import pg from 'pg';
import { FitmentModule } from '../../apps/fitment-service/src/fitment.module.js';
import { TEST_RABBITMQ_URL, TEST_REDIS_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('process roles', () => {
  let suite: Suite;
  let db: pg.Client;
  let bull: Bull.Queue;
  let rmq: amqplib.ChannelModel;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    suite = await startSuite({ services: [] });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    bull = new Bull('fitment.maintenance', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
    rmq = await amqplib.connect(TEST_RABBITMQ_URL);
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await rmq?.close().catch(() => undefined);
    await bull?.close();
    await db?.end();
    await suite?.close();
  });

  async function fitment(vars: Record<string, string>): Promise<NestFastifyApplication> {
    const env = loadEnv(ServiceEnv, { ...suite.baseEnv, ...vars });
    const app = await createServiceApp('fitment', env, FitmentModule.forRoot(env));
    await startServiceApp(app, env);
    apps.push(app);
    return app;
  }
  async function rpcConsumers(): Promise<number> {
    const ch = await rmq.createChannel();
    try {
      return (await ch.checkQueue(rmqNames(suite.ns).serviceQueue('fitment'))).consumerCount;
    } finally {
      await ch.close();
    }
  }
  async function finished(app: NestFastifyApplication): Promise<number> {
    const metric = await app.get(MetricsService).jobsFinished.get();
    return metric.values.reduce((n, v) => n + v.value, 0);
  }

  it('splits RPC and work between api and worker processes, each worker taking only its queues', async () => {
    const api = await fitment({ ROLE: 'api' });
    expect(api.get(WorkerRegistryService).queueNames).toEqual([]);
    expect(await rpcConsumers()).toBe(1);

    // The api process answers the jobs API and accepts a clean-up, which stays queued: nobody works on it.
    const list = await suite.http('/api/v1/jobs?service=fitment');
    expect(list.status).toBe(200);
    expect(((await list.json()) as JobPageDto).meta.total).toBe(0);
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    const [job] = ((await res.json()) as CleanupAcceptedDto).jobs;
    expect(job.status).toBe('queued');

    // A worker for another queue takes nothing and serves no RPC.
    const other = await fitment({ ROLE: 'worker', WORKER_QUEUES: 'other' });
    expect(other.get(WorkerRegistryService).queueNames).toEqual([]);
    expect(await rpcConsumers()).toBe(1);
    expect(await (await bull.getJob(job.id))?.getState()).toBe('waiting');

    // The maintenance worker takes the queued job and completes it, and serves no RPC either.
    const beforeWorker = new Date();
    const worker = await fitment({ ROLE: 'worker', WORKER_QUEUES: 'maintenance' });
    expect(worker.get(WorkerRegistryService).queueNames).toEqual(['fitment.maintenance']);
    expect(await rpcConsumers()).toBe(1);
    const done = await eventually(async () => {
      const page = (await (
        await suite.http('/api/v1/jobs?service=fitment&type=maintenance.cleanup')
      ).json()) as JobPageDto;
      return page.data[0]?.status === 'completed' ? page.data[0] : null;
    });
    expect(done.id).toBe(job.id);
    // It was started only after the maintenance worker came up: neither the api nor the other worker touched it.
    const [row] = (await db.query(`SELECT started_at, attempts FROM fitment.jobs WHERE id = $1`, [job.id])).rows;
    expect(row.attempts).toBe(1);
    expect(row.started_at.getTime()).toBeGreaterThanOrEqual(beforeWorker.getTime() - 50);
    expect(await finished(worker)).toBe(1);
    expect(await finished(api)).toBe(0);
    expect(await finished(other)).toBe(0);

    // Without the api process nobody consumes the RPC queue.
    await api.close();
    apps.splice(apps.indexOf(api), 1);
    expect(await rpcConsumers()).toBe(0);
  });
});
