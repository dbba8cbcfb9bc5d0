export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failures: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * A circuit breaker of one provider, per process: closed, it lets every call through and counts consecutive
 * failures; at `failures` it opens and refuses calls for `cooldownMs`; then it is half open and lets a single trial
 * call through (others are refused while it runs): its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openUntil = 0;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly opts: CircuitBreakerOptions) {
    this.now = opts.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Milliseconds until an open circuit lets a trial call through (0 when not open). */
  get retryInMs(): number {
    return this.current === 'open' ? Math.max(0, this.openUntil - this.now()) : 0;
  }

  /** Whether a call may go through now; a true answer must be followed by success, failure or release. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() < this.openUntil) return false;
      this.current = 'half_open';
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.current = 'closed';
    this.consecutiveFailures = 0;
    this.trialInFlight = false;
  }

  /** Records a failed call; returns true when it opened the circuit. */
  failure(): boolean {
    this.consecutiveFailures++;
    const opens =
      this.current === 'half_open' || (this.current === 'closed' && this.consecutiveFailures >= this.opts.failures);
    this.trialInFlight = false;
    if (opens) {
      this.current = 'open';
      this.openUntil = this.now() + this.opts.cooldownMs;
    }
    return opens;
  }

  /** A call that ended neither way (the caller cancelled it): a trial slot is given back. */
  release(): void {
    this.trialInFlight = false;
  }
}
