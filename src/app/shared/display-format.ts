/**
 * Number and time formatting for display, in the browser's locale. Kept in one place so that every card rounds
 * the same way.
 */

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const plainNumber = new Intl.NumberFormat(undefined);
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A number with at most one decimal, e.g. `9.9`, `1,024`. */
export function formatDecimal(value: number): string {
    return oneDecimal.format(value);
}

/** A whole number, e.g. `1,967`. */
export function formatWhole(value: number): string {
    return wholeNumber.format(value);
}

/** A number as it is (up to three decimals), with the locale's grouping, e.g. `4,096`, `0.5`. */
export function formatNumber(value: number): string {
    return plainNumber.format(value);
}

/** MB as GB with one decimal, e.g. 2048 -> `2`. */
export function megabytesToGigabytes(megabytes: number): string {
    return formatDecimal(megabytes / 1024);
}

/** An instant (ms since epoch) as local date and time. */
export function formatDateTime(ms: number): string {
    return dateTime.format(new Date(ms));
}

/** A calendar date (yyyy-MM-dd or an ISO instant) as a localized date, read in UTC so it never shifts a day. */
export function formatDate(isoDate: string): string {
    const ms = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
    return Number.isNaN(ms) ? isoDate : dateOnly.format(new Date(ms));
}
