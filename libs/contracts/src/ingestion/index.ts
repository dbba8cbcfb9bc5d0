export * from './import-fields.js';
export * from './mapping.dto.js';
export * from './upload.dto.js';
export * from './import-run.dto.js';
export * from './conflict.dto.js';
export * from './ingestion.patterns.js';
export * from './ingestion.jobs.js';
