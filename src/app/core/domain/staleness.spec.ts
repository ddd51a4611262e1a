import { isStale } from './staleness';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

describe('isStale', () => {
    const interval = 30 * SECOND;

    it('is not stale up to and including two intervals, stale after', () => {
        expect(isStale(0, 2 * interval, interval)).toBe(false);
        expect(isStale(0, 2 * interval + 1, interval)).toBe(true);
    });

    it('is never stale without data', () => {
        expect(isStale(null, 10 * DAY, interval)).toBe(false);
    });
});
