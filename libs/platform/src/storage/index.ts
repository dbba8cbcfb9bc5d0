export * from './file-storage.js';
export * from './hashing.js';
export * from './local-dir.storage.js';
export * from './s3.storage.js';
export * from './storage.factory.js';
