/**
 * The top bar's notification bell, its panel (every notification, newest first, one per id) and the toasts that
 * pop up when a notification arrives or changes, as in WAC.
 */
import { createElement } from './dom';
import { createIcon, IconName } from './icons';
import { NotificationCenter, NotificationStatus, ShellNotification } from './notification-center';

const ICON_BY_STATUS: { [status in NotificationStatus]: IconName } = {
    'in-progress': 'in-progress',
    success: 'success',
    error: 'error',
    warning: 'warning',
    info: 'info'
};

const LABEL_BY_STATUS: { [status in NotificationStatus]: string } = {
    'in-progress': 'In progress',
    success: 'Succeeded',
    error: 'Failed',
    warning: 'Warning',
    info: 'Information'
};

/** How long a toast stays up (ms); the panel keeps the notification. */
const TOAST_LIFETIME_MS = 8000;

/** The bell, the panel and the toast stack. */
export class NotificationView {
    private readonly center = new NotificationCenter();
    private readonly badge: HTMLElement;
    private readonly panel: HTMLElement;
    private readonly panelList: HTMLElement;

    /**
     * @param bellSlot where the bell button goes (in the top bar)
     * @param panelSlot the panel container (hidden until the bell is clicked)
     * @param toastStack where toasts stack up
     */
    constructor(bellSlot: HTMLElement, panelSlot: HTMLElement, private readonly toastStack: HTMLElement) {
        this.badge = createElement('span', { className: 'bell-badge', attributes: { 'data-testid': 'bell-badge' } });
        const bell = createElement('button', {
            className: 'top-bar-button bell',
            attributes: { type: 'button', 'aria-label': 'Notifications', title: 'Notifications', 'data-testid': 'bell' },
            children: [createIcon('bell'), this.badge]
        });
        bell.addEventListener('click', () => this.togglePanel());
        bellSlot.replaceChildren(bell);

        this.panelList = createElement('ul', { className: 'notification-list' });
        const clear = createElement('button', {
            className: 'link-button', text: 'Dismiss all', attributes: { type: 'button' }
        });
        clear.addEventListener('click', () => {
            this.center.clear();
            this.render();
        });
        this.panel = panelSlot;
        this.panel.replaceChildren(
            createElement('div', {
                className: 'notification-panel-header',
                children: [createElement('h2', { text: 'Notifications' }), clear]
            }),
            this.panelList);
        this.panel.hidden = true;
        this.render();
    }

    /**
     * Shows a notification from the module: an entry in the panel (replacing one with its id), and a toast
     * unless the panel is open (as in WAC, where the open panel is the place to look).
     */
    show(notification: ShellNotification): void {
        const panelOpen = !this.panel.hidden;
        this.center.upsert({ ...notification, read: panelOpen });
        this.render();
        if (!panelOpen) {
            this.toast(notification);
        }
    }

    private togglePanel(): void {
        this.panel.hidden = !this.panel.hidden;
        if (!this.panel.hidden) {
            this.center.markAllRead();
            this.toastStack.replaceChildren();
        }
        this.render();
    }

    private render(): void {
        const unread = this.center.unreadCount();
        this.badge.textContent = unread > 0 ? String(unread) : '';
        this.badge.hidden = unread === 0;
        const entries = this.center.list();
        this.panelList.replaceChildren(...(entries.length > 0
            ? entries.map(entry => this.renderEntry(entry, 'notification-entry'))
            : [createElement('li', { className: 'notification-empty', text: 'No notifications' })]));
    }

    private toast(notification: ShellNotification): void {
        const toast = this.renderEntry(notification, 'toast');
        const close = createElement('button', {
            className: 'toast-close', attributes: { type: 'button', 'aria-label': 'Dismiss' },
            children: [createIcon('close')]
        });
        close.addEventListener('click', () => toast.remove());
        toast.appendChild(close);
        // A newer toast for the same id replaces the older one rather than stacking up.
        this.toastStack.querySelectorAll(`[data-notification-id="${CSS.escape(notification.id)}"]`)
            .forEach(older => older.remove());
        this.toastStack.prepend(toast);
        setTimeout(() => toast.remove(), TOAST_LIFETIME_MS);
    }

    private renderEntry(notification: ShellNotification, className: string): HTMLLIElement {
        const time = new Date(notification.timestamp).toLocaleTimeString();
        return createElement('li', {
            className: `${className} status-${notification.status}`,
            attributes: {
                'data-testid': className, 'data-notification-id': notification.id,
                'data-status': notification.status, role: className === 'toast' ? 'status' : 'listitem'
            },
            children: [
                createIcon(ICON_BY_STATUS[notification.status], LABEL_BY_STATUS[notification.status]),
                createElement('div', {
                    className: 'notification-body',
                    children: [
                        createElement('div', { className: 'notification-title', text: notification.title }),
                        createElement('div', { className: 'notification-message', text: notification.message }),
                        createElement('div', {
                            className: 'notification-meta',
                            text: [LABEL_BY_STATUS[notification.status], notification.nodeName, time]
                                .filter(part => part.length > 0).join(' · ')
                        })
                    ]
                })
            ]
        });
    }
}
