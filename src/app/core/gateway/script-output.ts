import { OperatorFunction, pipe } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { ContractViolation } from '../models/contract-reader';
import { GatewayError } from './gateway-error';
import { PowerShellRunEvent } from './powershell-runner';

/**
 * Turns a run's events into its one typed result: our scripts return exactly one object (architecture.md,
 * "Gateway script conventions"), which `parse` checks against its contract. Anything else fails with
 * `invalid-response`. Progress events are dropped.
 */
export function singleParsedResult<T>(command: string, parse: (value: unknown) => T): OperatorFunction<PowerShellRunEvent, T> {
    return pipe(
        filter((event: PowerShellRunEvent): event is Extract<PowerShellRunEvent, { type: 'completed' }> => event.type === 'completed'),
        map(event => parseSingle(command, event.results, parse))
    );
}

/**
 * The one result of a run, checked by `parse`: fails with `invalid-response` when there is not exactly one or it breaks
 * its contract.
 */
export function parseSingle<T>(command: string, results: readonly unknown[], parse: (value: unknown) => T): T {
    if (results.length !== 1) {
        throw new GatewayError('invalid-response', `${command} returned ${results.length} objects instead of one.`,
            { code: 'UnexpectedResultCount' });
    }
    try {
        return parse(results[0]);
    } catch (error: unknown) {
        if (error instanceof ContractViolation) {
            throw new GatewayError('invalid-response', error.message, { code: 'ContractViolation', original: error });
        }
        throw error;
    }
}
