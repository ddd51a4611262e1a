/**
 * When dashboard data counts as stale. Data is refreshed every `intervalMs` while healthy; one late or failed
 * refresh is normal on a poor link, so data becomes stale only once it is older than two intervals.
 */

/** How many refresh intervals may pass before data is stale. */
export const STALE_AFTER_INTERVALS = 2;

/**
 * Whether data last refreshed successfully at `lastSuccessMs` is stale at `nowMs`. Data never fetched
 * (`lastSuccessMs === null`) is not stale: there is nothing to mark.
 */
export function isStale(lastSuccessMs: number | null, nowMs: number, intervalMs: number): boolean {
    if (lastSuccessMs === null) {
        return false;
    }
    return nowMs - lastSuccessMs > STALE_AFTER_INTERVALS * intervalMs;
}
