#!/usr/bin/env node
// `npm run bench:csv` (run `npm run build` first): the platform's hand-written streaming CSV reader against
// csv-parse's streaming API, on the same procurement CSV.
// 1. Generates a deterministic procurement CSV (BENCH_ROWS rows, default 1,000,000; CRLF line ends as Excel
//    writes them; quoted supplier names and descriptions with commas, doubled quotes and line breaks, notes that
//    are often empty and sometimes span lines) into a temporary directory.
// 2. Reads it in a child process per parser, from a file stream of 64 KiB chunks: the reader as the imports
//    use it (csvRows from dist/, every row taken), and csv-parse with options that read the same rows
//    (delimiter ',', CRLF or LF records, BOM, ragged rows, empty lines skipped; no line numbers, which the
//    reader counts as well). BENCH_RUNS (default 3) timed passes each; the fastest and the median pass are
//    reported, with the peak RSS of the process (getrusage) and its RSS before the first pass.
// 3. Reads the file once more per parser, untimed, hashing every row, and exits 1 when the two disagree
//    (row count or content), naming the first block of rows that differs.
// Prints rows/s, MB/s, peak RSS and the ratio, by wall time and by the process's CPU time (which other work on
// the machine skews less), and the machine's load average.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHUNK_BYTES = 64 * 1024;
/** Rows per block of the content check: a difference is reported as the first block that differs. */
const BLOCK_ROWS = 50_000;
const PARSERS = ['CsvReader', 'csv-parse'];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READER_MODULE = `${ROOT}dist/libs/platform/src/tabular/csv-rows.js`;

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
  'Notes',
];
const NOTES = [
  '',
  '',
  '',
  'Deliver to gate 3',
  '"Partial delivery, rest in week 12"',
  '"Call before delivery:\nMon-Fri 8-16"',
  '"Supplier says ""urgent"", confirm by mail"',
];

/** A CSV field quoted as Excel quotes it (only when it must be). */
function quoted(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Line i of the procurement file: 10 lines per PO, each PO from one supplier. */
function line(i) {
  const po = Math.floor(i / 10);
  const s = po % 2000;
  const m = (i * 7919) % 50_000;
  const description =
    m % 5 === 0 ? `Brake rotor ${m % 97}", vented,\nfront axle` : `Brake rotor, type ${m % 97}, ${280 + (m % 60)} mm`;
  return [
    `PO-${String(po).padStart(7, '0')}`,
    `SUP-${String(s).padStart(5, '0')}`,
    quoted(s % 3 === 0 ? `Supplier ${s} Automotive GmbH & Co. KG` : `Supplier ${s}, Automotive Parts Inc.`),
    `MAT-${String(m).padStart(6, '0')}`,
    quoted(description),
    String(1 + (i % 50)),
    (10 + (m % 500) + (i % 7) / 100).toFixed(2),
    'EUR',
    `2024-${String(1 + (po % 12)).padStart(2, '0')}-${String(1 + (po % 28)).padStart(2, '0')}`,
    NOTES[i % NOTES.length],
  ].join(',');
}

async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  let buf = `\ufeff${HEADER.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    buf += `${line(i)}\r\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** The rows of the file as one parser reads them, each row's fields as an array (in the child). */
async function* rowsOf(parser, file) {
  const source = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  if (parser === 'CsvReader') {
    const { csvRows } = await import(READER_MODULE);
    for await (const batch of csvRows(source)) for (const row of batch) yield row.fields;
  } else {
    const { parse } = await import('csv-parse');
    const parser = parse({
      delimiter: ',',
      record_delimiter: ['\r\n', '\n'],
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    try {
      yield* source.pipe(parser);
    } finally {
      source.destroy();
    }
  }
}

/** In the child: the timed passes, then the hashed one; reports to the parent. */
async function measure(parser, file) {
  // Load the parser before the baseline, so the baseline is the process with its code.
  const warmUp = rowsOf(parser, file);
  await warmUp.next();
  await warmUp.return();
  const baselineRss = process.memoryUsage().rss;
  const runs = [];
  let rows = 0;
  let fields = 0;
  for (let run = 0; run < RUNS; run++) {
    rows = 0;
    fields = 0;
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    for await (const row of rowsOf(parser, file)) {
      rows++;
      fields += row.length;
    }
    const cpu = process.cpuUsage(cpuBefore);
    runs.push({ wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const all = createHash('sha256');
  const blocks = [];
  let block = createHash('sha256');
  let n = 0;
  for await (const row of rowsOf(parser, file)) {
    const text = `${row.join('\x1f')}\x1e`;
    all.update(text);
    block.update(text);
    if (++n % BLOCK_ROWS === 0) {
      blocks.push(block.digest('hex'));
      block = createHash('sha256');
    }
  }
  if (n % BLOCK_ROWS) blocks.push(block.digest('hex'));
  process.send({ runs, rows, fields, baselineRss, peakRss, digest: all.digest('hex'), blocks });
}

/** Runs one parser in a child process of its own (its peak RSS is that parser's alone). */
function runChild(parser, file) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['measure', parser, file], { stdio: 'inherit' });
    let result = null;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`${parser}: the child exited with ${code}`)),
    );
  });
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes) => bytes / (1024 * 1024);

/** Prints a Markdown table, numbers right-aligned (every column but the first and the runs). */
function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const left = (i) => i === 0 || i === 5;
  const cell = (text, i) => (left(i) ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  console.log(`| ${head.map(cell).join(' | ')} |`);
  console.log(`| ${widths.map((w, i) => (left(i) ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.map(cell).join(' | ')} |`);
}

async function main() {
  if (!existsSync(READER_MODULE)) {
    console.error('bench:csv runs the build output: run `npm run build` first.');
    process.exit(1);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'torque-bench-csv-'));
  try {
    const file = path.join(dir, 'procurement.csv');
    await writeCsv(file, ROWS);
    const { size } = await stat(file);
    const load = loadavg().map((l) => l.toFixed(2));
    console.log(
      `bench:csv: ${fmt(ROWS)} rows + header, ${fmt(size / 1e6, 1)} MB, ${RUNS} timed passes per parser (rows/s and MB/s of the fastest), ` +
        `${CHUNK_BYTES / 1024} KiB chunks; load average ${load.join(' ')} at the start`,
    );
    const results = {};
    for (const parser of PARSERS) results[parser] = await runChild(parser, file);
    const best = (r, key) => Math.min(...r.runs.map((run) => run[key]));
    const median = (r, key) => {
      const sorted = r.runs.map((run) => run[key]).sort((a, b) => a - b);
      return sorted[(sorted.length - 1) >> 1];
    };
    console.log('');
    printTable(
      ['parser', 'rows/s', 'MB/s', 'median rows/s', 'rows per CPU s', 'runs s (CPU s)', 'peak RSS MiB (before)'],
      PARSERS.map((parser) => {
        const r = results[parser];
        return [
          parser,
          fmt(r.rows / best(r, 'wall')),
          fmt(size / 1e6 / best(r, 'wall'), 1),
          fmt(r.rows / median(r, 'wall')),
          fmt(r.rows / best(r, 'cpu')),
          r.runs.map((run) => `${run.wall.toFixed(2)} (${run.cpu.toFixed(2)})`).join(', '),
          `${fmt(mib(r.peakRss))} (${fmt(mib(r.baselineRss))})`,
        ];
      }),
    );
    const [mine, theirs] = PARSERS.map((p) => results[p]);
    const ratio = (of, key) => (of(theirs, key) / of(mine, key)).toFixed(1);
    console.log('');
    console.log(
      `CsvReader reads ${ratio(best, 'wall')}x the rows/s of csv-parse (median pass ${ratio(median, 'wall')}x, ` +
        `per CPU second ${ratio(best, 'cpu')}x).`,
    );
    console.log(
      `Load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (mine.rows !== theirs.rows || mine.fields !== theirs.fields || mine.digest !== theirs.digest) {
      const at = mine.blocks.findIndex((b, i) => b !== theirs.blocks[i]);
      console.error(
        `The parsers disagree: CsvReader read ${fmt(mine.rows)} rows (${fmt(mine.fields)} fields), csv-parse ` +
          `${fmt(theirs.rows)} (${fmt(theirs.fields)})` +
          (at >= 0
            ? `; the first difference is in rows ${fmt(at * BLOCK_ROWS + 1)}-${fmt((at + 1) * BLOCK_ROWS)}`
            : ''),
      );
      process.exitCode = 1;
      return;
    }
    console.log(
      `Both read the same ${fmt(mine.rows)} rows (${fmt(mine.fields)} fields; sha256 ${mine.digest.slice(0, 16)}).`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'measure') await measure(process.argv[3], process.argv[4]);
else await main();
