// indexer.embeddings against the real PostgreSQL: vectors stored and reused by content hash, each replica's
// in-memory index loaded from the table and kept in step with it (writes, changes of another replica,
// deletes), per tenant. The embedder is a bag-of-words stand-in that counts what it is asked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Embeddings1765000000000 } from '../../apps/indexer-service/src/embeddings/1765000000000-embeddings.js';
import { embedInBatches, type Embedder } from '../../apps/indexer-service/src/embeddings/embedder.js';
import { embeddingTextHash, type EmbeddingDoc } from '../../apps/indexer-service/src/embeddings/embedding-reuse.js';
import { EmbeddingsRepository } from '../../apps/indexer-service/src/embeddings/embeddings.repository.js';
import { EmbeddingsService } from '../../apps/indexer-service/src/embeddings/embeddings.service.js';
import { SemanticRanker } from '../../apps/indexer-service/src/embeddings/semantic-ranker.js';
import { TenantVectors } from '../../apps/indexer-service/src/embeddings/tenant-vectors.js';
import { l2Normalize } from '../../apps/indexer-service/src/embeddings/vectors.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Each word adds 1 to one of 64 dimensions: texts sharing words are close. */
class WordsEmbedder implements Embedder {
  readonly model = 'test:words-64';
  readonly dimensions = 64;
  readonly batchSize = 3;
  readonly asked: string[] = [];

  embed(texts: string[]): Promise<Float32Array[]> {
    this.asked.push(...texts);
    return embedInBatches(texts, this.batchSize, async (batch) =>
      batch.map((text) => {
        const v = new Float32Array(this.dimensions);
        for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
          let h = 0;
          for (const c of word) h = (h * 31 + c.charCodeAt(0)) >>> 0;
          v[h % this.dimensions] += 1;
        }
        return l2Normalize(v);
      }),
    );
  }
}

const doc = (productId: number, text: string): EmbeddingDoc => ({
  productId,
  text,
  contentHash: embeddingTextHash(text),
});

describe('indexer.embeddings', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repository = new EmbeddingsRepository();
  const embedder = new WordsEmbedder();
  let clock = 0;
  const replica = () =>
    new TenantVectors(ds, repository, {
      model: embedder.model,
      dimensions: embedder.dimensions,
      refreshMs: 1000,
      now: () => clock,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    // the test database has the services' migrations, this one among them (indexerSchema) since it is wired in
    const [{ present }] = await ds.query(`SELECT to_regclass('indexer.embeddings') IS NOT NULL AS present`);
    if (!present) {
      const runner = ds.createQueryRunner();
      try {
        await new Embeddings1765000000000().up(runner);
      } finally {
        await runner.release();
      }
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stores one vector per product and embeds again only what changed', async () => {
    const service = new EmbeddingsService(ds, repository, embedder, replica());
    const docs = [
      doc(1, 'ceramic brake pad front'),
      doc(2, 'cordless drill driver'),
      doc(3, 'engine oil filter'),
      doc(4, 'ceramic brake pad front'),
    ];
    expect(await service.ensure('t-store', docs)).toEqual({ embedded: 4, reused: 0, modelTexts: 3 });
    expect(embedder.asked).toHaveLength(3);
    const rows = await ds.query(
      `SELECT product_id, content_hash, octet_length(vector) AS bytes FROM indexer.embeddings
        WHERE tenant_id = 't-store' ORDER BY product_id`,
    );
    expect(rows).toEqual(
      docs.map((d) => ({ product_id: String(d.productId), content_hash: d.contentHash, bytes: 64 * 4 })),
    );

    embedder.asked.length = 0;
    const changed = [...docs.slice(0, 3), doc(4, 'semi-metallic brake pad rear')];
    expect(await service.ensure('t-store', changed)).toEqual({ embedded: 1, reused: 3, modelTexts: 1 });
    expect(embedder.asked).toEqual(['semi-metallic brake pad rear']);

    // another model has none of them: everything is embedded again under its id
    const other = Object.assign(new WordsEmbedder(), { model: 'test:words-64-v2' });
    const service2 = new EmbeddingsService(ds, repository, other, replica());
    expect(await service2.ensure('t-store', changed)).toMatchObject({ embedded: 4, reused: 0 });
    expect(await repository.deleteOtherModels(ds.manager, 't-store', other.model)).toBe(4);
    expect(await repository.count(ds.manager, 't-store', embedder.model)).toBe(0);
  });

  it('loads a replica from the table, then follows writes, other replicas and deletes', async () => {
    const writerVectors = replica();
    const writer = new EmbeddingsService(ds, repository, embedder, writerVectors);
    await writer.ensure('t-sync', [
      doc(10, 'ceramic brake pad front'),
      doc(11, 'cordless drill driver 20V'),
      doc(12, 'engine oil filter'),
    ]);
    const readerVectors = replica();
    const reader = new SemanticRanker(embedder, readerVectors);
    expect((await reader.rank('t-sync', 'brake pad', 3))[0].productId).toBe(10);
    expect((await readerVectors.index('t-sync')).size).toBe(3);

    // the writer's own index sees its writes at once
    await writerVectors.index('t-sync');
    await writer.ensure('t-sync', [doc(13, 'wiper blade 22 inch')]);
    expect((await writerVectors.index('t-sync')).has(13)).toBe(true);

    // the reader sees them once its refresh interval has passed
    expect((await readerVectors.index('t-sync')).has(13)).toBe(false);
    clock += 1000;
    expect((await reader.rank('t-sync', 'wiper blade', 1))[0].productId).toBe(13);

    // a changed text moves the product; a delete takes it out of the reader too
    await writer.ensure('t-sync', [doc(12, 'wiper blade rear 12 inch')]);
    await writer.remove('t-sync', [10]);
    clock += 1000;
    const ranked = await reader.rank('t-sync', 'wiper blade rear', 4);
    expect(ranked.map((r) => r.productId)).toEqual([12, 13, expect.any(Number)]);
    expect(ranked.map((r) => r.productId)).not.toContain(10);
    expect((await readerVectors.index('t-sync')).size).toBe(3);

    // deleted and written again between two refreshes: the reader keeps it; deleted for good: it goes
    await writer.remove('t-sync', [11]);
    await writer.ensure('t-sync', [doc(11, 'cordless drill driver 20V')]);
    await writer.remove('t-sync', [13]);
    clock += 1000;
    const index = await readerVectors.index('t-sync');
    expect(index.productIds().sort()).toEqual([11, 12]);
    const [deletion] = await ds.query(
      `SELECT count(*)::int AS n FROM indexer.embedding_deletions WHERE tenant_id = 't-sync' AND product_id = 13`,
    );
    expect(deletion.n).toBe(1);
  });

  it('keeps tenants apart', async () => {
    const vectors = replica();
    const service = new EmbeddingsService(ds, repository, embedder, vectors);
    await service.ensure('t-a', [doc(1, 'ceramic brake pad')]);
    await service.ensure('t-b', [doc(2, 'ceramic brake pad'), doc(3, 'spark plug')]);
    const ranker = new SemanticRanker(embedder, vectors);
    expect((await ranker.rank('t-a', 'brake pad', 10)).map((r) => r.productId)).toEqual([1]);
    expect((await ranker.rank('t-b', 'brake pad', 10)).map((r) => r.productId)).toEqual([2, 3]);
    expect(await ranker.rank('t-none', 'brake pad', 10)).toEqual([]);
    expect(await ranker.rank('t-a', '   ', 10)).toEqual([]);
    await service.remove('t-a', [2]); // another tenant's id: nothing happens to t-b
    expect(await repository.count(ds.manager, 't-b', embedder.model)).toBe(2);
  });

  it("drops an idle tenant's vectors from memory and reads them again on its next search", async () => {
    const service = new EmbeddingsService(ds, repository, embedder, replica());
    await service.ensure('t-idle', [doc(1, 'ceramic brake pad')]);
    await service.ensure('t-busy', [doc(2, 'spark plug')]);
    const vectors = new TenantVectors(ds, repository, {
      model: embedder.model,
      dimensions: embedder.dimensions,
      refreshMs: 1000,
      idleMs: 60_000,
      now: () => clock,
    });
    await vectors.index('t-idle');
    await vectors.index('t-busy');
    expect(vectors.loadedTenants().sort()).toEqual(['t-busy', 't-idle']);
    clock += 40_000;
    await vectors.index('t-busy');
    clock += 30_000; // t-idle unused for 70 s, t-busy for 30 s
    await vectors.index('t-busy');
    expect(vectors.loadedTenants()).toEqual(['t-busy']);
    const again = await vectors.index('t-idle');
    expect(again.has(1)).toBe(true);
    expect(vectors.loadedTenants().sort()).toEqual(['t-busy', 't-idle']);
  });

  it('pages through more rows than one page holds when loading', async () => {
    const service = new EmbeddingsService(ds, repository, embedder, replica());
    const docs = Array.from({ length: 4500 }, (_, i) => doc(100 + i, `part ${i} brake pad`));
    await service.ensure('t-pages', docs);
    const vectors = replica();
    const index = await vectors.index('t-pages');
    expect(index.size).toBe(4500);
    expect(index.has(100) && index.has(4599)).toBe(true);
  }, 60_000);
});
