/**
 * Where each request from the module shows up in the shell: a Notification goes to the notification center,
 * Log / Telemetry / Report and Forward requests go to the debug log, anything else to the debug log as "other".
 * Pure: no DOM.
 */
import { parseNotification, ShellNotification } from './notification-center';
import { readProperty } from './rpc-packet';
import type { ModuleRequest } from './shell-rpc-session';

/** What kind of line a debug log entry is. */
export type DebugLogCategory = 'handshake' | 'forward' | 'log' | 'telemetry' | 'report' | 'other';

/** One line of the debug log. */
export interface DebugLogEntry {
    category: DebugLogCategory;
    /** The RPC command (or handshake step). */
    command: string;
    /** The host whose tool frame it came from. */
    hostName: string;
    /** A short description; the data is shown in full on hover. */
    summary: string;
    /** The forwarded service, for `forward` entries. */
    service?: string;
    detail?: unknown;
}

/** What the page does with one module request. */
export interface RoutedModuleRequest {
    notification: ShellNotification | null;
    logEntry: DebugLogEntry | null;
}

const CATEGORY_BY_COMMAND: ReadonlyMap<string, DebugLogCategory> = new Map<string, DebugLogCategory>([
    ['Log', 'log'],
    ['Telemetry', 'telemetry'],
    ['Report', 'report'],
    ['Forward', 'forward']
]);

/**
 * Routes one request.
 * @param sequenceId unique per request, used as the notification id when the module sent none
 */
export function routeModuleRequest(request: ModuleRequest, hostName: string, sequenceId: string,
    now: number): RoutedModuleRequest {
    if (request.command === 'Notification') {
        return { notification: parseNotification(request.data, sequenceId, now), logEntry: null };
    }
    const category = CATEGORY_BY_COMMAND.get(request.command) ?? 'other';
    const entry: DebugLogEntry = {
        category, command: request.command, hostName, summary: summarize(request, category), detail: request.data
    };
    if (category === 'forward') {
        entry.service = stringProperty(request.data, 'service');
    }
    return { notification: null, logEntry: entry };
}

function summarize(request: ModuleRequest, category: DebugLogCategory): string {
    switch (category) {
        case 'forward': {
            const service = stringProperty(request.data, 'service');
            const name = stringProperty(request.data, 'name');
            const answered = readProperty(request.answer, 'result') !== undefined ? 'answered with result' : 'acknowledged';
            return `${service}${name ? `.${name}` : ''} (${forwardTypeName(readProperty(request.data, 'type'))}), ${answered}`;
        }
        case 'log':
            return stringProperty(request.data, 'message') || compactJson(request.data, 160);
        default:
            return compactJson(request.data, 160);
    }
}

function forwardTypeName(type: unknown): string {
    switch (type) {
        case 0: return 'execute';
        case 1: return 'notify';
        case 2: return 'init';
        default: return String(type);
    }
}

function stringProperty(data: unknown, name: string): string {
    const value = readProperty(data, name);
    return typeof value === 'string' ? value : '';
}

/** JSON for display, cut at `maxLength`; module data may be cyclic or huge, and the shell must never throw. */
export function compactJson(value: unknown, maxLength: number): string {
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
