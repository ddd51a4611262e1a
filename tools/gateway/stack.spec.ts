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
        stack = await startGatewayStack({
            port: 0, stateDir, fleet: 2, timeScale: 0, workers: 1, runspaces: 2, offline: ['edge-0002']
        });
    }, 120_000);

    afterAll(async () => {
        await stack?.close();
        rmSync(stateDir, { recursive: true, force: true });
    }, 60_000);

    it('runs the script in PowerShell and answers stand-in calls from the simulator, per node', async () => {
        stack.simulator.setFaults('edge-0002', { offline: false });
        stack.simulator.setFaults('edge-0002', { getEflowVmThrows: '[VmStore] the VM store is corrupt' });
        const script = "$vm = Get-EflowVm\n'vm found: ' + ($null -ne $vm)";

        const healthy = await send(stack.url, 'POST', '/api/nodes/edge-0001/features/powershellApi/invokeCommand',
            commandBody(script, { invokeMode: 'Polling', waitTimeMs: 30_000 }));
        const faulty = await send(stack.url, 'POST', '/api/nodes/edge-0002/features/powershellApi/invokeCommand',
            commandBody(script, { invokeMode: 'Polling', waitTimeMs: 30_000 }));
        stack.simulator.setFaults('edge-0002', { getEflowVmThrows: null, offline: true });

        expect(chunkOf(healthy)).toMatchObject({ completed: 'True', results: ['vm found: True'] });
        expect(faulty.status).toBe(400);
        expect(faulty.json).toMatchObject({ error: { message: '[VmStore] the VM store is corrupt' } });
    });

    it('applies the offline option at start', async () => {
        const result = await send(stack.url, 'POST', '/api/nodes/edge-0002/features/powershellApi/invokeCommand',
            commandBody("'x'", { invokeMode: 'Polling' }));

        expect(result.status).toBe(500);
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
