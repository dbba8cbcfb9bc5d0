import { describe, expect, it } from '@jest/globals';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  const make = () => {
    const clock = { now: 0 };
    return { clock, breaker: new CircuitBreaker({ failures: 3, cooldownMs: 1000, now: () => clock.now }) };
  };

  it('opens after the consecutive failures, a success in between starting the count again', () => {
    const { breaker } = make();
    breaker.failure();
    breaker.failure();
    breaker.success();
    expect(breaker.failure()).toBe(false);
    expect(breaker.failure()).toBe(false);
    expect(breaker.failure()).toBe(true);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets a single trial through after the cooldown; its failure opens it again, its success closes it', () => {
    const { breaker, clock } = make();
    for (let i = 0; i < 3; i++) breaker.failure();
    clock.now = 999;
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryInMs).toBe(1);
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(false); // the trial is running
    expect(breaker.failure()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('gives the trial back when the call was cancelled', () => {
    const { breaker, clock } = make();
    for (let i = 0; i < 3; i++) breaker.failure();
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
