// When to try a failed delivery again. Exponential backoff with full jitter (delay drawn uniformly from
// [0, min(cap, base * 2^(attempt-1))]) spreads retries of many gateway processes apart; after maxAttempts
// the transmission goes to dead-letter, where an admin sees it. A failure whose outcome is unknown is never
// retried automatically: it goes to in-doubt. Pure: the random source and the clock are injected.

export interface RetryPolicyOptions {
  /** Delay scale of the first retry, in ms. */
  baseDelayMs: number;
  /** Upper bound of any single delay, in ms. */
  maxDelayMs: number;
  /** Attempts in total, the first one included; the failure of the last one dead-letters. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicyOptions = {
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 8,
};

/** The parts of a failure the policy looks at (an SftpError has them). */
export interface FailureKind {
  code: string;
  retryable: boolean;
  outcomeUnknown: boolean;
}

export type RetryDecision =
  | { action: 'retry'; attempt: number; delayMs: number; notBefore: Date }
  | { action: 'dead-letter'; reason: 'not-retryable' | 'attempts-exhausted'; code: string; attempts: number }
  | { action: 'in-doubt'; code: string; attempts: number };

export interface RetryPolicyDependencies {
  /** Uniform in [0, 1). */
  random: () => number;
  now: () => Date;
}

export function validateRetryPolicy(options: RetryPolicyOptions): void {
  const { baseDelayMs, maxDelayMs, maxAttempts } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError('maxAttempts must be an integer >= 1');
  if (!(baseDelayMs >= 0) || !(maxDelayMs >= baseDelayMs)) {
    throw new RangeError('delays must satisfy 0 <= baseDelayMs <= maxDelayMs');
  }
}

/** The ceiling of the jitter window after `failedAttempts` failures (1 = after the first attempt). */
export function backoffCeilingMs(options: RetryPolicyOptions, failedAttempts: number): number {
  // 2^(n-1) overflows to Infinity for large n; min() keeps it at the cap.
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}

export class RetryPolicy {
  constructor(
    private readonly options: RetryPolicyOptions,
    private readonly dependencies: RetryPolicyDependencies,
  ) {
    validateRetryPolicy(options);
  }

  /**
   * Decides what follows a failure of attempt number `failedAttempts` (1-based: the count of attempts made,
   * this one included).
   */
  decide(failedAttempts: number, failure: FailureKind): RetryDecision {
    if (failure.outcomeUnknown) {
      return { action: 'in-doubt', code: failure.code, attempts: failedAttempts };
    }
    if (!failure.retryable) {
      return { action: 'dead-letter', reason: 'not-retryable', code: failure.code, attempts: failedAttempts };
    }
    if (failedAttempts >= this.options.maxAttempts) {
      return {
        action: 'dead-letter',
        reason: 'attempts-exhausted',
        code: failure.code,
        attempts: failedAttempts,
      };
    }
    const ceiling = backoffCeilingMs(this.options, failedAttempts);
    const draw = Math.min(Math.max(this.dependencies.random(), 0), 1);
    const delayMs = Math.floor(draw * ceiling);
    return {
      action: 'retry',
      attempt: failedAttempts + 1,
      delayMs,
      notBefore: new Date(this.dependencies.now().getTime() + delayMs),
    };
  }
}
