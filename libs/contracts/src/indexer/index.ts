export * from './search.dto.js';
export * from './index-admin.dto.js';
export * from './indexer.patterns.js';
export * from './indexer.jobs.js';
export * from './assistant.dto.js';
export * from './projects.dto.js';
export * from './metadata.dto.js';
