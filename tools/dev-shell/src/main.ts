/**
 * The dev shell page's entry point (bundled by esbuild into shell.js): fetches the config and the simulated
 * hosts, renders WAC's frame around the tool, and keeps the open tool in step with the URL hash.
 */
import type { FleetHostInfo } from '../../simulator/api';
import { ConnectionListView } from './connection-list-view';
import { DebugLogView } from './debug-log-view';
import { requireElement } from './dom';
import { createIcon } from './icons';
import { routeModuleRequest } from './module-request-routing';
import { NotificationView } from './notification-view';
import { SHELL_CONFIG_PATH, ShellConfig } from './shell-config';
import { hashForHostName, hostNameFromHash, shellOptionsFromQuery, toolRouteFromHash } from './shell-location';
import type { HandshakeStep } from './shell-rpc-session';
import { ToolFrameHost } from './tool-frame-host';
import { connectionTypeLabel, toWacConnection } from './wac-connection';

/** What the header says while the tool opens. */
const STEP_LABELS: { [step in HandshakeStep]: string } = {
    ping: 'Waiting for the tool to load…',
    init: 'Initializing…',
    open: 'Opening…',
    opened: 'Connected',
    failed: 'Failed',
    disposed: 'Closed'
};

async function fetchJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) {
        throw new Error(`${url} answered ${response.status} ${response.statusText}`);
    }
    return await response.json() as T;
}

async function start(): Promise<void> {
    const config = await fetchJson<ShellConfig>(SHELL_CONFIG_PATH);
    const options = shellOptionsFromQuery(window.location.search);
    let hosts: FleetHostInfo[] = [];
    let requestCount = 0;

    const connectionName = requireElement(document, '#connection-name', HTMLElement);
    const connectionType = requireElement(document, '#connection-type', HTMLElement);
    const handshakeStatus = requireElement(document, '#handshake-status', HTMLElement);
    const toolContainer = requireElement(document, '#tool-container', HTMLElement);
    const placeholder = requireElement(document, '#tool-placeholder', HTMLElement);
    requireElement(document, '#tool-name', HTMLElement).textContent = config.toolTitle;
    requireElement(document, '#gateway-url', HTMLElement).textContent = config.gatewayUrl;
    requireElement(document, '#menu-icon-slot', HTMLElement).appendChild(createIcon('menu'));
    const refreshButton = requireElement(document, '#refresh-connections', HTMLButtonElement);
    refreshButton.prepend(createIcon('refresh'));

    const notifications = new NotificationView(requireElement(document, '#bell-slot', HTMLElement),
        requireElement(document, '#notification-panel', HTMLElement), requireElement(document, '#toasts', HTMLElement));
    const debugLog = new DebugLogView(requireElement(document, '#debug-log', HTMLDetailsElement));
    const connectionList = new ConnectionListView(requireElement(document, '#connections', HTMLElement),
        hostName => {
            window.location.hash = hashForHostName(hostName);
        });

    const tool = new ToolFrameHost({
        container: toolContainer,
        moduleName: config.moduleName,
        moduleUrl: config.moduleUrl,
        gatewayApiVersion: options.gatewayApiVersion,
        toolTitle: config.toolTitle,
        onStep: (hostName, step, outcome) => {
            if (hostName === tool.openHostName) {
                handshakeStatus.textContent = outcome?.kind === 'failed' ? `Failed: ${outcome.reason}` : STEP_LABELS[step];
                handshakeStatus.setAttribute('data-step', step);
            }
            debugLog.add({
                category: 'handshake', command: step, hostName,
                summary: outcome?.kind === 'failed' ? outcome.reason
                    : outcome?.kind === 'opened' ? `module waited ${outcome.waitedTimeMs} ms` : ''
            });
        },
        onModuleRequest: (hostName, request) => {
            const routed = routeModuleRequest(request, hostName, `rpc-${++requestCount}`, Date.now());
            if (routed.notification) {
                notifications.show(routed.notification);
            }
            if (routed.logEntry) {
                debugLog.add(routed.logEntry);
            }
        }
    });

    /** Opens the tool for the host the hash names (if it is not open already). */
    const followHash = (): void => {
        const hostName = hostNameFromHash(window.location.hash);
        // Node names are case-insensitive in WAC; the simulator's are lower case.
        const host = hosts.find(candidate => candidate.name === hostName?.toLowerCase());
        if (!host) {
            connectionList.setSelected(null);
            tool.close();
            connectionName.textContent = hostName ? `${hostName} (no such connection)` : 'No connection selected';
            connectionType.textContent = '';
            handshakeStatus.textContent = '';
            placeholder.hidden = false;
            return;
        }
        connectionList.setSelected(host.name);
        if (tool.openHostName === host.name) {
            return;
        }
        connectionName.textContent = host.name;
        connectionType.textContent = connectionTypeLabel(host.connectionType);
        placeholder.hidden = true;
        const connections = hosts.map(toWacConnection);
        tool.open({
            gatewayUrl: config.gatewayUrl,
            connections,
            activeConnection: toWacConnection(host)
        }, toolRouteFromHash(window.location.hash));
    };

    const loadHosts = async (): Promise<void> => {
        try {
            hosts = await fetchJson<FleetHostInfo[]>(`${config.gatewayUrl}/sim/hosts`);
            connectionList.setHosts(hosts);
            document.body.setAttribute('data-hosts-loaded', String(hosts.length));
        } catch (error: unknown) {
            const message = `Cannot list the simulated hosts from ${config.gatewayUrl}: ${String(error)}`;
            connectionList.showError(message);
            document.body.setAttribute('data-hosts-error', message);
        }
    };

    refreshButton.addEventListener('click', () => void loadHosts().then(followHash));
    window.addEventListener('hashchange', followHash);
    await loadHosts();
    followHash();
}

start().catch((error: unknown) => {
    document.body.setAttribute('data-shell-error', String(error));
    const message = document.createElement('pre');
    message.className = 'shell-fatal';
    message.textContent = `The dev shell failed to start: ${String(error)}`;
    document.body.prepend(message);
});
