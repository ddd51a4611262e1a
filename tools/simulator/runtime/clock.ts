/**
 * Simulated time: the wall clock comes from the injected now(), durations from setTimeout scaled by timeScale
 * (so Jest fake timers drive them, and timeScale 0 makes long operations instant).
 */

/** Rejection reason of an aborted sleep. */
export class OperationAbortedError extends Error {
    constructor() {
        super('The operation was aborted.');
        this.name = 'OperationAbortedError';
    }
}

export class SimClock {
    constructor(private readonly nowSource: () => Date, private readonly timeScale: () => number) {}

    now(): Date {
        return this.nowSource();
    }

    nowIso(): string {
        return this.nowSource().toISOString();
    }

    /** A simulated duration in real milliseconds. */
    scaled(simulatedMs: number): number {
        return Math.max(0, simulatedMs * this.timeScale());
    }

    /**
     * Waits `simulatedMs` × timeScale. Rejects with OperationAbortedError when `signal` aborts (also when it already
     * had). With a scaled duration of 0 it still yields once, so an abort raised meanwhile is seen.
     */
    sleep(simulatedMs: number, signal: AbortSignal): Promise<void> {
        if (signal.aborted) {
            return Promise.reject(new OperationAbortedError());
        }
        const delay = this.scaled(simulatedMs);
        return new Promise<void>((resolve, reject) => {
            const onAbort = (): void => {
                clearTimeout(timer);
                reject(new OperationAbortedError());
            };
            const timer = setTimeout(() => {
                signal.removeEventListener('abort', onAbort);
                if (signal.aborted) {
                    reject(new OperationAbortedError());
                } else {
                    resolve();
                }
            }, delay);
            signal.addEventListener('abort', onAbort, { once: true });
        });
    }
}

function twoDigits(value: number): string {
    return String(value).padStart(2, '0');
}

/** `MM/dd/yyyy HH:mm:ss` (UTC), the AzureEFLOW log timestamp format. */
export function eflowTimestamp(date: Date): string {
    return `${twoDigits(date.getUTCMonth() + 1)}/${twoDigits(date.getUTCDate())}/${date.getUTCFullYear()} ` +
        `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
}

/** `yyyyMMdd` (UTC), the Uninstall key InstallDate format. */
export function registryDate(date: Date): string {
    return `${date.getUTCFullYear()}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** `iso` plus `ms`, as ISO. */
export function addMs(iso: string, ms: number): string {
    return new Date(Date.parse(iso) + ms).toISOString();
}
