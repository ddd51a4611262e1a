/**
 * Hosts the tool: one iframe per opened host, with its own RPC session. Opening another host removes the old
 * iframe and disposes its session, so nothing the old frame sent (or still has queued) reaches the page.
 */
import { createElement } from './dom';
import { SHELL_TOOL_STYLESHEET, type ShellContext } from './shell-answers';
import type { GatewayApiVersion } from './shell-location';
import { HandshakeOutcome, HandshakeStep, ModuleRequest, RpcScheduler, ShellRpcSession } from './shell-rpc-session';

/** Settings for the tool frame host. */
export interface ToolFrameHostOptions {
    /** Where the iframe goes. Its `data-handshake` attribute follows the handshake (for styling and tests). */
    container: HTMLElement;
    /** The module's name (`eflowmanager.iot-edge-eflow`). */
    moduleName: string;
    /** The URL of the module's index page, served by the shell server. */
    moduleUrl: string;
    gatewayApiVersion: GatewayApiVersion;
    /** The tool's title, for the iframe's accessible name. */
    toolTitle: string;
    onStep(hostName: string, step: HandshakeStep, outcome: HandshakeOutcome | null): void;
    onModuleRequest(hostName: string, request: ModuleRequest): void;
}

interface OpenTool {
    hostName: string;
    frame: HTMLIFrameElement;
    session: ShellRpcSession;
}

const schedule: RpcScheduler = (callback, delayMs) => {
    const handle = window.setTimeout(callback, delayMs);
    return () => window.clearTimeout(handle);
};

/** The tool area of the shell page. */
export class ToolFrameHost {
    private current: OpenTool | null = null;

    constructor(private readonly options: ToolFrameHostOptions) {
        // One listener for the page's lifetime; only the current session sees messages, and it checks the source.
        window.addEventListener('message', event => this.current?.session.receive(event.source, event.data));
    }

    /** The host whose tool is open, if any. */
    get openHostName(): string | null {
        return this.current?.hostName ?? null;
    }

    /** Opens (or reopens) the tool for the context's active connection in a fresh iframe, at `route` inside the tool. */
    open(context: ShellContext, route = '/'): void {
        this.close();
        const hostName = context.activeConnection.name;
        const frame = createElement('iframe', {
            className: 'tool-frame',
            attributes: {
                title: this.options.toolTitle, src: this.options.moduleUrl, 'data-testid': 'tool-frame',
                'data-host': hostName
            }
        });
        const frameWindow = (): Window => {
            const contentWindow = frame.contentWindow;
            if (!contentWindow) {
                throw new Error('The tool frame has no window');
            }
            return contentWindow;
        };
        const session = new ShellRpcSession({
            moduleName: this.options.moduleName,
            port: {
                get window(): unknown {
                    return frame.contentWindow;
                },
                post: packet => frameWindow().postMessage(packet, window.location.origin)
            },
            schedule,
            context,
            gatewayApiVersion: this.options.gatewayApiVersion,
            sessionId: newSessionId(),
            openPath: route,
            cssAssets: [new URL(SHELL_TOOL_STYLESHEET, window.location.href).href],
            observer: {
                // The outcome (opened / failed, with its details) is reported once open() settles, below.
                onStep: step => {
                    if (step !== 'opened' && step !== 'failed') {
                        this.reportStep(hostName, step, null);
                    }
                },
                onModuleRequest: request => this.options.onModuleRequest(hostName, request)
            }
        });
        this.current = { hostName, frame, session };
        this.options.container.replaceChildren(frame);
        this.options.container.setAttribute('data-handshake', 'loading');
        // Ping once the frame's document has loaded: the SDK's ping budget (50 x 200 ms) then covers only the
        // module's own start-up, not the download of a development bundle.
        frame.addEventListener('load', () => {
            void session.open().then(outcome => {
                if (outcome.kind !== 'disposed') {
                    this.reportStep(hostName, outcome.kind, outcome);
                }
            });
        }, { once: true });
    }

    /** Removes the tool frame and ends its session. */
    close(): void {
        if (!this.current) {
            return;
        }
        this.current.session.dispose();
        this.current.frame.remove();
        this.current = null;
        this.options.container.removeAttribute('data-handshake');
    }

    private reportStep(hostName: string, step: HandshakeStep, outcome: HandshakeOutcome | null): void {
        if (this.current?.hostName === hostName && step !== 'disposed') {
            this.options.container.setAttribute('data-handshake', step);
        }
        this.options.onStep(hostName, step, outcome);
    }
}

function newSessionId(): string {
    return typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `dev-shell-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
