import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Consumer-side de-duplication (transactional inbox). Events arrive at least once, so a consumer
 * handles each one inside a transaction that first records (event_id, consumer) in the service's
 * `inbox` table: a second delivery finds the row and is skipped; a handler that fails rolls the
 * row back with its own writes, so the redelivery runs it again.
 */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `fn` once per (consumer, eventId). Returns true when it ran, false when the event had been
   * handled already. `fn` must do its writes through the EntityManager it is given (same transaction).
   * A concurrent delivery of the same event waits on the first one's row lock, then skips (or runs,
   * if the first one rolled back).
   */
  async handleOnce(consumer: string, eventId: string, fn: (em: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT (event_id, consumer) DO NOTHING RETURNING event_id`,
        [eventId, consumer],
      );
      if (inserted.length === 0) return false;
      await fn(em);
      return true;
    });
  }
}
