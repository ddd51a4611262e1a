/**
 * Records every request the browser sends to the gateway (from the shell page and the tool's frame), with its URL
 * and body, so that a test can search them for a secret: the gateway's own request log never holds parameter
 * values, so only the browser's side can show where a secret travelled.
 */
import type { Page, Request } from 'playwright-core';

export interface CapturedRequest {
    method: string;
    url: string;
    /** The body as sent, '' without one. */
    body: string;
    /** The `command` of a PowerShell request body (`{properties: {command}}`), null for others. */
    command: string | null;
}

function commandOf(body: string): string | null {
    try {
        const parsed = JSON.parse(body) as { properties?: { command?: unknown } };
        return typeof parsed.properties?.command === 'string' ? parsed.properties.command : null;
    } catch {
        // Not JSON (a batch body, a form): no PowerShell command to name.
        return null;
    }
}

export class GatewayTraffic {
    readonly requests: CapturedRequest[] = [];
    private readonly listener = (request: Request): void => {
        if (request.url().startsWith(this.gatewayUrl)) {
            const body = request.postData() ?? '';
            this.requests.push({ method: request.method(), url: request.url(), body, command: commandOf(body) });
        }
    };

    private constructor(private readonly page: Page, private readonly gatewayUrl: string) {
        page.on('request', this.listener);
    }

    /** Starts recording the requests `page` (and its frames) send to `gatewayUrl`. */
    static record(page: Page, gatewayUrl: string): GatewayTraffic {
        return new GatewayTraffic(page, gatewayUrl);
    }

    /** The requests whose URL or body holds `text`. */
    carrying(text: string): CapturedRequest[] {
        return this.requests.filter(request => request.url.includes(text) || request.body.includes(text));
    }

    /** Stops recording. */
    stop(): void {
        this.page.off('request', this.listener);
    }
}
