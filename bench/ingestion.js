#!/usr/bin/env node
// `npm run bench:ingestion` (run `npm run build` first): imports through the gateway, end to end.
// 1. Generates a deterministic 1,000,000-row procurement CSV (2,000 suppliers, 50,000 materials, 10 lines per
//    PO) and a 100,000-row .xlsx of the same shape into a temporary directory.
// 2. Creates its own database (torque_bench_ingestion) and namespace (benchingest), starts the gateway and
//    the ingestion service (role both) from dist/ as child processes.
// 3. Uploads, processes and waits for each file through the gateway; prints rows/s end to end (upload start
//    to SUCCESS) and the peak RSS (VmHWM) of the ingestion service process that ran the import; that
//    process is started afresh for each file, so each peak is that import's.
// 4. In the same run, COPYs the same CSV into one plain table with PostgreSQL's own CSV parser, and prints
//    its rows/s and the ratio.
// 5. Also in the same run, the least PostgreSQL work the CSV's rows take in this schema (databaseFloor): rows
//    already resolved to ids COPYed in one transaction, the lines as an attached block, timed per step.
// BENCH_REIMPORT=1 also imports the CSV twice more (upsert, then insert), every order then existing.
// BENCH_ROWS and BENCH_XLSX_ROWS change the sizes; BENCH_SERVICE_NODE_ARGS adds node flags to the service (profiling). Everything is dropped afterwards; app logs go to bench/.out/.
import { createReadStream, createWriteStream, openAsBlob, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import {
  Apps,
  appEnv,
  checkServers,
  dropDatabase,
  dropNamespace,
  freePort,
  JWT_SECRET,
  loadServers,
  requireBuild,
  resetSuite,
} from './lib/suite.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
const SUPPLIERS = 2_000;
const MATERIALS = 50_000;
const DATABASE = 'torque_bench_ingestion';
const NAMESPACE = 'benchingest';
const TENANT = 'bench';
const cores = availableParallelism();
const HEADER = [
  'PO Number',
  'Supplier Code',
  'Supplier Name',
  'Material',
  'Material Description',
  'Qty',
  'Unit Price',
  'Currency',
  'Order Date',
];

requireBuild('bench:ingestion');
const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');

const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
// The ingestion service is started afresh for each file, so its log is appended to.
const apps = new Apps({ appendLogs: true });
// BENCH_SERVICE_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=bench/.out") go to the ingestion service, for profiling.
const SERVICE_NODE_ARGS = process.env.BENCH_SERVICE_NODE_ARGS ? process.env.BENCH_SERVICE_NODE_ARGS.split(' ') : [];

/** Row i of the procurement file: deterministic, 10 lines per PO, each PO from one supplier; `p` prefixes the keys. */
function row(i, p = '') {
  const po = Math.floor(i / 10);
  const s = po % SUPPLIERS;
  const m = (i * 7919) % MATERIALS;
  const day = 1 + (po % 28);
  const month = 1 + (po % 12);
  return [
    `${p}PO-${String(po).padStart(7, '0')}`,
    `${p}SUP-${String(s).padStart(5, '0')}`,
    `Supplier ${p}${s} Automotive GmbH`,
    `${p}MAT-${String(m).padStart(6, '0')}`,
    `Brake rotor, type ${m % 97}`,
    String(1 + (i % 50)),
    (10 + (m % 500) + (i % 7) / 100).toFixed(2),
    'EUR',
    `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  ];
}

async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  out.write(`${HEADER.join(',')}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const r = row(i);
    r[4] = `"${r[4]}"`;
    buf += `${r.join(',')}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

async function writeXlsx(file, rows) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet('PO lines');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    // Keys of their own, so the .xlsx import creates as much as the CSV one did.
    const r = row(i, 'X');
    sheet.addRow([r[0], r[1], r[2], r[3], r[4], Number(r[5]), Number(r[6]), r[7], r[8]]).commit();
  }
  sheet.commit();
  await book.commit();
}

/** CPU seconds of the whole machine so far (/proc/stat, all cores): busy (user, system, interrupts), idle (with I/O wait), stolen. */
function machineCpu() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks;
  return { busy: (user + nice + system + irq + softirq) / 100, idle: (idle + iowait) / 100, steal: steal / 100 };
}

/** CPU seconds a process has used so far (user + system, /proc/<pid>/stat). */
function processCpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/**
 * The least PostgreSQL work that importing the CSV's rows takes in this schema, whatever the code around it:
 * one transaction, as the database owner, COPYs rows already resolved to ids (generated here, no file parsed,
 * nothing validated, no staging, no joins, no conflicts or quality checks) into suppliers, products and
 * purchase orders (their indexes and triggers as they are), and the lines into a block table attached with
 * `attach_lines_block` as a large import does; line ids are taken from the sequence as one range. Keys have
 * their own prefix (tenant `floor`), so nothing collides with the import measured before.
 */
async function databaseFloor(benchUrl) {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const steps = [];
  let t = Date.now();
  const started = t;
  const mark = (name) => {
    steps.push([name, (Date.now() - t) / 1000]);
    t = Date.now();
  };
  const copy = (statement, lines) => pipeline(Readable.from(lines()), client.query(copyStreams.from(statement)));
  /** Yields COPY text in pieces of about 64 KB. */
  const pieces = (count, line) =>
    function* () {
      let buf = '';
      for (let i = 0; i < count; i++) {
        buf += line(i);
        if (buf.length > 1 << 16) {
          yield buf;
          buf = '';
        }
      }
      yield buf;
    };
  const P = 'F';
  const tenant = 'floor';
  const orders = Math.ceil(ROWS / 10);
  const usedMaterials = new Uint8Array(MATERIALS);
  for (let i = 0; i < ROWS; i++) usedMaterials[(i * 7919) % MATERIALS] = 1;
  const materials = [...usedMaterials.keys()].filter((m) => usedMaterials[m]);
  try {
    await client.query('BEGIN');
    await copy(
      'COPY ingestion.suppliers (tenant_id, code, name) FROM STDIN',
      pieces(
        Math.min(SUPPLIERS, orders),
        (s) => `${tenant}\t${P}SUP-${String(s).padStart(5, '0')}\tSupplier ${P}${s} Automotive GmbH\n`,
      ),
    );
    const supplierIds = new Map(
      (await client.query(`SELECT id, code FROM ingestion.suppliers WHERE tenant_id = $1`, [tenant])).rows.map((r) => [
        r.code,
        r.id,
      ]),
    );
    mark('suppliers');
    await copy(
      'COPY ingestion.products (tenant_id, part_number, name, description) FROM STDIN',
      pieces(materials.length, (k) => {
        const m = materials[k];
        return `${tenant}\t${P}MAT-${String(m).padStart(6, '0')}\tBrake rotor, type ${m % 97}\tBrake rotor, type ${m % 97}\n`;
      }),
    );
    const productIds = new Map(
      (await client.query(`SELECT id, part_number FROM ingestion.products WHERE tenant_id = $1`, [tenant])).rows.map(
        (r) => [r.part_number, r.id],
      ),
    );
    mark('materials');
    const block = BigInt((await client.query(`SELECT ingestion.open_lines_block() AS block`)).rows[0].block);
    const firstOrder = block * 2n ** 32n + 1n;
    await copy(
      'COPY ingestion.purchase_orders (id, tenant_id, po_number, supplier_id, order_date, currency) FROM STDIN',
      pieces(orders, (po) => {
        const r = row(po * 10, P);
        return `${firstOrder + BigInt(po)}\t${tenant}\t${r[0]}\t${supplierIds.get(r[1])}\t${r[8]}\t${r[7]}\n`;
      }),
    );
    mark('purchase orders');
    const { rows: seq } = await client.query(
      `SELECT pg_get_serial_sequence('ingestion.purchase_order_lines', 'id') AS name`,
    );
    const firstLine = BigInt((await client.query(`SELECT nextval($1::regclass) AS id`, [seq[0].name])).rows[0].id);
    await client.query(`SELECT setval($1::regclass, $2)`, [seq[0].name, String(firstLine + BigInt(ROWS) - 1n)]);
    await copy(
      `COPY ingestion.purchase_order_lines_b${block} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency) FROM STDIN`,
      pieces(ROWS, (i) => {
        const r = row(i, P);
        return `${firstLine + BigInt(i)}\t${tenant}\t${firstOrder + BigInt(Math.floor(i / 10))}\t${(i % 10) + 1}\t${productIds.get(r[3])}\t${r[5]}\t${r[6]}\t${r[7]}\n`;
      }),
    );
    mark('lines (COPY into the block table)');
    await client.query(`SELECT ingestion.attach_lines_block($1)`, [String(block)]);
    mark('lines (checks, indexes, attach)');
    await client.query('COMMIT');
    mark('commit');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return { seconds: (Date.now() - started) / 1000, steps };
}

async function main() {
  await checkServers('bench:ingestion', servers, adminUrl);
  const dir = await mkdtemp(path.join(tmpdir(), 'torque-bench-ingestion-'));
  const csv = path.join(dir, 'procurement-1m.csv');
  const xlsx = path.join(dir, 'procurement-100k.xlsx');
  let t = Date.now();
  await writeCsv(csv, ROWS);
  await writeXlsx(xlsx, XLSX_ROWS);
  const csvBytes = (await stat(csv)).size;
  const xlsxBytes = (await stat(xlsx)).size;
  console.log(
    `generated ${ROWS.toLocaleString('en')} CSV rows (${(csvBytes / 1e6).toFixed(1)} MB) and ${XLSX_ROWS.toLocaleString('en')} .xlsx rows (${(xlsxBytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv({
    benchUrl,
    namespace: NAMESPACE,
    port,
    extra: { STORAGE_DIR: path.join(dir, 'storage'), RPC_TIMEOUT_MS: '30000' },
  });
  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: [TENANT], roles: ['admin'] });
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': TENANT };
  apps.start('gateway', env);
  await apps.until('the gateway', async () => (await fetch(`${base}/health/live`)).ok, 60_000, 100);

  const results = [];
  const importFile = async (label, file, name, rows, mode = 'insert') => {
    const service = apps.start('ingestion', env, SERVICE_NODE_ARGS);
    await apps.until(
      'the ingestion service',
      async () => (await fetch(`${base}/api/v1/ingestion/uploads?limit=1`, { headers })).ok,
      60_000,
      100,
    );
    const bootPeak = peakRssMb(service.pid);
    const started = Date.now();
    const cpuBefore = machineCpu();
    const serviceCpuBefore = processCpu(service.pid);
    const form = new FormData();
    form.append('kind', 'procurement');
    // A file imported again is the same content: force=true, or the upload is refused as a duplicate.
    if (results.some((r) => r.file === file)) form.append('force', 'true');
    form.append('file', await openAsBlob(file), name);
    const res = await fetch(`${base}/api/v1/ingestion/uploads`, { method: 'POST', headers, body: form });
    if (res.status !== 201) throw new Error(`upload of ${name} answered ${res.status}: ${await res.text()}`);
    const upload = await res.json();
    const uploaded = Date.now();
    const proc = await fetch(`${base}/api/v1/ingestion/uploads/${upload.id}/process`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ mode }),
    });
    if (proc.status !== 202) throw new Error(`process answered ${proc.status}: ${await proc.text()}`);
    const { job } = await proc.json();
    let lastPhase = '';
    const phases = [];
    const done = await apps.until(
      `the import of ${name}`,
      async () => {
        const p = await (await fetch(`${base}/data-ingestion/progress/${job.id}/`, { headers })).json();
        const phase = p.status.replace(/ \(step.*$/, '');
        if (phase !== lastPhase) {
          phases.push([phase, Date.now()]);
          lastPhase = phase;
        }
        return p.state === 'SUCCESS' || p.state === 'FAILURE' || p.state === 'REVOKED' ? p : null;
      },
      30 * 60_000,
      100,
    );
    const finished = Date.now();
    const cpuAfter = machineCpu();
    const serviceCpu = processCpu(service.pid) - serviceCpuBefore;
    if (done.state !== 'SUCCESS') throw new Error(`the import of ${name} ended ${done.state}: ${done.error}`);
    const peak = peakRssMb(service.pid);
    await apps.stop('ingestion');
    const seconds = (finished - started) / 1000;
    results.push({
      label,
      file,
      rows,
      seconds,
      bootPeakMb: bootPeak,
      uploadSeconds: (uploaded - started) / 1000,
      rowsPerSecond: rows / seconds,
      peakRssMb: peak,
      result: done.result,
    });
    console.log(
      `\n${label}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s end to end = ${Math.round(rows / seconds).toLocaleString('en')} rows/s; peak RSS of the ingestion service ${peak.toFixed(0)} MiB (${bootPeak.toFixed(0)} MiB after boot, before the upload)`,
    );
    const cpu = (k) => cpuAfter[k] - cpuBefore[k];
    console.log(
      `  CPU while it ran (all processes, ${cores} cores): ${cpu('busy').toFixed(1)} s busy, ${cpu('idle').toFixed(1)} s idle, ${cpu('steal').toFixed(1)} s stolen; ` +
        `the ingestion service ${serviceCpu.toFixed(1)} s`,
    );
    console.log(`  upload (stream to storage, hash, register) ${((uploaded - started) / 1000).toFixed(1)} s`);
    for (let i = 0; i < phases.length; i++) {
      const end = i + 1 < phases.length ? phases[i + 1][1] : finished;
      console.log(`  ${phases[i][0].padEnd(68)} ${((end - phases[i][1]) / 1000).toFixed(1)} s`);
    }
    const r = done.result;
    console.log(
      `  result: processed ${r.processed}, suppliers ${r.created_suppliers}, materials ${r.created_materials}, POs ${r.created_pos}, lines ${r.created_lines}, prices ${r.created_prices}, lines updated ${r.updated_lines}, unchanged ${r.unchanged_lines}`,
    );
  };

  try {
    await importFile('CSV', csv, 'procurement-1m.csv', ROWS);
    if (process.env.BENCH_REIMPORT) {
      // Every order exists now: each row finds its line (upsert: updated where it differs; insert: left as it is).
      await importFile('CSV imported again, upsert', csv, 'procurement-1m.csv', ROWS, 'upsert');
      await importFile('CSV imported again, insert', csv, 'procurement-1m.csv', ROWS, 'insert');
    }

    // The same file through PostgreSQL's own COPY (CSV parser in the server) into one plain table.
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    await client.query(
      `CREATE TABLE bench_copy (po text, supplier_code text, supplier_name text, material text, description text, qty text, price text, currency text, order_date text)`,
    );
    t = Date.now();
    await pipeline(
      createReadStream(csv, { highWaterMark: 1 << 20 }),
      client.query(copyStreams.from(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const copySeconds = (Date.now() - t) / 1000;
    await client.end();
    const copyRate = ROWS / copySeconds;
    console.log(
      `\nplain COPY of the same CSV into one table: ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString('en')} rows/s`,
    );
    console.log(`import end to end / plain COPY: ${(results[0].rowsPerSecond / copyRate).toFixed(3)}`);

    const floor = await databaseFloor(benchUrl);
    const withUpload = floor.seconds + results[0].uploadSeconds;
    console.log(
      `\nleast PostgreSQL work for the same rows in this schema (resolved rows COPYed, one transaction): ${floor.seconds.toFixed(1)} s`,
    );
    for (const [name, seconds] of floor.steps) console.log(`  ${name.padEnd(68)} ${seconds.toFixed(1)} s`);
    console.log(
      `  with this run's upload (${results[0].uploadSeconds.toFixed(1)} s) before it: ${withUpload.toFixed(1)} s = ${Math.round(ROWS / withUpload).toLocaleString('en')} rows/s at most, for an import that only writes`,
    );

    await importFile('XLSX', xlsx, 'procurement-100k.xlsx', XLSX_ROWS);
  } finally {
    for (const name of apps.names()) await apps.stop(name);
    await dropDatabase(adminUrl, DATABASE).catch(() => undefined);
    await dropNamespace(servers, NAMESPACE).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  console.log('\ntargets: >= 200,000 rows/s end to end, peak RSS < 256 MiB');
}

await main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
process.exit(process.exitCode ?? 0);
