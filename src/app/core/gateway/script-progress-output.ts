import { OperatorFunction } from 'rxjs';
import { map } from 'rxjs/operators';
import { PowerShellProgress } from './powershell-chunk';
import { PowerShellRunEvent } from './powershell-runner';
import { parseSingle } from './script-output';

/** What a long-running script reports: each progress record as it arrives, then its one typed result. */
export type ScriptProgressEvent<T> =
    | { type: 'progress'; progress: PowerShellProgress }
    | { type: 'result'; result: T };

/**
 * Like `singleParsedResult`, but keeps the progress records: long-running scripts (install, deploy, provision) report
 * their steps with Write-Progress, and the wizard shows them live. The one result is checked by `parse`; anything
 * else fails with `invalid-response`.
 */
export function progressAndParsedResult<T>(command: string, parse: (value: unknown) => T):
    OperatorFunction<PowerShellRunEvent, ScriptProgressEvent<T>> {
    return map((event: PowerShellRunEvent): ScriptProgressEvent<T> => event.type === 'progress'
        ? event
        : { type: 'result', result: parseSingle(command, event.results, parse) });
}
