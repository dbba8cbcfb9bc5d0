/** Thrown inside a job when its cancel signal fired; the runner records `cancelled`, Bull does not retry. */
export class JobCancelledError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} was cancelled`);
    this.name = 'JobCancelledError';
  }
}

/** A failure that retrying cannot fix (bad input, missing data); recorded as `failed` at once. */
export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
