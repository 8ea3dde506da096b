import fc from 'fast-check';
import { backoffCeilingMs, RetryPolicy, RetryPolicyOptions } from './retry-policy';

const options: RetryPolicyOptions = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5 };
const now = new Date('2026-11-28T12:00:00.000Z');
const transient = { code: 'CONNECTION_LOST', retryable: true, outcomeUnknown: false };

function policy(random: () => number, policyOptions = options): RetryPolicy {
  return new RetryPolicy(policyOptions, { random, now: () => now });
}

describe('RetryPolicy', () => {
  it('doubles the jitter ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeilingMs(options, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(backoffCeilingMs(options, 5_000)).toBe(60_000);
  });

  it('full jitter: the delay is random() times the ceiling, and notBefore is now plus the delay', () => {
    const decision = policy(() => 0.5).decide(3, transient);
    expect(decision).toEqual({
      action: 'retry',
      attempt: 4,
      delayMs: 2_000,
      notBefore: new Date('2026-11-28T12:00:02.000Z'),
    });
    expect(policy(() => 0).decide(1, transient)).toMatchObject({ delayMs: 0 });
    expect(policy(() => 0.999999).decide(1, transient)).toMatchObject({ delayMs: 999 });
  });

  it('dead-letters after maxAttempts attempts', () => {
    const retry = policy(() => 0.3);
    expect(retry.decide(4, transient).action).toBe('retry');
    expect(retry.decide(5, transient)).toEqual({
      action: 'dead-letter',
      reason: 'attempts-exhausted',
      code: 'CONNECTION_LOST',
      attempts: 5,
    });
  });

  it('dead-letters a non-retryable failure at once', () => {
    expect(
      policy(() => 0.3).decide(1, { code: 'AUTH_FAILED', retryable: false, outcomeUnknown: false }),
    ).toEqual({
      action: 'dead-letter',
      reason: 'not-retryable',
      code: 'AUTH_FAILED',
      attempts: 1,
    });
  });

  it('never retries a failure whose outcome is unknown: in-doubt, even when retryable', () => {
    expect(policy(() => 0.3).decide(1, { code: 'TIMEOUT', retryable: true, outcomeUnknown: true })).toEqual({
      action: 'in-doubt',
      code: 'TIMEOUT',
      attempts: 1,
    });
  });

  it('maxAttempts = 1 means no retry', () => {
    expect(policy(() => 0.3, { ...options, maxAttempts: 1 }).decide(1, transient).action).toBe('dead-letter');
  });

  it('rejects nonsensical options', () => {
    expect(() => policy(() => 0, { ...options, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => policy(() => 0, { ...options, maxDelayMs: 10 })).toThrow(RangeError);
    expect(() => policy(() => 0, { ...options, baseDelayMs: -1 })).toThrow(RangeError);
  });

  it('property: every delay lies in [0, ceiling] and the attempt count increases by one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (draw, failed) => {
          const decision = policy(() => draw).decide(failed, transient);
          if (decision.action !== 'retry') return false;
          return (
            decision.delayMs >= 0 &&
            decision.delayMs <= backoffCeilingMs(options, failed) &&
            decision.attempt === failed + 1 &&
            decision.notBefore.getTime() === now.getTime() + decision.delayMs
          );
        },
      ),
    );
  });

  it('clamps a misbehaving random source into the window', () => {
    expect(policy(() => 7).decide(1, transient)).toMatchObject({ delayMs: 1_000 });
    expect(policy(() => -1).decide(1, transient)).toMatchObject({ delayMs: 0 });
  });
});
