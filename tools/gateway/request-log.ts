/**
 * What the gateway answered, for the dev shell, tests and benchmarks. It never holds parameter values or script
 * text: paths lose their query values, and of a PowerShell body only the command name is kept.
 */
import type { RouteFamily } from './routes';

/** One PowerShell part of a batch request, as the log keeps it. */
export interface BatchPartLogEntry {
    method: string;
    path: string;
    node: string | null;
    command: string | null;
    sessionId: string | null;
    status: number;
}

export interface RequestLogEntry {
    /** Increases by one per entry, from 1; `GET /sim/requests?since=<seq>` answers the entries after it. */
    seq: number;
    /** ISO 8601 time the request arrived. */
    time: string;
    method: string;
    /** The path with query keys but no query values. */
    path: string;
    family: RouteFamily;
    node: string | null;
    /** The body's `command` field (e.g. `Get-EflowHostOverview`). */
    command: string | null;
    sessionId: string | null;
    status: number;
    durationMs: number;
    /** For `/api/batch`: its parts; otherwise null. */
    batchParts: BatchPartLogEntry[] | null;
}

/** The default number of entries kept. */
export const REQUEST_LOG_CAPACITY = 10_000;

/** The last `capacity` requests, numbered by `seq`. */
export class RequestLog {
    private entries: RequestLogEntry[] = [];
    private nextSeq = 1;

    constructor(private readonly capacity: number = REQUEST_LOG_CAPACITY) {
    }

    /** The seq of the newest entry (0 when nothing was logged yet). */
    get lastSeq(): number {
        return this.nextSeq - 1;
    }

    append(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
        const logged: RequestLogEntry = { seq: this.nextSeq++, ...entry };
        this.entries.push(logged);
        // Trim in chunks rather than copying on every append; `since` never shows more than `capacity`.
        if (this.entries.length >= this.capacity + Math.ceil(this.capacity / 10)) {
            this.entries = this.entries.slice(this.entries.length - this.capacity);
        }
        return logged;
    }

    /** Entries with a seq greater than `seq`, oldest first. */
    since(seq = 0): RequestLogEntry[] {
        const kept = this.entries.length > this.capacity ? this.entries.slice(this.entries.length - this.capacity)
            : this.entries;
        return kept.filter(entry => entry.seq > seq);
    }

    /** Forgets every entry; seq keeps counting so `since` stays meaningful for pollers. */
    clear(): void {
        this.entries = [];
    }
}
