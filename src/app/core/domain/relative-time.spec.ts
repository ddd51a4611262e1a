import { relativeAge } from './relative-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

describe('relativeAge', () => {
    it.each([
        [0, 'justNow', 0],
        [-5 * SECOND, 'justNow', 0],
        [9999, 'justNow', 0],
        [10 * SECOND, 'seconds', 10],
        [59 * SECOND, 'seconds', 59],
        [MINUTE, 'minutes', 1],
        [59 * MINUTE + 59 * SECOND, 'minutes', 59],
        [60 * MINUTE, 'hours', 1],
        [DAY - 1, 'hours', 23],
        [3 * DAY + 5, 'days', 3]
    ])('an age of %d ms is %s %d', (age: number, unit: string, value: number) => {
        expect(relativeAge(1_000_000, 1_000_000 + age)).toEqual({ unit, value });
    });
});
