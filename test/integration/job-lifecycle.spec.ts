// JobLifecycleService inside a caller's transaction: create() with the feature's rows (inTransaction),
// applyInTransaction() (lock, legal transitions only, a state event only for a new status), and afterCommit,
// which runs a callback once the outermost transaction committed and never after a rollback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { afterCommit, IllegalTransitionError, JobLifecycleService } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { startSuite, type Suite } from '../support/suite.js';

describe('JobLifecycleService in a caller transaction', () => {
  let suite: Suite;
  let lifecycle: JobLifecycleService;
  let db: DataSource;

  // The platform's inbox table stands in for a feature's own rows.
  const mark = (em: EntityManager, id: string) =>
    em.query(`INSERT INTO inbox (event_id, consumer) VALUES ($1, 'lifecycle-test')`, [id]);
  const marked = async (id: string) =>
    ((await db.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [id])) as [{ n: number }])[0].n;
  const events = async (jobId: string) =>
    (
      (await db.query(`SELECT payload->'data'->>'status' AS status FROM outbox WHERE payload->'data'->>'id' = $1`, [
        jobId,
      ])) as Array<{ status: string }>
    ).map((r) => r.status);
  const newJob = () => ({ id: randomUUID(), tenantId: 'acme', type: 'test.job', params: {} });

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'], gateway: false });
    const app = suite.services.get('fitment')!;
    lifecycle = app.get(JobLifecycleService);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it("commits the feature's rows with the job row and its event, or none of them", async () => {
    const job = newJob();
    const { row, created } = await lifecycle.create(job, (em, r) => mark(em, r.id));
    expect(created).toBe(true);
    expect(await marked(row.id)).toBe(1);
    expect(await events(row.id)).toEqual(['queued']);

    const failing = newJob();
    await expect(
      lifecycle.create(failing, async (em, r) => {
        await mark(em, r.id);
        throw new Error('feature rows refused');
      }),
    ).rejects.toThrow('feature rows refused');
    await expect(lifecycle.get(failing.id)).rejects.toThrow(/not found/);
    expect(await marked(failing.id)).toBe(0);
    expect(await events(failing.id)).toEqual([]);
  });

  it('does not run the hook for a job answered by its de-duplication key', async () => {
    const first = await lifecycle.create({ ...newJob(), dedupeKey: 'same' });
    let ran = false;
    const again = await lifecycle.create({ ...newJob(), dedupeKey: 'same' }, async () => {
      ran = true;
    });
    expect(again).toEqual({ row: expect.objectContaining({ id: first.row.id }), created: false });
    expect(ran).toBe(false);
  });

  it('applies a change in the caller transaction: a state event for a new status only, nothing on rollback', async () => {
    const { row } = await lifecycle.create(newJob());
    await db.transaction((em) => lifecycle.applyInTransaction(em, row.id, () => ({ counts: { done: 1 } })));
    expect((await lifecycle.get(row.id)).counts).toEqual({ done: 1 });
    expect(await events(row.id)).toEqual(['queued']);

    await db.transaction((em) => lifecycle.applyInTransaction(em, row.id, () => ({ status: 'processing' })));
    expect(await events(row.id)).toEqual(['queued', 'processing']);

    await expect(
      db.transaction(async (em) => {
        await lifecycle.applyInTransaction(em, row.id, () => ({ status: 'review_required' }));
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await lifecycle.get(row.id)).status).toBe('processing');
    expect(await events(row.id)).toEqual(['queued', 'processing']);

    await expect(
      db.transaction((em) => lifecycle.applyInTransaction(em, row.id, () => ({ status: 'queued', counts: {} }))),
    ).resolves.toEqual(expect.objectContaining({ status: 'queued' }));
    await expect(
      db.transaction((em) => lifecycle.applyInTransaction(em, row.id, () => ({ status: 'completed' }))),
    ).rejects.toThrow(IllegalTransitionError);
  });

  it('runs afterCommit callbacks after the outermost commit, never after a rollback', async () => {
    const seen: string[] = [];
    await db.transaction(async (em) => {
      afterCommit(em, () => seen.push('committed'));
      await em.queryRunner!.startTransaction();
      afterCommit(em, () => seen.push('from a savepoint'));
      await em.queryRunner!.commitTransaction();
      seen.push('savepoint released');
    });
    expect(seen).toEqual(['savepoint released', 'committed', 'from a savepoint']);

    await db
      .transaction(async (em) => {
        afterCommit(em, () => seen.push('rolled back'));
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(seen).not.toContain('rolled back');
    expect(() => afterCommit(db.manager, () => undefined)).toThrow(/inside a transaction/);
  });
});
