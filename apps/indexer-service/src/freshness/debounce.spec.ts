import { batchDelayMs, type DebounceSettings } from './debounce.js';

const settings: DebounceSettings = { quietDelayMs: 100, debounceMs: 30_000, maxWaitMs: 20_000, burstMinChanges: 100 };
const now = new Date('2026-01-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('batchDelayMs', () => {
  it('starts the first batch of a tenant after the quiet delay', () => {
    expect(batchDelayMs(now, null, settings)).toBe(100);
  });

  it('stays quiet after a small batch, however recent', () => {
    expect(batchDelayMs(now, { startedAt: ago(50), changes: 99 }, settings)).toBe(100);
  });

  it('waits out the debounce window after a large batch, capped by the maximum wait', () => {
    expect(batchDelayMs(now, { startedAt: ago(25_000), changes: 5000 }, settings)).toBe(5000);
    expect(batchDelayMs(now, { startedAt: ago(1000), changes: 5000 }, settings)).toBe(20_000);
  });

  it('is quiet again once the window has passed', () => {
    expect(batchDelayMs(now, { startedAt: ago(30_000), changes: 5000 }, settings)).toBe(100);
  });

  it('never waits less than the quiet delay, nor trusts a start in the future', () => {
    expect(batchDelayMs(now, { startedAt: ago(29_990), changes: 5000 }, settings)).toBe(100);
    expect(batchDelayMs(now, { startedAt: ago(-5000), changes: 5000 }, settings)).toBe(100);
  });

  it('with a zero window never debounces', () => {
    expect(batchDelayMs(now, { startedAt: ago(10), changes: 5000 }, { ...settings, debounceMs: 0 })).toBe(100);
  });
});
