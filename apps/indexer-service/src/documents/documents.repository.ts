import type { EntityManager } from 'typeorm';
import type { SearchDocument } from './search-document.js';

export interface IndexState {
  active_generation: number;
  building_generation: number | null;
  building_job_id: string | null;
  last_rebuild_at: Date | null;
}

/** Where a write goes: the live generations (active, and the one a rebuild is building), or one generation. */
export type WriteTarget = 'live' | number;

/** The text of a product's active document: what its metadata is generated from. */
export interface DocumentText {
  product_id: number;
  part_number: string;
  name: string;
  description: string;
  brand: string | null;
  category: string | null;
  attributes: Record<string, unknown>;
}

export interface WriteCounts {
  /** Products whose document was written with new content (or is new). */
  changed: number;
  /** Products whose document was written with the content it had. */
  unchanged: number;
}

/** The product's tags in force (a person's, else generated; MetadataRepository), as one text. */
const PRODUCT_TAGS = `SELECT array_to_string(coalesce(m.edited_tags, m.tags), ' ') FROM metadata m
   WHERE m.tenant_id = $1 AND m.subject = 'product' AND m.subject_id = i.product_id::text`;

const TSVECTOR = `
  setweight(to_tsvector('simple', fold(i.part_number) || ' ' || i.part_number_norm), 'A') ||
  setweight(to_tsvector('english', fold(i.name)), 'B') ||
  setweight(to_tsvector('simple', fold(coalesce(i.brand, ''))), 'B') ||
  setweight(to_tsvector('english', fold(coalesce(i.category, ''))), 'C') ||
  setweight(to_tsvector('simple', fold(i.attributes_text)), 'C') ||
  setweight(to_tsvector('simple', i.codes_text), 'C') ||
  setweight(to_tsvector('english', fold(i.description)), 'D') ||
  setweight(to_tsvector('simple', fold(i.vehicles_text)), 'D') ||
  setweight(to_tsvector('english', fold(coalesce((${PRODUCT_TAGS}), ''))), 'B')`;

const FUZZY_TEXT = `fold(i.name || ' ' || coalesce(i.brand, '') || ' ' || coalesce(i.category, '') || ' ' || i.part_number)`;

/** All SQL on the documents, tombstones and index state. The tenant is in every WHERE. */
export class DocumentsRepository {
  /** The tenant's index state, created (generation 1, empty) the first time. */
  async state(em: EntityManager, tenantId: string, opts: { forUpdate?: boolean } = {}): Promise<IndexState> {
    await em.query(`INSERT INTO index_state (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId]);
    const rows: IndexState[] = await em.query(
      `SELECT active_generation, building_generation, building_job_id, last_rebuild_at
         FROM index_state WHERE tenant_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId],
    );
    return rows[0];
  }

  /**
   * Holds off a rebuild's swap until the transaction ends, so that a write to the live generations never lands in
   * one the swap has just retired (and is deleting).
   */
  async shareState(em: EntityManager, tenantId: string): Promise<void> {
    await em.query(`SELECT 1 FROM index_state WHERE tenant_id = $1 FOR SHARE`, [tenantId]);
  }

  /**
   * Serializes the writers of these products (documents and tombstones) until the transaction ends, locks
   * taken in one order so two writers of overlapping sets never deadlock. A write and a delete of one product
   * racing therefore run one after the other, and the tombstone check of the write sees the delete.
   */
  async lockProducts(em: EntityManager, tenantId: string, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await em.query(
      `SELECT pg_advisory_xact_lock(k)
         FROM (SELECT DISTINCT hashtextextended($1 || ':' || id, 0) AS k FROM unnest($2::bigint[]) id ORDER BY 1) s`,
      [tenantId, ids],
    );
  }

  /**
   * Writes documents into the target generations, except for tombstoned products, and never over a document
   * read later (a greater (version, read time)): a slow writer cannot undo a newer one. Call under lockProducts.
   * The words of their names, brands and categories join the tenant's vocabulary (what typos are corrected to).
   */
  async write(
    em: EntityManager,
    tenantId: string,
    docs: readonly SearchDocument[],
    fetchedAt: Date,
    target: WriteTarget,
  ): Promise<WriteCounts> {
    if (docs.length === 0) return { changed: 0, unchanged: 0 };
    const gens =
      target === 'live'
        ? `SELECT unnest(array_remove(ARRAY[s.active_generation, s.building_generation], NULL)) AS g FROM index_state s WHERE s.tenant_id = $1`
        : `SELECT $5::int AS g`;
    const params: unknown[] = [tenantId, JSON.stringify(docs), fetchedAt, docs.map((d) => d.product_id)];
    if (target !== 'live') params.push(target);
    const rows: WriteCounts[] = await em.query(
      `WITH i AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(
           product_id bigint, part_number text, part_number_norm text, name text, description text, brand text,
           category text, attributes jsonb, attributes_text text, price_min numeric, price_max numeric, currency text,
           suppliers jsonb, vehicles jsonb, vehicle_keys jsonb, vehicles_text text, codes_text text, content_hash text,
           source_updated_at timestamptz)
       ), gens AS (${gens}),
       old AS (
         -- the ids as an array parameter: the primary key finds them however large the generation (a join with
         -- i would be planned on statistics that know nothing of a generation being built)
         SELECT d.generation, d.product_id, d.content_hash FROM search_documents d
          WHERE d.tenant_id = $1 AND d.generation IN (SELECT g FROM gens) AND d.product_id = ANY($4::bigint[])
       ), up AS (
         INSERT INTO search_documents (
           tenant_id, generation, product_id, part_number, part_number_norm, name, description, brand, category,
           attributes, price_min, price_max, currency, suppliers, vehicles, vehicle_keys, fuzzy_text, search,
           content_hash, source_updated_at, fetched_at, indexed_at)
         SELECT $1, gens.g, i.product_id, i.part_number, i.part_number_norm, i.name, i.description, i.brand, i.category,
                i.attributes, i.price_min, i.price_max, i.currency, i.suppliers, i.vehicles, i.vehicle_keys,
                ${FUZZY_TEXT}, ${TSVECTOR}, i.content_hash, i.source_updated_at, $3, now()
           FROM i CROSS JOIN gens
          WHERE NOT EXISTS (SELECT 1 FROM tombstones t WHERE t.tenant_id = $1 AND t.product_id = i.product_id)
         ON CONFLICT (tenant_id, generation, product_id) DO UPDATE SET
           part_number = EXCLUDED.part_number, part_number_norm = EXCLUDED.part_number_norm, name = EXCLUDED.name,
           description = EXCLUDED.description, brand = EXCLUDED.brand, category = EXCLUDED.category,
           attributes = EXCLUDED.attributes, price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max,
           currency = EXCLUDED.currency, suppliers = EXCLUDED.suppliers, vehicles = EXCLUDED.vehicles,
           vehicle_keys = EXCLUDED.vehicle_keys, fuzzy_text = EXCLUDED.fuzzy_text, search = EXCLUDED.search,
           content_hash = EXCLUDED.content_hash, source_updated_at = EXCLUDED.source_updated_at,
           fetched_at = EXCLUDED.fetched_at, indexed_at = now()
         WHERE (search_documents.source_updated_at, search_documents.fetched_at)
             < (EXCLUDED.source_updated_at, EXCLUDED.fetched_at)
         RETURNING generation, product_id, content_hash
       )
       SELECT count(DISTINCT up.product_id) FILTER (WHERE o.content_hash IS DISTINCT FROM up.content_hash)::int AS changed,
              count(DISTINCT up.product_id) FILTER (WHERE o.content_hash = up.content_hash)::int AS unchanged
         FROM up LEFT JOIN old o ON o.generation = up.generation AND o.product_id = up.product_id`,
      params,
    );
    await em.query(
      `INSERT INTO search_words (tenant_id, word)
       SELECT DISTINCT $1, w FROM unnest($2::text[]) t, regexp_split_to_table(fold(t), '[^[:alnum:]]+') w
        WHERE length(w) BETWEEN 3 AND 40
        ORDER BY 2
       ON CONFLICT DO NOTHING`,
      [tenantId, docs.map((d) => `${d.name} ${d.brand ?? ''} ${d.category ?? ''}`)],
    );
    return rows[0];
  }

  /** Tombstones the products (deleted from the catalog) and removes their documents from every generation. */
  async remove(em: EntityManager, tenantId: string, ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    await em.query(
      `INSERT INTO tombstones (tenant_id, product_id) SELECT $1, id FROM unnest($2::bigint[]) id
       ON CONFLICT (tenant_id, product_id) DO NOTHING`,
      [tenantId, ids],
    );
    const rows: { n: number }[] = await em.query(
      `WITH gone AS (DELETE FROM search_documents WHERE tenant_id = $1 AND product_id = ANY($2::bigint[]) RETURNING product_id)
       SELECT count(DISTINCT product_id)::int AS n FROM gone`,
      [tenantId, ids],
    );
    return rows[0].n;
  }

  /** How many of these products have the same content hash in generation `a` as in generation `b`. */
  async sameContent(
    em: EntityManager,
    tenantId: string,
    a: number,
    b: number,
    ids: readonly number[],
  ): Promise<number> {
    const rows: { n: number }[] = await em.query(
      // one primary-key lookup per id in each generation, whatever the statistics say of a generation being built
      `SELECT count(*)::int AS n
         FROM unnest($4::bigint[]) AS id
         CROSS JOIN LATERAL (SELECT content_hash FROM search_documents
                              WHERE tenant_id = $1 AND generation = $2 AND product_id = id) x
         CROSS JOIN LATERAL (SELECT content_hash FROM search_documents
                              WHERE tenant_id = $1 AND generation = $3 AND product_id = id) y
        WHERE x.content_hash = y.content_hash`,
      [tenantId, a, b, ids],
    );
    return rows[0].n;
  }

  /** Starts building generation `generation` for job `jobId` (the state row locked by `state`). */
  async startBuilding(em: EntityManager, tenantId: string, generation: number, jobId: string): Promise<void> {
    await em.query(`UPDATE index_state SET building_generation = $2, building_job_id = $3 WHERE tenant_id = $1`, [
      tenantId,
      generation,
      jobId,
    ]);
  }

  /** Makes the built generation active in one write (the state row locked by `state`). */
  async activate(em: EntityManager, tenantId: string, generation: number): Promise<void> {
    await em.query(
      `UPDATE index_state SET active_generation = $2, building_generation = NULL, building_job_id = NULL, last_rebuild_at = now()
        WHERE tenant_id = $1`,
      [tenantId, generation],
    );
  }

  /**
   * After a generation changed wholesale (a rebuild's swap and the previous generation's delete): clears the
   * deleted rows out of the indexes (searches would fetch and drop them) and refreshes the planner's statistics,
   * rather than leaving searches planned on a table PostgreSQL thinks empty until autovacuum comes by. PostgreSQL
   * skips it with a warning when the service's role does not own the table; autovacuum then does it. Not in a
   * transaction.
   */
  async vacuum(em: EntityManager): Promise<void> {
    await em.query(`VACUUM (ANALYZE) indexer.search_documents`);
  }

  /** Gives up building generation `generation` (when it is still the one being built). */
  async abandon(em: EntityManager, tenantId: string, generation: number): Promise<void> {
    await em.query(
      `UPDATE index_state SET building_generation = NULL, building_job_id = NULL
        WHERE tenant_id = $1 AND building_generation = $2`,
      [tenantId, generation],
    );
  }

  /** Versions (source updated_at) of documents of a generation among these products. */
  async versionsOf(
    em: EntityManager,
    tenantId: string,
    generation: number,
    ids: readonly number[],
  ): Promise<Map<number, Date>> {
    const rows: { product_id: string; source_updated_at: Date }[] = await em.query(
      `SELECT product_id, source_updated_at FROM search_documents
        WHERE tenant_id = $1 AND generation = $2 AND product_id = ANY($3::bigint[])`,
      [tenantId, generation, ids],
    );
    return new Map(rows.map((r) => [Number(r.product_id), r.source_updated_at]));
  }

  /** Product ids of a generation's documents in (afterId, upTo] (upTo null: no upper bound) not among `known`. */
  async idsNotIn(
    em: EntityManager,
    tenantId: string,
    generation: number,
    afterId: number,
    upTo: number | null,
    known: readonly number[],
  ): Promise<number[]> {
    const rows: { product_id: string }[] = await em.query(
      `SELECT product_id FROM search_documents
        WHERE tenant_id = $1 AND generation = $2 AND product_id > $3 AND ($4::bigint IS NULL OR product_id <= $4)
          AND NOT (product_id = ANY($5::bigint[]))
        ORDER BY product_id`,
      [tenantId, generation, afterId, upTo, known],
    );
    return rows.map((r) => Number(r.product_id));
  }

  async countDocuments(em: EntityManager, tenantId: string, generation: number): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM search_documents WHERE tenant_id = $1 AND generation = $2`,
      [tenantId, generation],
    );
    return rows[0].n;
  }

  /** Deletes up to `limit` documents of a generation (an old one after a swap, or an abandoned build). */
  async deleteGeneration(em: EntityManager, tenantId: string, generation: number, limit: number): Promise<number> {
    const [, n]: [unknown, number] = await em.query(
      `DELETE FROM search_documents WHERE ctid IN (
         SELECT ctid FROM search_documents WHERE tenant_id = $1 AND generation = $2 LIMIT $3)`,
      [tenantId, generation, limit],
    );
    return n;
  }

  /** The product's document in the active generation, or null when the index has none. */
  async activeText(em: EntityManager, tenantId: string, productId: number): Promise<DocumentText | null> {
    const rows: (DocumentText & { product_id: string })[] = await em.query(
      `SELECT d.product_id, d.part_number, d.name, d.description, d.brand, d.category, d.attributes
         FROM search_documents d JOIN index_state s ON s.tenant_id = d.tenant_id AND s.active_generation = d.generation
        WHERE d.tenant_id = $1 AND d.product_id = $2`,
      [tenantId, productId],
    );
    return rows[0] ? { ...rows[0], product_id: Number(rows[0].product_id) } : null;
  }

  /** The tenants the index knows (for the nightly refresh). */
  async tenants(em: EntityManager): Promise<string[]> {
    const rows: { tenant_id: string }[] = await em.query(`SELECT tenant_id FROM index_state ORDER BY tenant_id`);
    return rows.map((r) => r.tenant_id);
  }
}
