/**
 * The SDK's own PowerShell client (PowerShellConnection -> PowerShell -> NodeConnection -> GatewayConnection, rxjs
 * ajax over jsdom's CORS-enforcing XHR) against the gateway emulator with real PowerShell and the simulator, in
 * both URL families.
 */
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Net } from '@microsoft/windows-admin-center-sdk/core/data/net';
import { PowerShell } from '@microsoft/windows-admin-center-sdk/core/data/powershell';
import { useEmulatorClient } from './harness/emulator-client';
import { GatewayApiVersion, mockModuleEnvironment } from './harness/sdk-client';
import { LoggedRequest, lastRequestSeq, requestsSince } from './harness/sim-control';

/** What the client hands out for one PowerShell answer (or the merge of several). */
interface RunData {
    sessionId: string;
    completed: string;
    results: unknown[];
    errors: { errorType: string; message: string }[];
}

/** Waits (polling the request log) until `predicate` matches a logged request; fails after `attempts` tries. */
async function waitForLoggedRequest(
    baseUrl: string, since: number, predicate: (entry: LoggedRequest) => boolean, attempts = 50): Promise<LoggedRequest> {
    for (let attempt = 0; attempt < attempts; attempt++) {
        const found = (await requestsSince(baseUrl, since)).find(predicate);
        if (found) {
            return found;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error('The expected request never reached the emulator.');
}

/** A script that writes output, keeps running past the gateway's initial wait, then writes more. */
const TWO_PHASE_SCRIPT = `'first'
$deadline = [DateTime]::UtcNow.AddMilliseconds(2500)
while ([DateTime]::UtcNow -lt $deadline) { [System.Threading.Thread]::Sleep(50) }
'second'
`;

describe('SDK PowerShell client against the gateway emulator', () => {
    const context = useEmulatorClient();

    describe.each<[GatewayApiVersion, string]>([
        ['1.0.0', 'legacy'],
        ['2.0.0', 'v2']
    ])('gatewayApiVersion %s (%s URLs)', (gatewayApiVersion, family) => {
        beforeEach(() => mockModuleEnvironment(gatewayApiVersion));

        it('runs two commands in a keyed session, passing parameters through the cvt wrapper, then deletes it', async () => {
            const since = await lastRequestSeq(context.emulator.url);
            const session = context.client.powerShell.createSession(context.node, `contract-${family}`);
            const greet = PowerShell.createCommand({
                command: 'Get-Greeting',
                script: 'param([string]$Name, [int]$Count)\n[pscustomobject]@{ greeting = "hello $Name"; count = $Count + 1 }\n'
            }, { Name: "it's me", Count: 41 });

            const first = await firstValueFrom(context.client.powerShell.run(session, greet)) as RunData;
            const second = await firstValueFrom(context.client.powerShell.run(session, greet)) as RunData;
            session.dispose();

            expect(first).toMatchObject({ completed: 'True', results: [{ greeting: "hello it's me", count: 42 }], errors: [] });
            expect(second.sessionId).toBe(first.sessionId);
            // dispose() deletes the session fire-and-forget: wait until the DELETE has arrived.
            await waitForLoggedRequest(context.emulator.url, since,
                entry => entry.method === 'DELETE' && entry.path.includes(first.sessionId));
            const sent = (await requestsSince(context.emulator.url, since)).filter(entry => entry.method !== 'OPTIONS'
                && (entry.path.includes(`contract-${family}-newSession`) || entry.path.includes(first.sessionId)));
            expect(sent.map(entry => [entry.method, entry.family, entry.node, entry.status])).toEqual([
                ['PUT', family, context.node, 200], ['POST', family, context.node, 200], ['DELETE', family, context.node, 204]
            ]);
            expect(sent[1].path).toContain(`/pssessions/${first.sessionId}/invokeCommand`);
        });

        it('emits each chunk of a long run with partial: true, only new output in each', async () => {
            const command = PowerShell.createCommand({ command: 'Get-TwoPhases', script: TWO_PHASE_SCRIPT });

            const chunks = await lastValueFrom(
                context.client.powerShell.run(context.node, command, { partial: true }).pipe(toArray())) as RunData[];

            expect(chunks.length).toBeGreaterThanOrEqual(2);
            expect(chunks[0]).toMatchObject({ completed: 'False', results: ['first'] });
            expect(chunks[chunks.length - 1].completed).toBe('True');
            expect(chunks.flatMap(chunk => chunk.results)).toEqual(['first', 'second']);
        });

        it('merges the chunks of a long run into one result without partial', async () => {
            const command = PowerShell.createCommand({ command: 'Get-TwoPhases', script: TWO_PHASE_SCRIPT });

            const merged = await firstValueFrom(context.client.powerShell.run(context.node, command, {})) as RunData;

            expect(merged.results).toEqual(['first', 'second']);
        });

        it('returns Write-Error records in the errors channel of a normal emission', async () => {
            const command = PowerShell.createCommand({
                command: 'Get-WithWarning', script: "Write-Error '[DiskLow] only 2 GB free'\n'still answered'\n"
            });

            const result = await firstValueFrom(context.client.powerShell.run(context.node, command, {})) as RunData;

            expect(result.results).toEqual(['still answered']);
            expect(result.errors).toEqual([expect.objectContaining({
                errorType: 'WriteErrorException', message: '[DiskLow] only 2 GB free'
            })]);
        });

        it('turns a terminating error into an observable error whose message is the script\'s', async () => {
            const command = PowerShell.createCommand({ command: 'Get-Broken', script: "throw '[VmMissing] the VM is gone'\n" });

            const error = await firstValueFrom(context.client.powerShell.run(context.node, command, {})).then(
                () => { throw new Error('The run should have failed.'); },
                (failure: unknown) => failure);

            expect((error as { status: number }).status).toBe(400);
            expect(Net.getErrorMessage(error)).toBe('[VmMissing] the VM is gone');
        });

        it('cancels a running command: the run completes, the session stops it and takes the next command', async () => {
            const since = await lastRequestSeq(context.emulator.url);
            const session = context.client.powerShell.createSession(context.node, `cancel-${family}`);
            const endless = PowerShell.createCommand({
                command: 'Get-Endless', script: "'started'\nwhile ($true) { [System.Threading.Thread]::Sleep(100) }\n"
            });
            const next = PowerShell.createCommand({ command: 'Get-Next', script: "'after cancel'\n" });

            const emitted: RunData[] = [];
            await new Promise<void>((resolve, reject) => {
                context.client.powerShell.run(session, endless, { partial: true }).subscribe({
                    next: data => {
                        emitted.push(data as RunData);
                        if (emitted.length === 1) {
                            context.client.powerShell.cancel(session).subscribe();
                        }
                    },
                    error: reject,
                    complete: resolve
                });
            });
            const after = await firstValueFrom(context.client.powerShell.run(session, next, {})) as RunData;
            session.dispose();
            await waitForLoggedRequest(context.emulator.url, since,
                entry => entry.method === 'DELETE' && entry.path.includes(after.sessionId));

            expect(emitted[0]).toMatchObject({ completed: 'False', results: ['started'] });
            const cancel = (await requestsSince(context.emulator.url, since))
                .find(entry => entry.method === 'POST' && entry.path.includes(`${emitted[0].sessionId}/cancel`));
            expect(cancel).toMatchObject({ family, status: 200 });
            expect(after.sessionId).toBe(emitted[0].sessionId);
            expect(after).toMatchObject({ completed: 'True', results: ['after cancel'] });
        });
    });
});
