/**
 * The overview's refresh schedule: every 30 s while refreshes succeed; after a failure, retry soon and back off
 * exponentially (5 s, 10 s, 20 s, ...) up to 5 minutes, so an offline host is not polled hard but a blip heals
 * fast. The first success resets the schedule.
 */

/** The schedule's parameters. */
export interface RefreshBackoffPolicy {
    /** Delay after a success. */
    healthyIntervalMs: number;
    /** Delay after the first failure; doubles with each further consecutive failure. */
    firstRetryMs: number;
    /** Longest delay. */
    maxRetryMs: number;
}

/** The overview's schedule. */
export const OVERVIEW_REFRESH_POLICY: RefreshBackoffPolicy = {
    healthyIntervalMs: 30_000,
    firstRetryMs: 5_000,
    maxRetryMs: 5 * 60_000
};

/** The delay before the next refresh after `consecutiveFailures` failures in a row (0 after a success). */
export function nextRefreshDelay(consecutiveFailures: number, policy: RefreshBackoffPolicy = OVERVIEW_REFRESH_POLICY): number {
    if (consecutiveFailures <= 0) {
        return policy.healthyIntervalMs;
    }
    // Cap the exponent too: 2 ** 1100 is Infinity and would still be capped, but keep the arithmetic finite.
    const exponent = Math.min(consecutiveFailures - 1, 30);
    return Math.min(policy.firstRetryMs * 2 ** exponent, policy.maxRetryMs);
}
