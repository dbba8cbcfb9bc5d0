/** Injection tokens of the platform module. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const SERVICE_ENV = Symbol('SERVICE_ENV');
export const REDIS = Symbol('REDIS');
export const EVENT_BUS = Symbol('EVENT_BUS');
