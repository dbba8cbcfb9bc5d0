export * from './media-task.rules.js';
export * from './media-task.dto.js';
export * from './media.patterns.js';
export * from './media.jobs.js';
export * from './image-format.js';
