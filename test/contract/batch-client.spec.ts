/**
 * The SDK's own batch client (PowerShellConnection.createBatchSession / runBatchSingleCommand -> BatchConnection,
 * multipart/mixed over jsdom's XHR) against the gateway emulator with real PowerShell and the simulator.
 */
import { firstValueFrom } from 'rxjs';
import { PowerShell } from '@microsoft/windows-admin-center-sdk/core/data/powershell';
import type { PowerShellBatchResponseItem } from '@microsoft/windows-admin-center-sdk/core/data/powershell-batch';
import { EmulatorProcess, startEmulatorProcess } from './harness/emulator-process';
import { createSdkClient, GatewayApiVersion, mockModuleEnvironment, SdkClient } from './harness/sdk-client';
import { LoggedRequest, lastRequestSeq, listHosts, requestsSince, setHostOffline } from './harness/sim-control';

/** Sleeps past the gateway's initial wait, so the client has to poll in a second round. */
const SLOW_TAG_SCRIPT = `param([string]$Tag)
[System.Threading.Thread]::Sleep(2000)
[pscustomobject]@{ tag = $Tag; pid = 'x' }
`;

/** Polls the request log until the batch rounds logged since `since` satisfy `done`. */
async function waitForBatchRounds(
    baseUrl: string, since: number, done: (rounds: LoggedRequest[]) => boolean): Promise<LoggedRequest[]> {
    for (let attempt = 0; attempt < 50; attempt++) {
        const rounds = (await requestsSince(baseUrl, since)).filter(entry => entry.family === 'batch' && entry.method === 'POST');
        if (done(rounds)) {
            return rounds;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error('The expected batch rounds never reached the emulator.');
}

describe('SDK batch client against the gateway emulator', () => {
    let emulator: EmulatorProcess;
    let client: SdkClient;
    let healthy: string[];
    let offline: string;

    beforeAll(async () => {
        emulator = await startEmulatorProcess(['--fleet', 'default', '--time-scale', '0']);
        const reachable = (await listHosts(emulator.url)).filter(host => host.reachable).map(host => host.name);
        healthy = reachable.slice(0, 2);
        offline = reachable[2];
        await setHostOffline(emulator.url, offline, true);
        // One client for the file: its services register as RPC forwarders, which can happen once per page.
        mockModuleEnvironment('1.0.0');
        client = createSdkClient(emulator.url);
    }, 180_000);

    afterAll(async () => {
        await emulator?.stop();
    }, 60_000);

    describe.each<GatewayApiVersion>(['1.0.0', '2.0.0'])('gatewayApiVersion %s', gatewayApiVersion => {
        beforeEach(() => mockModuleEnvironment(gatewayApiVersion));

        it('runs one command on 3 nodes: results per node, a WinRM error for the offline one, polling only the incomplete', async () => {
            const since = await lastRequestSeq(emulator.url);
            const nodes = [healthy[0], offline, healthy[1]];
            const session = client.powerShell.createBatchSession(nodes);
            const command = PowerShell.createCommand({ command: 'Get-Tag', script: SLOW_TAG_SCRIPT }, { Tag: 'batch' });

            const items = await firstValueFrom(client.powerShell.runBatchSingleCommand(session, command)) as PowerShellBatchResponseItem[];

            const byNode = new Map(items.map(item => [item.nodeName, item]));
            for (const node of healthy) {
                // The client keeps `completed` from a node's first chunk when it merges rounds, so only the
                // merged results tell that the node finished.
                expect(byNode.get(node)).toMatchObject({ status: 200, properties: { results: [{ tag: 'batch', pid: 'x' }] } });
            }
            expect(byNode.get(offline)).toMatchObject({
                status: 500,
                error: {
                    code: 'PSRemotingTransportException',
                    message: expect.stringContaining(`Connecting to remote server ${offline} failed`)
                }
            });

            // The client closes the sessions after it has answered (fire-and-forget): wait for that round too.
            const batches = await waitForBatchRounds(emulator.url, since,
                rounds => rounds.some(round => (round.batchParts ?? []).some(part => part.method === 'DELETE')));
            const rounds = batches.map(batch => (batch.batchParts ?? []).map(part => `${part.method} ${part.node}`).sort());
            expect(rounds[0]).toEqual(nodes.map(node => `PUT ${node}`).sort());
            // Later rounds poll the two slow healthy nodes only, then close their sessions.
            expect(rounds.slice(1, -1).every(round => round.every(part => part.startsWith('GET ')) && !round.includes(`GET ${offline}`)))
                .toBe(true);
            expect(rounds.length).toBeGreaterThanOrEqual(3);
            expect(rounds[rounds.length - 1]).toEqual(healthy.map(node => `DELETE ${node}`).sort());
            expect(batches.every(batch => (batch.batchParts ?? []).every(part => part.path.startsWith('/api/nodes/')))).toBe(true);
        });
    });
});
