/**
 * `iotedge logs <module> [--tail N|all] [--since X]`: deterministic log lines per module from its start (and
 * failure) time, so tail/since filtering behaves like the real CLI on a plausible log.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../runtime/clock';
import type { EdgeModule } from '../state/host-state';

interface LogLine {
    at: number;
    text: string;
}

const MESSAGES: Record<string, string[]> = {
    edgeAgent: ['Updated reported properties', 'Plan execution started for deployment 1', 'Plan execution ended for deployment 1'],
    edgeHub: ['Received message from device', 'Sending twin updates to cloud', 'Cloud connection is healthy'],
    default: ['Sending message: {"machine":{"temperature":21.3},"ambient":{"temperature":20.9}}', 'Heartbeat', 'Processed batch']
};

function stamp(at: number, level: string, text: string): string {
    const date = new Date(at).toISOString().replace('T', ' ').replace('Z', ' +00:00');
    return `<6> ${date} [${level}] - ${text}`;
}

function linesOf(module: EdgeModule, now: Date): LogLine[] {
    const start = Date.parse(module.startedAt);
    const end = module.status === 'running' ? now.getTime() : Date.parse(module.stoppedAt ?? module.startedAt);
    const lines: LogLine[] = [
        { at: start, text: stamp(start, 'INF', `Starting module ${module.name}`) },
        { at: start + 1000, text: stamp(start + 1000, 'INF', `Image ${module.image}`) }
    ];
    const messages = MESSAGES[module.name] ?? MESSAGES.default ?? [];
    const span = Math.max(0, Math.min(end, now.getTime()) - start);
    const step = Math.max(MINUTE_MS, Math.ceil(Math.min(span, DAY_MS) / 100));
    const first = Math.max(start + 2000, end - DAY_MS);
    for (let at = first, index = 0; at < end; at += step, index++) {
        lines.push({ at, text: stamp(at, 'INF', messages[index % messages.length] ?? 'Heartbeat') });
    }
    if (module.status === 'failed') {
        lines.push({ at: end, text: stamp(end, 'ERR', `Unhandled exception. System.OutOfMemoryException: Exception ` +
            `of type 'System.OutOfMemoryException' was thrown. (exit code ${module.exitCode})`) });
    }
    return lines;
}

/** Parses --since: "1 day", "6h", "30m", "90s", "2 hours", RFC 3339, or unix seconds. Null when invalid. */
export function parseSince(value: string, now: Date): number | null {
    const relative = /^(\d+)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)$/i.exec(
        value.trim());
    if (relative) {
        const amount = Number(relative[1]);
        const unit = (relative[2] ?? 's').toLowerCase()[0];
        const scale = unit === 'd' ? DAY_MS : unit === 'h' ? HOUR_MS : unit === 'm' ? MINUTE_MS : 1000;
        return now.getTime() - amount * scale;
    }
    if (/^\d+$/.test(value.trim())) {
        return Number(value) * 1000;
    }
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
}

/** The log lines of `module` after `since` (default 1 day), the last `tail` of them (default all). */
export function moduleLogs(module: EdgeModule, now: Date, since: number | null, tail: number | null): string[] {
    const from = since ?? now.getTime() - DAY_MS;
    const lines = linesOf(module, now).filter(line => line.at >= from).map(line => line.text);
    return tail === null ? lines : lines.slice(Math.max(0, lines.length - tail));
}
