import { GatewayError, type GatewayText } from './gateway-error';
import { readScriptError } from './script-errors';
import { asWireArray, asWireFields, firstString, WireFields } from './wire-fields';

/**
 * Maps what the SDK's HTTP layer throws (an rxjs `AjaxError`: `status`, `response`, `xhr`) to a `GatewayError`.
 * The gateway's error body is `{error: {code, message}}`, `{errors: [...]}` or `{exception}` (wac-sdk.md section 6);
 * how a real gateway and the local emulator word an unreachable host is not fixed, so host-unreachable is
 * recognized by several patterns and codes rather than one exact text.
 */

/** Text that marks a WinRM / PowerShell remoting transport failure in a gateway error. */
const hostUnreachablePatterns: readonly RegExp[] = [
    /WinRM/i,
    /WS-?Management/i,
    /\bWSMan/i,
    /Connecting to remote server/i,
    /PSRemotingTransportException/i,
    /PSSessionOpenFailed/i,
    /PSSessionStateBroken/i,
    /The client cannot connect to the destination specified in the request/i
];

/** Gateway error codes that name an unreachable host outright. */
const hostUnreachableCodes = /^(host|node|target)[-_ ]?(unreachable|not[-_ ]?reachable|offline)$/i;

/** HRESULT facility of WinRM (FACILITY_WINRM, 0x33): every `0x8033xxxx` is a WinRM failure. */
const WINRM_HRESULT_PREFIX = 0x80330000;

/** What an HTTP failure carried, read loosely. */
interface HttpFailure {
    status: number;
    /** The body's `error.code`, when present. */
    code: string | null;
    /** The best message for people. */
    message: string;
    /** The app's own words for it, when the gateway gave no message. */
    text: GatewayText | null;
    /** Every string and number in the body worth matching against the host-unreachable patterns. */
    evidence: Array<string | number>;
    /** The PowerShell error records of the body (`errors`), or the body's `error` object when there are none. */
    records: WireFields[];
}

/** Maps any error from a gateway call to a `GatewayError`; a `GatewayError` is returned as it is. */
export function toGatewayError(error: unknown): GatewayError {
    if (error instanceof GatewayError) {
        return error;
    }
    const failure = readHttpFailure(error);
    if (!failure) {
        const message = messageOf(error);
        return new GatewayError('unknown', message ?? UNKNOWN_FAILURE, { original: error, text: message === null ? { key: 'callFailedUnknown', params: {} } : null });
    }
    const details = { code: failure.code, status: failure.status, original: error, text: failure.text };
    if (failure.status === 0) {
        return new GatewayError('gateway-unreachable', failure.message, details);
    }
    if (failure.status === 401 || failure.status === 403) {
        return new GatewayError('unauthorized', failure.message, details);
    }
    if (failure.status >= 500 && isHostUnreachable(failure)) {
        return new GatewayError('host-unreachable', failure.message, details);
    }
    const terminating = terminatingScriptError(failure, error);
    return terminating ?? new GatewayError('unknown', failure.message, details);
}

/** Whether a number (signed or unsigned) or hex string is a WinRM HRESULT. */
export function isWinRmHResult(value: string | number): boolean {
    const numeric = typeof value === 'number' ? value : Number(value.trim());
    // HRESULTs are 32-bit, written signed or unsigned; anything outside that range is some other number.
    if (!Number.isInteger(numeric) || numeric < -0x80000000 || numeric > 0xFFFFFFFF) {
        return false;
    }
    // `>>> 0` turns the signed form (-2144108526) into the unsigned one (0x80338012).
    return ((numeric >>> 0) & 0xFFFF0000) >>> 0 === WINRM_HRESULT_PREFIX;
}

/**
 * A script that throws (a terminating error) is answered with HTTP 400 and its error record (tools/gateway/README.md,
 * "Answers"). When that record carries a `[Code]` or is a parameter validation failure, it is the script refusing
 * its input, not a transport problem: it becomes a `script-error` with the code split off, as if it had arrived in
 * an HTTP 200 answer.
 */
function terminatingScriptError(failure: HttpFailure, original: unknown): GatewayError | null {
    if (failure.status !== 400 || failure.records.length === 0) {
        return null;
    }
    const details = failure.records.map(readScriptError);
    const first = details[0];
    if (!first?.code) {
        return null;
    }
    return new GatewayError('script-error', first.message, { code: first.code, status: failure.status, scriptErrors: details, original });
}

function isHostUnreachable(failure: HttpFailure): boolean {
    if (failure.code && hostUnreachableCodes.test(failure.code)) {
        return true;
    }
    return failure.evidence.some((item: string | number) =>
        isWinRmHResult(item) || (typeof item === 'string' && hostUnreachablePatterns.some((pattern: RegExp) => pattern.test(item))));
}

function readHttpFailure(error: unknown): HttpFailure | null {
    const fields = asWireFields(error);
    const status = fields?.['status'];
    if (!fields || typeof status !== 'number') {
        return null;
    }
    const xhr = asWireFields(fields['xhr']);
    const body = asWireFields(fields['response']) ?? asWireFields(xhr?.['response']);
    const errorObject = asWireFields(body?.['error']);
    const records = asWireArray(body?.['errors']).map(asWireFields).filter((r): r is WireFields => r !== null);
    const exception = firstString(body, ['exception']);
    const message = firstString(errorObject, ['message'])
        ?? firstString(records[0] ?? null, ['message'])
        ?? exception
        ?? firstString(body, ['message'])
        ?? firstString(xhr, ['statusText']);
    const text: GatewayText | null = message !== null ? null
        : status === 0 ? { key: 'gatewayNoAnswer', params: {} } : { key: 'gatewayHttpStatus', params: { status: String(status) } };
    return {
        status,
        code: firstString(errorObject, ['code']),
        message: message ?? (status === 0 ? 'The gateway did not answer.' : `The gateway answered HTTP ${status}.`),
        text,
        evidence: [
            ...valuesOf(errorObject),
            ...valuesOf(asWireFields(errorObject?.['detailRecord'])),
            ...records.flatMap((record: WireFields) => [...valuesOf(record), ...valuesOf(asWireFields(record['detailRecord']))]),
            ...(exception ? [exception] : []),
            ...valuesOf(body)
        ],
        records: records.length > 0 ? records : errorObject ? [errorObject] : []
    };
}

/** The string and number values of an object's own fields (one level). */
function valuesOf(fields: WireFields | null): Array<string | number> {
    if (!fields) {
        return [];
    }
    return Object.values(fields).filter((value: unknown): value is string | number =>
        typeof value === 'string' || typeof value === 'number');
}

/** The English of `callFailedUnknown`, for logs and records. */
const UNKNOWN_FAILURE = 'The gateway call failed for an unknown reason.';

function messageOf(error: unknown): string | null {
    if (error instanceof Error && error.message) {
        return error.message;
    }
    return typeof error === 'string' && error ? error : null;
}
