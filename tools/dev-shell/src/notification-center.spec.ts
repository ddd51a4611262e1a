import { NotificationCenter, parseNotification, ShellNotification } from './notification-center';

function notification(id: string, status: ShellNotification['status'], title = id): ShellNotification {
    return { id, status, title, message: '', nodeName: '', timestamp: 0, read: false };
}

describe('parseNotification', () => {
    it.each([
        [1, 'in-progress'], [2, 'in-progress'], [3, 'error'], [4, 'error'], [5, 'warning'], [6, 'success'],
        [7, 'info'], [99, 'info']
    ])('maps NotificationState %d to %s', (state, status) => {
        expect(parseNotification({ id: 'n', state, title: 'Deploy', message: 'm' }, 'fallback', 5)?.status)
            .toBe(status);
    });

    it('keeps the fields the panel shows', () => {
        expect(parseNotification({
            id: 'deploy-1', state: 6, title: 'EFLOW deployed', message: 'The VM is running.', nodeName: 'edge-01',
            timestamp: 1234
        }, 'fallback', 5)).toEqual({
            id: 'deploy-1', status: 'success', title: 'EFLOW deployed', message: 'The VM is running.',
            nodeName: 'edge-01', timestamp: 1234, read: false
        });
    });

    it('uses the fallback id and the current time when the module sent neither', () => {
        expect(parseNotification({ state: 4, message: 'Failed' }, 'rpc-7', 99))
            .toMatchObject({ id: 'rpc-7', timestamp: 99, title: '', message: 'Failed' });
    });

    it('returns null when there is nothing to show', () => {
        expect(parseNotification({ id: 'x', state: 2 }, 'fallback', 0)).toBeNull();
        expect(parseNotification(null, 'fallback', 0)).toBeNull();
    });
});

describe('NotificationCenter', () => {
    it('updates a notification in place by id and moves it to the top', () => {
        const center = new NotificationCenter();
        center.upsert(notification('deploy', 'in-progress'));
        center.upsert(notification('restart', 'success'));
        center.upsert(notification('deploy', 'error', 'Deploy failed'));

        expect(center.list().map(entry => [entry.id, entry.status, entry.title])).toEqual([
            ['deploy', 'error', 'Deploy failed'],
            ['restart', 'success', 'restart']
        ]);
    });

    it('counts unread notifications until the panel is opened, and again when one changes', () => {
        const center = new NotificationCenter();
        center.upsert(notification('a', 'in-progress'));
        center.upsert(notification('b', 'success'));
        expect(center.unreadCount()).toBe(2);

        center.markAllRead();
        expect(center.unreadCount()).toBe(0);

        center.upsert(notification('a', 'success'));
        expect(center.unreadCount()).toBe(1);
    });

    it('empties on clear', () => {
        const center = new NotificationCenter();
        center.upsert(notification('a', 'info'));
        center.clear();
        expect(center.list()).toEqual([]);
        expect(center.unreadCount()).toBe(0);
    });
});
