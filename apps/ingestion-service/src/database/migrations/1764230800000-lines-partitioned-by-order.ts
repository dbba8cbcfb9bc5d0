import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRICE_HISTORY_VIEW } from './1764230700000-price-history-from-lines.js';

/** Purchase order ids below this are the identity sequence's; each block of ids above it is one large import's. */
export const ORDER_BLOCK_SIZE = 2n ** 32n;

const LINES = 'ingestion.purchase_order_lines';
/** The functions this migration creates, in the order they can be dropped. */
const LINE_FUNCTIONS = [
  'compact_lines_blocks(bigint)',
  'next_lines_merge(bigint)',
  'attach_lines_block(bigint)',
  'open_lines_block()',
  'index_lines_partition(text)',
  'writes_through_parent_only(text)',
];

/**
 * Purchase order lines are partitioned by range of their order's id, so that a large import can
 * load its lines as a table of their own and attach it whole ("partition exchange").
 *
 * Inserting 1,000,000 rows into a table that already has three B-tree indexes maintains each index
 * row by row (about 5 s on the reference machine); writing the same rows into a new table and
 * building the indexes afterwards, sorted and in parallel, takes about 2 s. So:
 * - partition `purchase_order_lines_main` holds the lines of orders with ids from the identity
 *   sequence (below 2^32): small imports, and every line there is today (with the orders of blocks
 *   from before a down migration, if any: its range then ends at the first free block);
 * - a large import takes a block number N from `purchase_order_blocks`, gives the orders it creates
 *   the ids N * 2^32 + 1, + 2, ..., and loads their lines into `purchase_order_lines_b<N>` through
 *   `open_lines_block()` and `attach_lines_block(N)`, in its own transaction: a failed or cancelled
 *   import rolls the new table back with everything else.
 *
 * The service's role has no DDL rights, so these functions run as their owner (SECURITY
 * DEFINER); `attach_lines_block` checks the block's references as the per-statement trigger does
 * for inserted lines (ATTACH PARTITION fires no insert trigger).
 *
 * Each large import adds a partition, and a query that cannot prune by order (a product's price
 * history) looks into each of them: with 500 partitions such a query took about 60 ms instead of a
 * few. `compact_lines_blocks(max_lines)`, run by the nightly clean-up, merges the oldest run of
 * adjacent block partitions holding at most max_lines lines into one (`purchase_order_lines_b<first>_<last>`).
 *
 * The key of the lines becomes (purchase_order_id, line_no), which includes the partition key; `id`
 * keeps its identity sequence and an index, but no unique index can span the partitions: the
 * identity is GENERATED ALWAYS (no id given through the table, none changed), and the blocks take
 * theirs from the same sequence. Deleting an order still deletes its lines, deleting a
 * referenced product still fails, whichever partition holds the lines.
 */
export class LinesPartitionedByOrder1764230800000 implements MigrationInterface {
  name = 'LinesPartitionedByOrder1764230800000';

  async up(q: QueryRunner): Promise<void> {
    // The view and the reference triggers are bound to the table; they are made again on the parent.
    await q.query(`DROP VIEW ingestion.price_history`);
    for (const event of ['insert', 'update']) {
      await q.query(`DROP TRIGGER purchase_order_lines_check_references_${event} ON ${LINES}`);
    }
    const maxId = BigInt((await q.query(`SELECT coalesce(max(id), 0) AS id FROM ${LINES}`))[0].id);
    await q.query(`ALTER TABLE ${LINES} DROP CONSTRAINT purchase_order_lines_pkey`);
    await q.query(`ALTER TABLE ${LINES} ALTER COLUMN id DROP IDENTITY`);
    await q.query(`ALTER TABLE ${LINES} RENAME TO purchase_order_lines_main`);
    await q.query(
      `ALTER TABLE ingestion.purchase_order_lines_main RENAME CONSTRAINT purchase_order_lines_purchase_order_id_line_no_key TO purchase_order_lines_main_pkey`,
    );
    await q.query(
      `ALTER INDEX ingestion.purchase_order_lines_product_idx RENAME TO purchase_order_lines_main_product_id_idx`,
    );
    await q.query(`CREATE INDEX purchase_order_lines_main_id_idx ON ingestion.purchase_order_lines_main (id)`);

    await createLines(q, maxId, 'partitioned');
    // Orders of blocks attached before a down migration (their lines are in the plain table now) stay in the main partition.
    const firstBlock = BigInt(
      (await q.query(`SELECT coalesce(max(id), 0) / ${ORDER_BLOCK_SIZE} + 1 AS n FROM ingestion.purchase_orders`))[0].n,
    );
    await q.query(
      `ALTER TABLE ${LINES} ATTACH PARTITION ingestion.purchase_order_lines_main FOR VALUES FROM (MINVALUE) TO (${firstBlock * ORDER_BLOCK_SIZE})`,
    );
    // Order ids from the identity sequence must stay in the main partition's range.
    await q.query(`ALTER TABLE ingestion.purchase_orders ALTER COLUMN id SET MAXVALUE ${ORDER_BLOCK_SIZE - 1n}`);

    await createReferenceTriggers(q);
    await q.query(PRICE_HISTORY_VIEW);

    await q.query(
      `CREATE SEQUENCE ingestion.purchase_order_blocks AS bigint MINVALUE 1 MAXVALUE 2000000000 START WITH ${firstBlock}`,
    );
    // The lines' partitions are written through the parent only (its trigger checks the references;
    // privileges are not checked on partitions reached through their parent).
    await q.query(`
      CREATE FUNCTION ingestion.writes_through_parent_only(name text) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
          FROM pg_class c, aclexplode(c.relacl) a
          WHERE c.oid = format('ingestion.%I', name)::regclass AND a.grantee <> c.relowner
        LOOP
          EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ingestion.%I FROM %s', name, grantee);
        END LOOP;
      END $$`);
    await q.query(`SELECT ingestion.writes_through_parent_only('purchase_order_lines_main')`);
    await q.query(`
      CREATE FUNCTION ingestion.open_lines_block() RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        block bigint;
        name text;
      BEGIN
        -- Held until the loading transaction ends, before the number is taken: while compact_lines_blocks holds
        -- the lines, no block is being loaded, so a block number without a partition is one that rolled back.
        LOCK TABLE ingestion.purchase_order_lines IN ACCESS SHARE MODE;
        block := nextval('ingestion.purchase_order_blocks');
        name := 'purchase_order_lines_b' || block;
        EXECUTE format('CREATE TABLE ingestion.%I (LIKE ingestion.purchase_order_lines INCLUDING DEFAULTS)', name);
        EXECUTE format('GRANT SELECT, INSERT ON ingestion.%I TO %I', name, session_user);
        RETURN block;
      END $$`);
    // Built once, sorted (and in parallel where the server allows), instead of row by row.
    await q.query(`
      CREATE FUNCTION ingestion.index_lines_partition(name text) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format('ALTER TABLE ingestion.%I ADD CONSTRAINT %I PRIMARY KEY (purchase_order_id, line_no)', name, name || '_pkey');
        EXECUTE format('CREATE INDEX %I ON ingestion.%I (id)', name || '_id_idx', name);
        EXECUTE format('CREATE INDEX %I ON ingestion.%I (product_id)', name || '_product_id_idx', name);
      END $$`);
    await q.query(`
      CREATE FUNCTION ingestion.attach_lines_block(block bigint) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        name text := 'purchase_order_lines_b' || block;
        low bigint := block * ${ORDER_BLOCK_SIZE};
        ref text;
        col text;
        tbl text;
        named bigint;
        locked bigint;
        missing bigint;
      BEGIN
        -- The references, as purchase_order_lines_check_references checks inserted lines: every order and
        -- product locked FOR KEY SHARE (as a foreign key does); fewer locked than named means one is missing.
        FOREACH ref IN ARRAY ARRAY['purchase_order_id:purchase_orders:purchase order', 'product_id:products:product'] LOOP
          col := split_part(ref, ':', 1);
          tbl := split_part(ref, ':', 2);
          EXECUTE format('SELECT count(*) FROM (SELECT DISTINCT %I FROM ingestion.%I) d', col, name) INTO named;
          EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM ingestion.%I x WHERE x.id IN (SELECT %I FROM ingestion.%I) FOR KEY SHARE) l', tbl, col, name) INTO locked;
          IF locked < named THEN
            EXECUTE format('SELECT n.%I FROM ingestion.%I n WHERE NOT EXISTS (SELECT 1 FROM ingestion.%I x WHERE x.id = n.%I) LIMIT 1', col, name, tbl, col) INTO missing;
            RAISE foreign_key_violation USING
              MESSAGE = format('purchase_order_lines references %s %s, which does not exist', split_part(ref, ':', 3), missing),
              CONSTRAINT = 'purchase_order_lines_' || col || '_fkey', TABLE = 'purchase_order_lines', SCHEMA = 'ingestion';
          END IF;
        END LOOP;
        PERFORM ingestion.index_lines_partition(name);
        EXECUTE format('ALTER TABLE ingestion.purchase_order_lines ATTACH PARTITION ingestion.%I FOR VALUES FROM (%s) TO (%s)',
                       name, low, low + ${ORDER_BLOCK_SIZE});
        PERFORM ingestion.writes_through_parent_only(name);
      END $$`);
    // The oldest run of block partitions to merge into one (fewer than two: none). A partition of a quarter of
    // max_lines or more is left as it is, so that no partition is rewritten night after night as it grows.
    await q.query(`
      CREATE FUNCTION ingestion.next_lines_merge(max_lines bigint, OUT run text[], OUT run_first bigint, OUT run_last bigint)
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        p record;
        n bigint;
        run_lines bigint := 0;
      BEGIN
        run := '{}';
        FOR p IN
          SELECT c.relname AS rel, m[1]::bigint AS first, coalesce(m[2], m[1])::bigint AS last, c.reltuples AS estimate
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid,
               LATERAL regexp_match(c.relname, '^purchase_order_lines_b(\\d+)(?:_(\\d+))?$') m
          WHERE i.inhparent = 'ingestion.purchase_order_lines'::regclass AND m IS NOT NULL
          ORDER BY 2
        LOOP
          n := p.estimate;
          IF n < 0 THEN
            EXECUTE format('SELECT count(*) FROM ingestion.%I', p.rel) INTO n;
          END IF;
          IF n * 4 >= max_lines THEN
            EXIT WHEN cardinality(run) >= 2;
            run := '{}';
          ELSIF cardinality(run) > 0 AND run_lines + n <= max_lines THEN
            run := run || p.rel;
            run_last := p.last;
            run_lines := run_lines + n;
          ELSE
            EXIT WHEN cardinality(run) >= 2;
            run := ARRAY[p.rel];
            run_first := p.first;
            run_last := p.last;
            run_lines := n;
          END IF;
        END LOOP;
        IF cardinality(run) < 2 THEN
          run := '{}';
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION ingestion.compact_lines_blocks(max_lines bigint)
      RETURNS TABLE (partition text, merged int, lines bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        rel text;
        n bigint;
        run text[];
        run_first bigint;
        run_last bigint;
        low bigint;
        high bigint;
      BEGIN
        -- Nothing to merge: the lines are not locked at all.
        SELECT * INTO run, run_first, run_last FROM ingestion.next_lines_merge(max_lines);
        IF cardinality(run) = 0 THEN
          RETURN;
        END IF;
        -- The lines are locked first and whole, so that no lock is ever taken in the opposite order of a
        -- statement on the lines (parent, then partitions): readers and writers wait for the merge, and the
        -- caller's lock_timeout bounds how long the merge waits for them. With the lines locked no block is
        -- being loaded (see open_lines_block), so block numbers between two partitions belong to rolled-back
        -- imports and a merged range may span them: the run is chosen again, now that nothing changes.
        LOCK TABLE ingestion.purchase_order_lines IN ACCESS EXCLUSIVE MODE;
        SELECT * INTO run, run_first, run_last FROM ingestion.next_lines_merge(max_lines);
        IF cardinality(run) = 0 THEN
          RETURN;
        END IF;

        partition := format('purchase_order_lines_b%s_%s', run_first, run_last);
        low := run_first * ${ORDER_BLOCK_SIZE};
        high := (run_last + 1) * ${ORDER_BLOCK_SIZE};
        merged := cardinality(run);
        lines := 0;
        EXECUTE format('CREATE TABLE ingestion.%I (LIKE ingestion.purchase_order_lines INCLUDING DEFAULTS)', partition);
        FOREACH rel IN ARRAY run LOOP
          EXECUTE format('INSERT INTO ingestion.%I SELECT * FROM ingestion.%I', partition, rel);
          GET DIAGNOSTICS n = ROW_COUNT;
          lines := lines + n;
          EXECUTE format('ALTER TABLE ingestion.purchase_order_lines DETACH PARTITION ingestion.%I', rel);
          EXECUTE format('DROP TABLE ingestion.%I', rel);
        END LOOP;
        PERFORM ingestion.index_lines_partition(partition);
        EXECUTE format('ALTER TABLE ingestion.purchase_order_lines ATTACH PARTITION ingestion.%I FOR VALUES FROM (%s) TO (%s)', partition, low, high);
        PERFORM ingestion.writes_through_parent_only(partition);
        -- Autovacuum never analyses a partitioned table itself.
        ANALYZE ingestion.purchase_order_lines;
        RETURN NEXT;
      END $$`);
    // The service's role calls them (grantServiceRole grants it EXECUTE on its schema's functions); nobody else.
    for (const fn of LINE_FUNCTIONS) await q.query(`REVOKE ALL ON FUNCTION ingestion.${fn} FROM PUBLIC`);
    await q.query(`ANALYZE ingestion.purchase_order_lines`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${LINE_FUNCTIONS.map((fn) => `ingestion.${fn}`).join(', ')}`);
    await q.query(`DROP SEQUENCE ingestion.purchase_order_blocks`);
    await q.query(`ALTER TABLE ingestion.purchase_orders ALTER COLUMN id SET NO MAXVALUE`);
    await q.query(`DROP VIEW ingestion.price_history`);
    const maxId = BigInt((await q.query(`SELECT coalesce(max(id), 0) AS id FROM ${LINES}`))[0].id);
    await q.query(`ALTER TABLE ${LINES} RENAME TO purchase_order_lines_partitioned`);
    await q.query(
      `ALTER TABLE ingestion.purchase_order_lines_partitioned RENAME CONSTRAINT purchase_order_lines_pkey TO purchase_order_lines_partitioned_pkey`,
    );
    await q.query(
      `ALTER INDEX ingestion.purchase_order_lines_product_idx RENAME TO purchase_order_lines_partitioned_product_idx`,
    );
    await createLines(q, maxId, 'plain');
    await q.query(`INSERT INTO ${LINES} SELECT * FROM ingestion.purchase_order_lines_partitioned ORDER BY id`);
    // Dropping the parent drops its partitions and their triggers.
    await q.query(`DROP TABLE ingestion.purchase_order_lines_partitioned`);
    await createReferenceTriggers(q);
    await q.query(PRICE_HISTORY_VIEW);
  }
}

/**
 * The lines table, its identity starting after `maxId`: partitioned by order id with key (order, line),
 * or (down) the plain table with key id and a unique (order, line).
 */
async function createLines(q: QueryRunner, maxId: bigint, shape: 'partitioned' | 'plain'): Promise<void> {
  const partitioned = shape === 'partitioned';
  await q.query(`
    CREATE TABLE ${LINES} (
      id                bigint GENERATED ${partitioned ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY (START WITH ${maxId + 1n})${partitioned ? '' : ' PRIMARY KEY'},
      tenant_id         varchar(64)   NOT NULL,
      purchase_order_id bigint        NOT NULL,
      line_no           integer       NOT NULL,
      product_id        bigint        NOT NULL,
      quantity          numeric(18,4) NOT NULL,
      unit_price        numeric(18,4) NOT NULL,
      currency          char(3)       NOT NULL,
      upload_id         uuid,
      price_excluded    boolean       NOT NULL DEFAULT false,
      ${partitioned ? 'CONSTRAINT purchase_order_lines_pkey PRIMARY KEY' : 'UNIQUE'} (purchase_order_id, line_no)
    )${partitioned ? ' PARTITION BY RANGE (purchase_order_id)' : ''}`);
  if (partitioned) await q.query(`CREATE INDEX purchase_order_lines_id_idx ON ${LINES} (id)`);
  await q.query(`CREATE INDEX purchase_order_lines_product_idx ON ${LINES} (product_id)`);
}

/** The per-statement reference checks of inserted and updated lines (function of PriceHistoryFromLines1764230700000). */
async function createReferenceTriggers(q: QueryRunner): Promise<void> {
  for (const event of ['INSERT', 'UPDATE']) {
    await q.query(`
      CREATE TRIGGER purchase_order_lines_check_references_${event.toLowerCase()} AFTER ${event} ON ${LINES}
      REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ingestion.purchase_order_lines_check_references()`);
  }
}
