/**
 * The one error type the gateway layer emits. Every failure of a gateway call, from a dead network to a script
 * `Write-Error`, becomes a `GatewayError` with a `kind` the UI can switch on.
 */

/**
 * - `gateway-unreachable`: the browser got no HTTP answer from the WAC gateway (XHR status 0).
 * - `host-unreachable`: the gateway answered, but could not reach the managed host (WinRM / remoting transport).
 * - `unauthorized`: the gateway refused the call (HTTP 401 / 403).
 * - `timeout`: the call ran longer than its limit and was cancelled.
 * - `cancelled`: the call was cancelled before it finished (by the caller or by another cancellation).
 * - `script-error`: the script ran and reported errors (`code` holds the script's `[Code]`).
 * - `invalid-response`: the script's output does not match its contract.
 * - `unknown`: anything else (other HTTP errors, programming errors).
 */
export type GatewayErrorKind =
    | 'gateway-unreachable'
    | 'host-unreachable'
    | 'unauthorized'
    | 'timeout'
    | 'cancelled'
    | 'script-error'
    | 'invalid-response'
    | 'unknown';

/** One PowerShell error record the script reported, with its code split off. */
export interface ScriptErrorDetail {
    /** The script's code (`[Code] ` prefix), `ParameterValidation`, or `null` when the message had none. */
    code: string | null;
    /** The message without the code prefix. */
    message: string;
}

/**
 * The messages the app itself words for a gateway error (when the gateway or the host gave none): keys of the strings
 * `Gateway.Message` (strings.resjson). A message from the gateway or the host is shown as it is.
 */
export const GATEWAY_TEXT_KEYS = [
    'gatewayNoAnswer', 'gatewayHttpStatus', 'callFailedUnknown', 'commandTimedOut', 'commandCancelled', 'scriptFailedNoMessage',
    'overviewNoResult', 'resendRefused', 'resendSecondTime'
] as const;

/** A key of `Gateway.Message`. */
export type GatewayTextKey = typeof GATEWAY_TEXT_KEYS[number];

/** A message the app words itself: its key and the values of its `{name}` placeholders. */
export interface GatewayText {
    key: GatewayTextKey;
    params: Readonly<Record<string, string | number>>;
}

/** Optional facts about a gateway error. */
export interface GatewayErrorDetails {
    /**
     * The message in the app's own words, when it has no message from the gateway or the host: the UI shows it from
     * the strings (shared/gateway-error-text.ts); `message` then holds the same in English for logs and records.
     */
    text?: GatewayText | null;
    /** A stable code: the script's `[Code]`, `ParameterValidation`, or the gateway's `error.code`. */
    code?: string | null;
    /** The HTTP status, when there was an HTTP answer. */
    status?: number | null;
    /** Every error record of a `script-error`, first one first. */
    scriptErrors?: readonly ScriptErrorDetail[];
    /** The error this one was made from, for diagnostics. */
    original?: unknown;
}

/** A failed gateway call. */
export class GatewayError extends Error {
    /** See `GatewayErrorDetails.code`. */
    public readonly code: string | null;
    /** See `GatewayErrorDetails.status`. */
    public readonly status: number | null;
    /** See `GatewayErrorDetails.scriptErrors`. */
    public readonly scriptErrors: readonly ScriptErrorDetail[];
    /** See `GatewayErrorDetails.original`. */
    public readonly original: unknown;
    /** See `GatewayErrorDetails.text`. */
    public readonly text: GatewayText | null;

    /**
     * @param kind What went wrong, see `GatewayErrorKind`.
     * @param message A message for people; for a script error, the script's own message without its code.
     * @param details Code, status, script error records and the original error.
     */
    constructor(public readonly kind: GatewayErrorKind, message: string, details: GatewayErrorDetails = {}) {
        super(message);
        this.name = 'GatewayError';
        this.code = details.code ?? null;
        this.status = details.status ?? null;
        this.scriptErrors = details.scriptErrors ?? [];
        this.original = details.original;
        this.text = details.text ?? null;
    }
}

