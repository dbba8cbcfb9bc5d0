export * from './fitment-fields.js';
export * from './ai-fitment-job.dto.js';
export * from './fitment.dto.js';
export * from './fitment-export.dto.js';
export * from './vehicle.dto.js';
export * from './fitment.commands.js';
export * from './fitment.patterns.js';
export * from './fitment.jobs.js';
