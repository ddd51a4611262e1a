import { asWireArray, asWireFields, firstString, WireFields } from './wire-fields';

/**
 * One answer of the gateway's PowerShell API while a command runs (`partial: true` gives one per poll):
 * `{sessionId, completed: 'True'|'False', results, progress, errors, exception}`, optionally wrapped in
 * `properties`. This layer merges the chunks itself because the SDK's own merge is lossy (wac-sdk.md section 6:
 * only `results` concatenate, and a final errors-only chunk replaces earlier results).
 */

/** A Write-Progress record, read loosely. */
export interface PowerShellProgress {
    activity: string;
    statusDescription: string;
    /** 0..100, `null` when the record has none (PowerShell's -1). */
    percentComplete: number | null;
}

/** One chunk, normalized. */
export interface PowerShellChunk {
    completed: boolean;
    results: unknown[];
    progress: PowerShellProgress[];
    errors: unknown[];
    exception: string | null;
}

/** Everything the chunks of one run said, in order. */
export interface MergedPowerShellOutput {
    /** Whether a chunk said `completed: 'True'` (a cancelled run never does). */
    completed: boolean;
    results: unknown[];
    errors: unknown[];
    /** The last non-empty `exception` of any chunk. */
    exception: string | null;
}

/** The merge of no chunks. */
export const NO_OUTPUT: MergedPowerShellOutput = { completed: false, results: [], errors: [], exception: null };

/** Normalizes one emission of the SDK's `run(..., {partial: true})`. */
export function readChunk(value: unknown): PowerShellChunk {
    const outer = asWireFields(value);
    const fields = asWireFields(outer?.['properties']) ?? outer;
    const completed = fields?.['completed'];
    return {
        completed: completed === true || (typeof completed === 'string' && completed.toLowerCase() === 'true'),
        results: asWireArray(fields?.['results']),
        progress: asWireArray(fields?.['progress']).map(readProgress).filter((p): p is PowerShellProgress => p !== null),
        errors: asWireArray(fields?.['errors']),
        exception: firstString(fields, ['exception'])
    };
}

/** Adds a chunk to what the run has said so far; nothing is dropped or replaced. */
export function appendChunk(merged: MergedPowerShellOutput, chunk: PowerShellChunk): MergedPowerShellOutput {
    return {
        completed: merged.completed || chunk.completed,
        results: chunk.results.length ? [...merged.results, ...chunk.results] : merged.results,
        errors: chunk.errors.length ? [...merged.errors, ...chunk.errors] : merged.errors,
        exception: chunk.exception ?? merged.exception
    };
}

function readProgress(value: unknown): PowerShellProgress | null {
    const record: WireFields | null = asWireFields(value);
    if (!record) {
        return null;
    }
    const percent = record['percentComplete'];
    return {
        activity: firstString(record, ['activity', 'Activity']) ?? '',
        statusDescription: firstString(record, ['statusDescription', 'StatusDescription']) ?? '',
        percentComplete: typeof percent === 'number' && percent >= 0 ? Math.min(percent, 100) : null
    };
}
