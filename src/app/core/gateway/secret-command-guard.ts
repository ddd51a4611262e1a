import { Injectable, OnDestroy } from '@angular/core';
import { headerConstants, Http, PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';
import type { HttpMonitorSet } from '@microsoft/windows-admin-center-sdk/core/data/http';
import { of, throwError } from 'rxjs';
import type { AjaxRequest, AjaxResponse } from 'rxjs/ajax';
import { GatewayError, GatewayErrorKind } from './gateway-error';
import { toGatewayError } from './transport-errors';
import { asWireFields, firstString, WireFields } from './wire-fields';

/**
 * Why this exists: the SDK 5.0.0 sends a command again by itself, with the very same request body, in two places.
 *  - `Http.requestWithHandlers` (core/data/http.js): on a 401 (not `UnauthorizedLogin`), or a 403 with
 *    `error.forbidden: 'Unauthorized'`, the node's authorization handler asks the shell for credentials, then
 *    repeats the request; in Azure-hosted WAC the sign-on handler does the same on a 401 `UnauthorizedLogin`.
 *  - `PowerShellRaw.fallbackToJea` (core/data/powershell.js): on a 400, 401 or 403 whose answer names a JEA endpoint
 *    (`x-ms-sme-jea-endpoint`), it sends the command again to that endpoint; also when a poll of the running
 *    command fails that way.
 * A command that carries secrets (the provisioning call) must reach the gateway in one request only. So while one is
 * watched, every request of the SDK's `Http` passes this guard (a monitor set: the SDK's own hook before each XHR),
 * which lets the command's body go out once and fails any further request with the same body before it is sent.
 */

/** How the gateway refused a watched command; never the request itself, which holds the secrets. */
interface Refusal {
    kind: GatewayErrorKind;
    status: number | null;
    code: string | null;
    message: string;
}

interface WatchedCommand {
    /** The script's name, for messages. */
    readonly name: string;
    /** The script as every request body that carries it contains it: JSON-encoded, quotes included. */
    readonly bodyText: string;
    sent: boolean;
    /** The gateway session the command runs in, once an answer named it: its polls are about this command too. */
    sessionId: string | null;
    refusal: Refusal | null;
}

/** One command under watch. */
export interface SecretCommandWatch {
    /** Ends the watch; call when the SDK is done with the command (it may still resend after its caller left). */
    end(): void;
}

/**
 * Lets a command that carries secrets go to the gateway in one request at most. A resend the SDK attempts fails
 * instead with a `GatewayError` that says why the command was not sent again: `unauthorized` when the gateway had
 * refused it with 401 or 403, or with 400 and a JEA endpoint, else the kind of the gateway's refusal.
 */
@Injectable({ providedIn: 'root' })
export class SecretCommandGuard implements OnDestroy {
    private static instanceCount = 0;
    private readonly watched = new Set<WatchedCommand>();
    private readonly monitorSet: HttpMonitorSet;

    constructor() {
        // The SDK keeps one monitor set per name; each guard its own, so that one guard's cleanup never removes another's.
        const name = `eflow-manager-secret-command-guard-${++SecretCommandGuard.instanceCount}`;
        this.monitorSet = {
            name,
            preMonitor: (request: AjaxRequest) => of(this.beforeSend(request)),
            successMonitor: (response: AjaxResponse<unknown>) => {
                this.noteAnswer(response);
                return of(response);
            },
            errorMonitor: (error: unknown) => {
                this.noteFailure(error);
                return throwError(() => error);
            }
        };
    }

    /** How many commands are watched now (for diagnostics and tests). */
    public get watchCount(): number {
        return this.watched.size;
    }

    /**
     * Watches `command` (the script named `name`) until the returned watch ends: its body may leave once.
     * The SDK's requests pass the guard only while something is watched.
     */
    public watch(command: PowerShellCommand, name: string): SecretCommandWatch {
        const watched: WatchedCommand = { name, bodyText: JSON.stringify(command.script), sent: false, sessionId: null, refusal: null };
        if (this.watched.size === 0) {
            Http.registerMonitorSet(this.monitorSet);
        }
        this.watched.add(watched);
        let ended = false;
        return {
            end: (): void => {
                if (ended) {
                    return;
                }
                ended = true;
                this.watched.delete(watched);
                if (this.watched.size === 0) {
                    Http.unregisterMonitors(this.monitorSet.name);
                }
            }
        };
    }

    /** Stops watching anything. */
    public ngOnDestroy(): void {
        this.watched.clear();
        Http.unregisterMonitors(this.monitorSet.name);
    }

    /** The request to send, or the error to fail with instead (the SDK's Http then throws it). */
    private beforeSend(request: AjaxRequest): AjaxRequest | Error {
        const body: unknown = request.body;
        const carrying = typeof body === 'string' ? [...this.watched].filter(watched => body.includes(watched.bodyText)) : [];
        if (carrying.length === 0) {
            return request;
        }
        // Identical bodies are separate runs (a retry the admin asked for while the SDK still held the first): one send each.
        const unsent = carrying.find(watched => !watched.sent);
        if (unsent) {
            unsent.sent = true;
            return request;
        }
        return resendRefused(carrying.find(watched => watched.refusal !== null) ?? carrying[0]);
    }

    private noteAnswer(response: AjaxResponse<unknown>): void {
        const watched = this.watchedFor(asWireFields(response.request));
        const answer = asWireFields(response.response);
        const sessionId = firstString(asWireFields(answer?.['properties']) ?? answer, ['sessionId']);
        if (watched && sessionId) {
            watched.sessionId = sessionId;
        }
    }

    private noteFailure(error: unknown): void {
        const watched = this.watchedFor(asWireFields(asWireFields(error)?.['request']));
        if (watched) {
            watched.refusal = refusalOf(error);
        }
    }

    /** The watched command a request is about: it carries the command's body, or polls the command's session. */
    private watchedFor(request: WireFields | null): WatchedCommand | null {
        const body = request?.['body'];
        const url = request?.['url'];
        for (const watched of this.watched) {
            if ((typeof body === 'string' && body.includes(watched.bodyText))
                || (watched.sessionId !== null && typeof url === 'string' && url.includes(`/pssessions/${watched.sessionId}`))) {
                return watched;
            }
        }
        return null;
    }
}

/** What is kept of a failed answer about a watched command. */
function refusalOf(error: unknown): Refusal {
    const mapped = toGatewayError(error);
    // A 400 naming a JEA endpoint is the gateway refusing this user on its default endpoint, as a 401/403 would.
    const kind = mapped.status === 400 && jeaEndpointOf(error) ? 'unauthorized' : mapped.kind;
    return { kind, status: mapped.status, code: mapped.code, message: mapped.message };
}

function jeaEndpointOf(error: unknown): string | null {
    // Loosely typed: the SDK's errors are rxjs AjaxErrors, but anything may reach an Http error monitor.
    const xhr = asWireFields(error)?.['xhr'] as { getResponseHeader?: (name: string) => unknown } | undefined;
    if (typeof xhr?.getResponseHeader !== 'function') {
        return null;
    }
    const value = xhr.getResponseHeader(headerConstants.POWERSHELL_ENDPOINT);
    return typeof value === 'string' && value.length > 0 ? value : null;
}

function resendRefused(watched: WatchedCommand): GatewayError {
    const refusal = watched.refusal;
    const what = refusal
        ? `The gateway refused ${watched.name}: ${refusal.message}`
        : `${watched.name} was about to be sent to the gateway a second time.`;
    return new GatewayError(refusal?.kind ?? 'unknown',
        `${what} It carries secrets, so it is not sent again automatically; retry once the cause is fixed.`,
        {
            status: refusal?.status ?? null, code: refusal?.code ?? null,
            text: refusal ? { key: 'resendRefused', params: { name: watched.name, message: refusal.message } }
                : { key: 'resendSecondTime', params: { name: watched.name } }
        });
}
