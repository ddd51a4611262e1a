/**
 * The real stack (PowerShell host pool + simulator + gateway) in one call: scripts run in PowerShell, their
 * stand-in cmdlet calls are answered by the simulator for the node in the URL, and close() stops everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GatewayStack, startGatewayStack } from './stack';
import { chunkOf, commandBody, send } from './testing/gateway-client';

describe('startGatewayStack', () => {
    let stateDir: string;
    let stack: GatewayStack;

    beforeAll(async () => {
        stateDir = mkdtempSync(path.join(tmpdir(), 'eflow-stack-spec-'));
        // edge-0003 is offline through the start option only (its generated profile is online) and no test changes
        // its faults, so the test of that option sees what the start did, whatever order the tests run in.
        stack = await startGatewayStack({
            port: 0, stateDir, fleet: 3, timeScale: 0, workers: 1, runspaces: 2, offline: ['edge-0003']
        });
    }, 120_000);

    afterAll(async () => {
        await stack?.close();
        rmSync(stateDir, { recursive: true, force: true });
    }, 60_000);

    it('runs the script in PowerShell and answers stand-in calls from the simulator, per node', async () => {
        stack.simulator.setFaults('edge-0002', { getEflowVmThrows: '[VmStore] the VM store is corrupt' });
        const script = "$vm = Get-EflowVm\n'vm found: ' + ($null -ne $vm)";

        const healthy = await send(stack.url, 'POST', '/api/nodes/edge-0001/features/powershellApi/invokeCommand',
            commandBody(script, { invokeMode: 'Polling', waitTimeMs: 30_000 }));
        const faulty = await send(stack.url, 'POST', '/api/nodes/edge-0002/features/powershellApi/invokeCommand',
            commandBody(script, { invokeMode: 'Polling', waitTimeMs: 30_000 }));
        stack.simulator.setFaults('edge-0002', { getEflowVmThrows: null });

        expect(chunkOf(healthy)).toMatchObject({ completed: 'True', results: ['vm found: True'] });
        expect(faulty.status).toBe(400);
        expect(faulty.json).toMatchObject({ error: { message: '[VmStore] the VM store is corrupt' } });
    });

    it('applies the offline option at start: the named host is unreachable, the others answer', async () => {
        const invoke = (node: string) => send(stack.url, 'POST', `/api/nodes/${node}/features/powershellApi/invokeCommand`,
            commandBody("'x'", { invokeMode: 'Polling', waitTimeMs: 30_000 }));

        const offline = await invoke('edge-0003');
        const online = await invoke('edge-0001');

        expect(stack.simulator.connection('edge-0003').reachable).toBe(false);
        expect(offline.status).toBe(500);
        expect(offline.json).toMatchObject({
            error: { code: 'PSRemotingTransportException', message: expect.stringContaining('Connecting to remote server edge-0003 failed') }
        });
        expect(chunkOf(online)).toMatchObject({ completed: 'True', results: ['x'] });
    });

    it('stops the PowerShell host processes on close', async () => {
        const hosts = stack.pool.hosts;
        expect(hosts.length).toBeGreaterThan(0);

        await stack.close();

        expect(hosts.every(host => !host.alive)).toBe(true);
        const refused = await fetch(`${stack.url}/api/gateway/status`).then(() => 'answered', () => 'refused');
        expect(refused).toBe('refused');
    });
});
