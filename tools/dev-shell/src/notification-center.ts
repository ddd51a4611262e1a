/**
 * The dev shell's notification center: the module's `Notification` RPC requests (SDK `RpcNotification`), kept
 * one entry per notification id so an in-progress notification turns into its success or error in place, as in
 * WAC. Pure: no DOM.
 */
import { readProperty } from './rpc-packet';

/** How the shell shows a notification's `NotificationState`. */
export type NotificationStatus = 'in-progress' | 'success' | 'error' | 'warning' | 'info';

/** One notification as the shell shows it. */
export interface ShellNotification {
    id: string;
    status: NotificationStatus;
    title: string;
    message: string;
    /** The node the notification is about, when the module said. */
    nodeName: string;
    /** When the module raised it (ms since the epoch). */
    timestamp: number;
    /** Whether the user has opened the panel since it last changed. */
    read: boolean;
}

/** SDK `NotificationState` values -> shell status. Started and InProgress look the same in WAC. */
const STATUS_BY_STATE: ReadonlyMap<number, NotificationStatus> = new Map<number, NotificationStatus>([
    [1, 'in-progress'],
    [2, 'in-progress'],
    [3, 'error'],
    [4, 'error'],
    [5, 'warning'],
    [6, 'success'],
    [7, 'info']
]);

function readString(data: unknown, name: string): string {
    const value = readProperty(data, name);
    return typeof value === 'string' ? value : '';
}

/**
 * Reads a `Notification` request's data; null when it carries neither a title nor a message (nothing to show).
 * A missing id gets one from `fallbackId` so the entry still shows (WAC would too).
 */
export function parseNotification(data: unknown, fallbackId: string, now: number): ShellNotification | null {
    const title = readString(data, 'title');
    const message = readString(data, 'message');
    if (title.length === 0 && message.length === 0) {
        return null;
    }
    const state = readProperty(data, 'state');
    const timestamp = readProperty(data, 'timestamp');
    const id = readString(data, 'id');
    return {
        id: id.length > 0 ? id : fallbackId,
        status: (typeof state === 'number' ? STATUS_BY_STATE.get(state) : undefined) ?? 'info',
        title,
        message,
        nodeName: readString(data, 'nodeName'),
        timestamp: typeof timestamp === 'number' ? timestamp : now,
        read: false
    };
}

/** The list behind the bell: newest change first, one entry per id. */
export class NotificationCenter {
    private entries: ShellNotification[] = [];

    /** Adds a notification, or replaces the one with the same id and moves it to the top. */
    upsert(notification: ShellNotification): void {
        this.entries = [notification, ...this.entries.filter(entry => entry.id !== notification.id)];
    }

    /** All notifications, newest change first. */
    list(): readonly ShellNotification[] {
        return this.entries;
    }

    /** How many notifications changed since the panel was last opened (the bell's badge). */
    unreadCount(): number {
        return this.entries.filter(entry => !entry.read).length;
    }

    /** Called when the panel opens. */
    markAllRead(): void {
        this.entries = this.entries.map(entry => ({ ...entry, read: true }));
    }

    clear(): void {
        this.entries = [];
    }
}
