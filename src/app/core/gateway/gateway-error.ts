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

/** Optional facts about a gateway error. */
export interface GatewayErrorDetails {
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
    }
}

