import type { FleetHostInfo } from '../../simulator/api';
import { RPC_SIGNATURE, RpcPacketType, SHELL_NAME, SHELL_SUB_NAME, TOOL_SUB_NAME } from './rpc-packet';
import type { ShellContext } from './shell-answers';
import { HandshakeStep, ModuleRequest, ShellRpcSession, ShellRpcSessionOptions } from './shell-rpc-session';
import { FakeModuleFrame, ManualClock, respondWith, settle } from './testing/fake-module-frame';
import { toWacConnection } from './wac-connection';

const MODULE_NAME = 'eflowmanager.iot-edge-eflow';
const GATEWAY_URL = 'http://127.0.0.1:4300';

const hosts: FleetHostInfo[] = [
    { name: 'edge-01', connectionType: 'msft.sme.connection-type.server', tags: ['plant-a'], reachable: true,
        description: 'provisioned' },
    { name: 'kiosk-07', connectionType: 'msft.sme.connection-type.windows-client', tags: [], reachable: false,
        description: 'offline' }
];

function contextFor(activeName: string): ShellContext {
    const connections = hosts.map(toWacConnection);
    const active = connections.find(connection => connection.name === activeName);
    if (!active) {
        throw new Error(`no host ${activeName}`);
    }
    return { gatewayUrl: GATEWAY_URL, connections, activeConnection: active };
}

interface Harness {
    frame: FakeModuleFrame;
    clock: ManualClock;
    session: ShellRpcSession;
    steps: HandshakeStep[];
    requests: ModuleRequest[];
}

function createHarness(overrides: Partial<ShellRpcSessionOptions> = {}): Harness {
    const frame = new FakeModuleFrame(MODULE_NAME);
    const clock = new ManualClock();
    const steps: HandshakeStep[] = [];
    const requests: ModuleRequest[] = [];
    const session = new ShellRpcSession({
        moduleName: MODULE_NAME,
        port: frame,
        schedule: clock.schedule,
        context: contextFor('edge-01'),
        gatewayApiVersion: '1.0.0',
        sessionId: 'session-1',
        observer: { onStep: step => steps.push(step), onModuleRequest: request => requests.push(request) },
        ...overrides
    });
    frame.connect((source, data) => session.receive(source, data));
    return { frame, clock, session, steps, requests };
}

/** Makes the fake module answer the whole handshake at once. */
function answerHandshake(frame: FakeModuleFrame): void {
    frame.answers.set('Ping', respondWith({ name: 'pong' }));
    frame.answers.set('Init', respondWith({ version: '0.1.0' }));
    frame.answers.set('Open', respondWith({ state: 0, waitedTime: 42 }));
}

describe('ShellRpcSession handshake', () => {
    it('repeats one Ping packet until the module answers, then sends Init and Open in that order', async () => {
        const { frame, clock, session } = createHarness({ pingIntervalMs: 200 });
        const outcome = session.open();
        await clock.advance(600);
        expect(frame.sent('Ping')).toHaveLength(4);
        expect(new Set(frame.sent('Ping').map(packet => packet.sequence)).size).toBe(1);
        expect(frame.sent('Init')).toHaveLength(0);

        answerHandshake(frame);
        await clock.advance(200);

        expect(await outcome).toEqual({ kind: 'opened', waitedTimeMs: 42 });
        expect(frame.received.map(packet => packet.command)).toEqual(['Ping', 'Ping', 'Ping', 'Ping', 'Ping', 'Init', 'Open']);
        expect(frame.sent('Open')[0]?.data).toEqual({ path: '/' });
        expect(clock.pendingCount).toBe(0);
    });

    it('addresses its requests to the module from the shell with increasing sequences', async () => {
        const { frame, clock, session } = createHarness();
        answerHandshake(frame);
        const outcome = session.open();
        await clock.advance(0);
        await outcome;

        const [ping, init, open] = [frame.sent('Ping')[0], frame.sent('Init')[0], frame.sent('Open')[0]];
        expect(ping).toMatchObject({
            srcName: SHELL_NAME, srcSubName: SHELL_SUB_NAME, srcDepth: 0, destName: MODULE_NAME,
            destSubName: TOOL_SUB_NAME, signature: RPC_SIGNATURE, type: RpcPacketType.Request, version: '0.1.0',
            data: { name: 'ping' }
        });
        expect([ping?.sequence, init?.sequence, open?.sequence]).toEqual([0, 1, 2]);
    });

    it.each(['1.0.0', '2.0.0'] as const)('sends the Init payload with gatewayApiVersion %s', async version => {
        const { frame, clock, session } = createHarness({ gatewayApiVersion: version, sessionId: 'abc' });
        answerHandshake(frame);
        const outcome = session.open();
        await clock.advance(0);
        await outcome;

        expect(frame.sent('Init')[0]?.data).toMatchObject({
            entryPointType: 'tool', locale: 'en', sessionId: 'abc', shellVersion: '5.0.0',
            gatewayApiVersion: version, gatewayPlatform: 'Windows', assets: { css: [], cssV2: [], js: [] }
        });
    });

    it('hands the module the shell\'s stylesheets in Init, as WAC hands its fonts (assets.cssV2)', async () => {
        const { frame, clock, session } = createHarness({ cssAssets: ['http://127.0.0.1:4200/sdk-icons.css'] });
        answerHandshake(frame);
        const outcome = session.open();
        await clock.advance(0);
        await outcome;

        expect(frame.sent('Init')[0]?.data).toMatchObject({ assets: { css: [], cssV2: ['http://127.0.0.1:4200/sdk-icons.css'], js: [] } });
    });

    it('sends Open again after the retry delay while the module answers InProgress', async () => {
        const { frame, clock, session, steps } = createHarness({ openRetryDelayMs: 2000 });
        answerHandshake(frame);
        let opens = 0;
        frame.answers.set('Open', () => {
            opens++;
            return { type: RpcPacketType.Response, data: { state: opens < 3 ? 2 : 0, waitedTime: opens } };
        });
        const outcome = session.open();
        await clock.advance(1999);
        expect(frame.sent('Open')).toHaveLength(1);
        await clock.advance(1);
        expect(frame.sent('Open')).toHaveLength(2);
        await clock.advance(2000);

        expect(await outcome).toEqual({ kind: 'opened', waitedTimeMs: 3 });
        expect(frame.sent('Open').map(packet => packet.sequence)).toEqual([2, 3, 4]);
        expect(steps).toEqual(['ping', 'init', 'open', 'opened']);
    });

    it('fails with the module\'s reason when Open answers Failed', async () => {
        const { frame, clock, session, steps } = createHarness();
        answerHandshake(frame);
        frame.answers.set('Open', respondWith({ state: 1, waitedTime: 0, error: 'route not found' }));
        const outcome = session.open();
        await clock.advance(0);

        expect(await outcome).toEqual({ kind: 'failed', reason: 'Open failed: route not found' });
        expect(steps[steps.length - 1]).toBe('failed');
    });

    it('fails when the module refuses Init with an Error packet', async () => {
        const { frame, clock, session } = createHarness();
        answerHandshake(frame);
        frame.answers.set('Init', () => ({ type: RpcPacketType.Error, data: { message: 'bad locale' } }));
        const outcome = session.open();
        await clock.advance(0);

        expect(await outcome).toEqual({ kind: 'failed', reason: 'Init was refused: bad locale' });
        expect(frame.sent('Open')).toHaveLength(0);
    });

    it('gives up after the configured number of unanswered pings', async () => {
        const { frame, clock, session } = createHarness({ pingIntervalMs: 100, pingAttempts: 3 });
        const outcome = session.open();
        await clock.advance(1000);

        expect(await outcome).toEqual({ kind: 'failed', reason: 'The module did not answer 3 pings' });
        expect(frame.sent('Ping')).toHaveLength(3);
        expect(clock.pendingCount).toBe(0);
    });

    it('fails when Init is not answered within the reply timeout', async () => {
        const { frame, clock, session } = createHarness({ replyTimeoutMs: 5000 });
        frame.answers.set('Ping', respondWith({ name: 'pong' }));
        const outcome = session.open();
        await clock.advance(4999);
        expect(frame.sent('Init')).toHaveLength(1);
        await clock.advance(1);

        expect(await outcome).toEqual({ kind: 'failed', reason: 'No answer to Init within 5000 ms' });
    });
});

describe('ShellRpcSession answers to module requests', () => {
    it.each([
        ['gateway-connection', { gatewayName: GATEWAY_URL, gatewayUrlSpecified: true, staticVersion: null }],
        ['authorization-manager', { manageAsToken: null, nodeTokens: {}, nodePowershellEndpoints: {}, signOnToken: null }]
    ])('answers Forward init of %s with its result', async (service, result) => {
        const { frame } = createHarness();
        frame.request('Forward', { service, type: 2 });
        await settle();

        expect(frame.replies()[0]?.data).toEqual({ result });
    });

    it('answers Forward init of connection-manager with every host as a connection and the selected one active', async () => {
        const { frame } = createHarness({ context: contextFor('kiosk-07') });
        frame.request('Forward', { service: 'connection-manager', type: 2 });
        await settle();

        expect(frame.replies()[0]?.data).toEqual({
            result: {
                connections: [
                    { id: 'msft.sme.connection-type.server!edge-01', type: 'msft.sme.connection-type.server',
                        name: 'edge-01', properties: { displayName: 'edge-01' }, tags: ['plant-a'] },
                    { id: 'msft.sme.connection-type.windows-client!kiosk-07',
                        type: 'msft.sme.connection-type.windows-client', name: 'kiosk-07',
                        properties: { displayName: 'kiosk-07' }, tags: [] }
                ],
                activeConnection: { id: 'msft.sme.connection-type.windows-client!kiosk-07',
                    type: 'msft.sme.connection-type.windows-client', name: 'kiosk-07',
                    properties: { displayName: 'kiosk-07' }, tags: [] }
            }
        });
    });

    it('replies with the names swapped, the same sequence and command, as a Response', async () => {
        const { frame } = createHarness();
        const sequence = frame.request('Notification', { id: 'n1', state: 2, title: 'Deploying', message: '...' });
        await settle();

        expect(frame.replies()).toEqual([{
            srcName: SHELL_NAME, srcSubName: SHELL_SUB_NAME, srcDepth: 0, destName: MODULE_NAME,
            destSubName: TOOL_SUB_NAME, signature: RPC_SIGNATURE, sequence, type: RpcPacketType.Response,
            command: 'Notification', version: '0.1.0', data: {}
        }]);
    });

    it.each([
        ['Forward', { service: 'connection-manager', name: 'activeConnection', type: 1, value: { name: 'edge-01' } }],
        ['Forward', { service: 'some-unknown-service', type: 2 }],
        ['Log', { level: 3, message: 'hello' }],
        ['Telemetry', { view: 'x' }],
        ['Report', { status: 'ok' }],
        ['WorkItem', { id: 'w' }],
        ['Settings', {}]
    ])('acknowledges %s %j with empty data and tells the observer', async (command, data) => {
        const { frame, requests } = createHarness();
        frame.request(command, data);
        await settle();

        expect(frame.replies().map(reply => reply.data)).toEqual([{}]);
        expect(requests).toEqual([{ command, data, answer: {} }]);
    });

    it('ignores messages from any window but its frame, and packets not addressed to the shell by its module', async () => {
        const { frame, requests } = createHarness();
        const otherWindow = { name: 'old-tool-frame-window' };
        frame.request('Notification', { id: 'n', state: 6, title: 't', message: 'm' }, otherWindow);
        frame.deliverFrom(frame.window, { command: 'Notification' });
        frame.deliverFrom(frame.window, 'not a packet');
        frame.deliverFrom(frame.window, {
            srcName: 'someone.else', srcSubName: '/tool#1', srcDepth: 1, destName: SHELL_NAME, destSubName: '##',
            signature: RPC_SIGNATURE, sequence: 7, type: RpcPacketType.Request, command: 'Notification',
            version: '0.1.0', data: {}
        });
        await settle();

        expect(frame.replies()).toEqual([]);
        expect(requests).toEqual([]);
    });

    it('ignores a Response from another window even when its sequence matches a pending request', async () => {
        const { frame, clock, session } = createHarness({ pingIntervalMs: 100, pingAttempts: 2 });
        const outcome = session.open();
        frame.deliverFrom({ name: 'impostor' }, {
            srcName: MODULE_NAME, srcSubName: TOOL_SUB_NAME, srcDepth: 1, destName: SHELL_NAME,
            destSubName: SHELL_SUB_NAME, signature: RPC_SIGNATURE, sequence: 0, type: RpcPacketType.Response,
            command: 'Ping', version: '0.1.0', data: { name: 'pong' }
        });
        await clock.advance(500);

        expect(await outcome).toEqual({ kind: 'failed', reason: 'The module did not answer 2 pings' });
    });
});

describe('ShellRpcSession disposal', () => {
    it('ends a handshake in flight as disposed, stops pinging and answers nothing afterwards', async () => {
        const { frame, clock, session, steps, requests } = createHarness({ pingIntervalMs: 200 });
        const outcome = session.open();
        await clock.advance(400);
        const pingsBefore = frame.sent('Ping').length;

        session.dispose();
        await clock.advance(5000);
        frame.request('Notification', { id: 'late', state: 4, title: 'late', message: 'from the old frame' });
        await settle();

        expect(await outcome).toEqual({ kind: 'disposed' });
        expect(frame.sent('Ping')).toHaveLength(pingsBefore);
        expect(frame.replies()).toEqual([]);
        expect(requests).toEqual([]);
        expect(steps).toEqual(['ping', 'disposed']);
        expect(clock.pendingCount).toBe(0);
    });

    it('does not start a handshake once disposed', async () => {
        const { frame, session } = createHarness();
        session.dispose();

        expect(await session.open()).toEqual({ kind: 'disposed' });
        expect(frame.received).toEqual([]);
    });
});
