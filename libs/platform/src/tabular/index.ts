export * from './cell-text.js';
export * from './csv-reader.js';
export * from './csv-rows.js';
export * from './row-batches.js';
export * from './table-rows.js';
export * from './unreadable-file.error.js';
export * from './xlsx-rows.js';
