/**
 * Parsing of `sudo iotedge system status` (aziotctl `system/status.rs`): a `System services:` line, then one line
 * per service, name padded to 24 characters, then `Running` (systemctl is-active = active), `Ready` (inactive but
 * socket-activated, which is normal) or `Down - <reason>`. Failed services are followed by their last journal
 * lines, and the output ends with hints on `iotedge system logs` and `iotedge check`; neither is a service line.
 */

/** How aziotctl reports a service. */
export type SystemServiceState = 'running' | 'ready' | 'down';

/** One service line of `iotedge system status`. */
export interface SystemServiceStatus {
    /** e.g. `aziot-edged`. */
    name: string;
    state: SystemServiceState;
    /** The text after `Down - `, e.g. `socket error`; `null` unless down. */
    reason: string | null;
}

/** The services `iotedge system status` reports on IoT Edge 1.4/1.5, in its order. */
export const IOT_EDGE_SYSTEM_SERVICES: readonly string[] = [
    'aziot-edged', 'aziot-identityd', 'aziot-keyd', 'aziot-certd', 'aziot-tpmd'
];

// Anchored at the line start (after indentation) so that journal lines such as
// "Nov 22 10:00:00 host aziot-edged[812]: ..." are never taken for a service line.
const serviceLine = /^\s*(aziot-[a-z]+)\s+(Running|Ready|Down)\b\s*(?:-\s*(.*?))?\s*$/i;

/** Parses the lines of `iotedge system status`; lines that are not service lines are ignored. */
export function parseSystemStatus(lines: readonly string[]): SystemServiceStatus[] {
    const services: SystemServiceStatus[] = [];
    for (const line of lines) {
        const match = serviceLine.exec(line);
        if (!match) {
            continue;
        }
        const state = match[2].toLowerCase() as SystemServiceState;
        const reason = state === 'down' ? (match[3] || '').trim() || null : null;
        services.push({ name: match[1], state, reason });
    }
    return services;
}

/** Whether a service is working: `Ready` counts, it is socket-activated and starts on the first request. */
export function isServiceHealthy(service: SystemServiceStatus): boolean {
    return service.state !== 'down';
}
