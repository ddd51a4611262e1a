import { Http, HttpResponseRetryHandler, Net, PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';
import { of } from 'rxjs';
import type { AjaxRequest } from 'rxjs/ajax';

/**
 * A gateway stand-in below the SDK's HTTP layer: an XMLHttpRequest fake for rxjs `ajax` (which the SDK's `Http`
 * drives) that answers each request with the next scripted answer and records what was sent, so a test runs the
 * SDK's real request, retry and monitor code without a network.
 */

/**
 * The retry handler NodeConnection.createNodeRequest adds to every node request: on a 401 (or a 403 with
 * `forbidden: 'Unauthorized'`) get credentials from the shell, then the SDK's Http sends the request again.
 */
export const CREDENTIAL_PROMPT: HttpResponseRetryHandler = {
    canHandle: (_code, error) => Net.isUnauthorized(error),
    handle: (_code, request) => of(request)
};

/** The body the SDK sends for a command (PowerShellRaw.command, Net.createPropertiesJSONString). */
export function commandBody(command: PowerShellCommand): string {
    return Net.createPropertiesJSONString({ ...command, useInProcRunspace: false });
}

/** One scripted answer. */
export interface ScriptedAnswer {
    status: number;
    /** The JSON body; null for none. */
    body: object | null;
    /** Answer headers, e.g. `x-ms-sme-jea-endpoint`. */
    headers?: Readonly<Record<string, string>>;
}

/** A request that reached the scripted gateway. */
export interface SentRequest {
    method: string;
    url: string;
    body: unknown;
}

/** The scripted gateway; answers past the script are 500s, so a surplus request fails visibly. */
export class ScriptedGateway {
    /** Every request sent, in order. */
    public readonly sent: SentRequest[] = [];
    private readonly answers: ScriptedAnswer[];

    constructor(answers: readonly ScriptedAnswer[]) {
        this.answers = [...answers];
    }

    /**
     * Sends one request through the SDK's `Http` as GatewayConnection does (PUT with a body, GET without; retry
     * handlers as given, at most 3 retries) and returns how it failed, or null when it succeeded.
     */
    public request(url: string, body: string | null, handlers: HttpResponseRetryHandler[] = []): unknown {
        let failure: unknown = null;
        const request = { url, method: body === null ? 'GET' : 'PUT', body: body ?? undefined, headers: {}, createXHR: this.createXhr };
        new Http().request(request as unknown as AjaxRequest, { maxRetry: 3, handlers }).subscribe({
            error: (error: unknown) => {
                failure = error;
            }
        });
        return failure;
    }

    /** Creates the XHR for one request (the `createXHR` option of rxjs ajax). */
    public readonly createXhr = (): XMLHttpRequest => new ScriptedXhr(this) as unknown as XMLHttpRequest;

    /** Records a request and takes the answer for it. */
    public receive(request: SentRequest): ScriptedAnswer {
        this.sent.push(request);
        return this.answers.shift() ?? { status: 500, body: { error: { code: 'NotScripted', message: 'No answer was scripted.' } } };
    }
}

type Listener = (event: { type: string; loaded: number; total: number }) => void;

/** The part of XMLHttpRequest rxjs ajax uses. It answers inside `send`, which rxjs handles like a later answer. */
class ScriptedXhr {
    public readyState = 0;
    public status = 0;
    public statusText = '';
    public response: unknown = null;
    public responseType = '';
    public timeout = 0;
    public withCredentials = false;
    public readonly upload = { addEventListener: (): void => undefined };
    private readonly listeners = new Map<string, Listener[]>();
    private headers: Readonly<Record<string, string>> = {};
    private method = 'GET';
    private url = '';

    constructor(private readonly gateway: ScriptedGateway) {}

    public addEventListener(type: string, listener: Listener): void {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }

    public open(method: string, url: string): void {
        this.method = method;
        this.url = url;
        this.readyState = 1;
    }

    public setRequestHeader(): void {
        // Request headers do not matter to the scripted answers.
    }

    public send(body?: unknown): void {
        const answer = this.gateway.receive({ method: this.method, url: this.url, body });
        this.readyState = 4;
        this.status = answer.status;
        this.statusText = answer.status < 400 ? 'OK' : 'Error';
        this.response = answer.body;
        this.headers = answer.headers ?? {};
        for (const listener of this.listeners.get('load') ?? []) {
            listener({ type: 'load', loaded: 0, total: 0 });
        }
    }

    public getResponseHeader(name: string): string | null {
        const found = Object.entries(this.headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
        return found ? found[1] : null;
    }

    public getAllResponseHeaders(): string {
        return Object.entries(this.headers).map(([key, value]) => `${key}: ${value}`).join('\r\n');
    }

    public abort(): void {
        // Answers arrive inside send: nothing is ever in flight to abort.
    }
}
