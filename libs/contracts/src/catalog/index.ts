export * from './catalog.patterns.js';
export * from './catalog.validators.js';
export * from './catalog.commands.js';
export * from './product.dto.js';
export * from './supplier.dto.js';
export * from './purchase-order.dto.js';
export * from './price.dto.js';
