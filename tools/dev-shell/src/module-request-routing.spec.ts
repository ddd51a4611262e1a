import { compactJson, routeModuleRequest } from './module-request-routing';

describe('routeModuleRequest', () => {
    it('sends a Notification to the notification center and not to the debug log', () => {
        const routed = routeModuleRequest({
            command: 'Notification',
            data: { id: 'deploy-1', state: 2, title: 'Deploying EFLOW', message: 'Step 2 of 5', nodeName: 'edge-01' },
            answer: {}
        }, 'edge-01', 'rpc-1', 10);

        expect(routed).toEqual({
            notification: {
                id: 'deploy-1', status: 'in-progress', title: 'Deploying EFLOW', message: 'Step 2 of 5',
                nodeName: 'edge-01', timestamp: 10, read: false
            },
            logEntry: null
        });
    });

    it.each([
        ['Log', 'log', 'Gateway status read'],
        ['Telemetry', 'telemetry', '{"view":"overview"}'],
        ['Report', 'report', '{"status":"ok"}'],
        ['WorkItem', 'other', '{"id":"w1"}']
    ])('keeps %s in the debug log as %s', (command, category, summary) => {
        const data = command === 'Log' ? { level: 3, message: 'Gateway status read' }
            : command === 'Telemetry' ? { view: 'overview' } : command === 'Report' ? { status: 'ok' } : { id: 'w1' };
        const routed = routeModuleRequest({ command, data, answer: {} }, 'edge-01', 'rpc-2', 0);

        expect(routed.notification).toBeNull();
        expect(routed.logEntry).toMatchObject({ category, command, hostName: 'edge-01', summary, detail: data });
    });

    it('logs a Forward with its service and whether the shell answered with a result', () => {
        const init = routeModuleRequest({
            command: 'Forward', data: { service: 'gateway-connection', type: 2 }, answer: { result: {} }
        }, 'edge-01', 'rpc-3', 0);
        const notify = routeModuleRequest({
            command: 'Forward', data: { service: 'connection-manager', name: 'activeConnection', type: 1, value: {} },
            answer: {}
        }, 'edge-01', 'rpc-4', 0);

        expect(init.logEntry).toMatchObject({
            category: 'forward', service: 'gateway-connection', summary: 'gateway-connection (init), answered with result'
        });
        expect(notify.logEntry).toMatchObject({
            category: 'forward', service: 'connection-manager',
            summary: 'connection-manager.activeConnection (notify), acknowledged'
        });
    });
});

describe('compactJson', () => {
    it('cuts long JSON and survives cyclic data', () => {
        const cyclic: { self?: unknown } = {};
        cyclic.self = cyclic;

        expect(compactJson({ text: 'x'.repeat(50) }, 10)).toBe('{"text":"x…');
        expect(compactJson(cyclic, 100)).toBe('[object Object]');
    });
});
