import { nextRefreshDelay, OVERVIEW_REFRESH_POLICY } from './refresh-backoff';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('nextRefreshDelay', () => {
    it('waits 30 s while healthy', () => {
        expect(nextRefreshDelay(0)).toBe(30 * SECOND);
    });

    it('backs off 5 s, 10 s, 20 s, 40 s ... after consecutive failures', () => {
        expect([1, 2, 3, 4, 5, 6].map(failures => nextRefreshDelay(failures))).toEqual(
            [5 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND, 80 * SECOND, 160 * SECOND]);
    });

    it('caps at 5 minutes, also after very many failures', () => {
        expect(nextRefreshDelay(7)).toBe(5 * MINUTE);
        expect(nextRefreshDelay(10_000)).toBe(OVERVIEW_REFRESH_POLICY.maxRetryMs);
    });

    it('follows a custom policy', () => {
        expect(nextRefreshDelay(3, { healthyIntervalMs: 1, firstRetryMs: 100, maxRetryMs: 350 })).toBe(350);
        expect(nextRefreshDelay(2, { healthyIntervalMs: 1, firstRetryMs: 100, maxRetryMs: 350 })).toBe(200);
    });
});
