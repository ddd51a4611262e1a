/**
 * "Updated 3 minutes ago": the coarse age of a timestamp, in the largest unit that fits. The UI turns it into
 * localized text; this function only decides the unit and the number.
 */

/** A coarse age. `justNow` covers the first 10 seconds (and clock skew into the future). */
export interface RelativeAge {
    unit: 'justNow' | 'seconds' | 'minutes' | 'hours' | 'days';
    value: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The age of `thenMs` at `nowMs`, rounded down to whole units. */
export function relativeAge(thenMs: number, nowMs: number): RelativeAge {
    const ageMs = nowMs - thenMs;
    if (ageMs < 10 * SECOND) {
        return { unit: 'justNow', value: 0 };
    }
    if (ageMs < MINUTE) {
        return { unit: 'seconds', value: Math.floor(ageMs / SECOND) };
    }
    if (ageMs < HOUR) {
        return { unit: 'minutes', value: Math.floor(ageMs / MINUTE) };
    }
    if (ageMs < DAY) {
        return { unit: 'hours', value: Math.floor(ageMs / HOUR) };
    }
    return { unit: 'days', value: Math.floor(ageMs / DAY) };
}
