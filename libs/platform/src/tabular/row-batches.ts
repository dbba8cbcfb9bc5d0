import type { CsvRow } from './csv-reader.js';

/** Formats of the tabular files the services read. */
export type TabularFormat = 'csv' | 'xlsx';

/**
 * Rows of a file in batches, the header row first as a batch of its own (so its columns can be mapped
 * before any data row is read). Iterate each batch to its end before asking for the next one: a CSV
 * batch is parsed as it is iterated.
 */
export type RowBatches = AsyncGenerator<Iterable<CsvRow>, void, undefined>;
