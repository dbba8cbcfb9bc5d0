import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

const pending = new WeakMap<QueryRunner, Array<() => void>>();

/**
 * Runs `fn` once the transaction `em` belongs to has committed (never when it rolls back), whoever
 * opened that transaction. Needs AfterCommitSubscriber among the data source's subscribers
 * (serviceDataSourceOptions registers it). Meant for nudges (a relay kick) that are harmless to run
 * again: a callback registered inside a savepoint that rolled back still runs at the outer commit.
 */
export function afterCommit(em: EntityManager, fn: () => void): void {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit needs an EntityManager inside a transaction');
  if (!em.dataSource.subscribers.some((s) => s instanceof AfterCommitSubscriber))
    throw new Error('afterCommit needs AfterCommitSubscriber among the data source subscribers');
  const fns = pending.get(runner);
  if (fns) fns.push(fn);
  else pending.set(runner, [fn]);
}

/** Runs the afterCommit callbacks of a query runner when its outermost transaction ends. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // Releasing a savepoint also reports a commit; the work is durable only once the outer one commits.
    if (event.queryRunner.isTransactionActive) return;
    const fns = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    for (const fn of fns ?? []) fn();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
