/**
 * Secrets travel in one request. The SDK's own client (PowerShellConnection -> PowerShell -> NodeConnection ->
 * GatewayConnection -> Http, jsdom XHR) against the gateway emulator, told to refuse a command the ways a WAC
 * gateway refuses a user: 401 or 403 (the SDK asks for credentials, then repeats the request) and 400 naming a JEA
 * endpoint (the SDK sends the command again to it). First what SDK 5.0.0 does alone, so that an upgrade that
 * changes it shows up here; then the provisioning call through the product's EflowDeployService, which must reach the
 * gateway exactly once and fail with a GatewayError the wizard shows, whatever the SDK would do.
 */
import { PowerShellService } from '@microsoft/windows-admin-center-sdk/angular';
import { PowerShell } from '@microsoft/windows-admin-center-sdk/core/data/powershell';
import type { AuthorizationCredentials } from '@microsoft/windows-admin-center-sdk/core/security/authorization-manager';
import { asyncScheduler, firstValueFrom, lastValueFrom, Observable, timer } from 'rxjs';
import { map } from 'rxjs/operators';
import { EflowDeployService } from '../../src/app/core/gateway/eflow-deploy.service';
import { GatewayError } from '../../src/app/core/gateway/gateway-error';
import { GatewaySessionPool } from '../../src/app/core/gateway/gateway-session-pool';
import { PowerShellRunner } from '../../src/app/core/gateway/powershell-runner';
import { createScriptCommand } from '../../src/app/core/gateway/script-command';
import { SecretCommandGuard } from '../../src/app/core/gateway/secret-command-guard';
import { useEmulatorClient } from './harness/emulator-client';
import type { CommandRefusalRequest } from '../../tools/gateway/command-refusals';
import { lastRequestSeq, LoggedRequest, requestsSince, setRefusal } from './harness/sim-control';

const SECRET_KEY = 'c2VjcmV0LWtleS0xMjM0NTY3OA==';
const CONNECTION_STRING = `HostName=hub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=${SECRET_KEY}`;
const JEA_ENDPOINT = 'http://schemas.microsoft.com/powershell/EflowManagerJea';

/**
 * The ways the gateway refuses, and what the SDK alone then does: how many times it sends the command, how many
 * times it asks for credentials. A refusal used up once lets the resend run; a sticky one refuses every send.
 */
const REFUSALS: ReadonlyArray<[string, Omit<CommandRefusalRequest, 'command'>, number, number]> = [
    ['401: credentials asked, request repeated', { status: 401 }, 2, 1],
    ['403 Unauthorized: credentials asked, request repeated', { status: 403 }, 2, 1],
    ['400 naming a JEA endpoint: command sent to it', { status: 400, jeaEndpoint: JEA_ENDPOINT }, 2, 0],
    // Repeated after the credentials, sent to the JEA endpoint, and that request repeated after credentials again.
    ['401 naming a JEA endpoint, every time', { status: 401, jeaEndpoint: JEA_ENDPOINT, mode: 'sticky' }, 4, 2]
];

/** The shell's credential prompt as the client sees it: an answer that comes later (here LAPS, no password to encrypt). */
let prompts = 0;
function credentialPrompt(): Observable<AuthorizationCredentials> {
    prompts++;
    return timer(20).pipe(map(() => ({ username: '', password: '', useLaps: true })));
}

/** The requests since `since` that start `command` (a create-and-run PUT or an invoke POST). */
async function startsOf(baseUrl: string, since: number, command: string): Promise<LoggedRequest[]> {
    return (await requestsSince(baseUrl, since)).filter(entry => entry.command === command && entry.method !== 'OPTIONS');
}

describe('a command that carries secrets, refused by the gateway', () => {
    const context = useEmulatorClient('1.0.0', credentialPrompt);

    beforeEach(() => {
        prompts = 0;
    });

    afterEach(async () => {
        await setRefusal(context.emulator.url, context.node, null);
    });

    describe('the SDK alone (what the guard is for)', () => {
        it.each(REFUSALS)('sends the same command again: %s', async (_name, refusal, sends, asked) => {
            const since = await lastRequestSeq(context.emulator.url);
            await setRefusal(context.emulator.url, context.node, { command: 'Set-ContractSecret', ...refusal });
            const session = context.client.powerShell.createSession(context.node, `sdk-alone-${refusal.status}-${sends}`);
            const command = PowerShell.createCommand({ command: 'Set-ContractSecret', script: "param([string]$Key)\n'done'\n" },
                { Key: SECRET_KEY });

            await firstValueFrom(context.client.powerShell.run(session, command)).catch((failure: unknown) => failure);
            session.dispose();

            const starts = await startsOf(context.emulator.url, since, 'Set-ContractSecret');
            expect(starts).toHaveLength(sends);
            expect(starts[0].status).toBe(refusal.status);
            expect(starts.every(entry => entry.path.includes(`sdk-alone-${refusal.status}-${sends}-newSession`))).toBe(true);
            expect(prompts).toBe(asked);
        }, 60_000);
    });

    describe('the provisioning call through EflowDeployService', () => {
        let guard: SecretCommandGuard;
        let pool: GatewaySessionPool;
        let service: EflowDeployService;

        beforeEach(() => {
            // The SDK's PowerShellConnection is what the Angular PowerShellService extends, unchanged.
            const powerShell = context.client.powerShell as unknown as PowerShellService;
            guard = new SecretCommandGuard();
            pool = new GatewaySessionPool(powerShell, asyncScheduler);
            service = new EflowDeployService(new PowerShellRunner(powerShell, pool, asyncScheduler, guard));
        });

        afterEach(() => {
            pool.ngOnDestroy();
            guard.ngOnDestroy();
        });

        it.each(REFUSALS)('is sent once and fails as unauthorized: %s', async (_name, refusal) => {
            const since = await lastRequestSeq(context.emulator.url);
            await setRefusal(context.emulator.url, context.node, { command: 'Set-EflowVmProvisioning', ...refusal });

            const failure = await lastValueFrom(service.setVmProvisioning(context.node,
                { ProvisioningType: 'ManualConnectionString', DevConnString: CONNECTION_STRING })).then(
                () => { throw new Error('The provisioning call should have failed.'); },
                (error: unknown) => error);

            const starts = await startsOf(context.emulator.url, since, 'Set-EflowVmProvisioning');
            expect(starts.map(entry => [entry.method, entry.status])).toEqual([['PUT', refusal.status]]);
            expect(failure).toBeInstanceOf(GatewayError);
            expect(failure).toMatchObject({ kind: 'unauthorized', status: refusal.status });
            expect((failure as GatewayError).message).toMatch(
                /^The gateway refused Set-EflowVmProvisioning: .+ It carries secrets, so it is not sent again automatically; retry once the cause is fixed\.$/);
            expect((failure as GatewayError).message).not.toContain(SECRET_KEY);
            // Credentials are still asked where the SDK asks (the admin's retry then uses them); only the resend is stopped.
            expect(prompts).toBe(refusal.status === 400 ? 0 : 1);
            expect(guard.watchCount).toBe(0);
        }, 60_000);

        it('is sent once and succeeds when the gateway takes it, a second run after a refusal included', async () => {
            const since = await lastRequestSeq(context.emulator.url);
            await setRefusal(context.emulator.url, context.node, { command: 'Set-EflowVmProvisioning', status: 401 });
            const parameters = { ProvisioningType: 'ManualConnectionString', DevConnString: CONNECTION_STRING };

            const refused = await lastValueFrom(service.setVmProvisioning(context.node, parameters)).catch((error: unknown) => error);
            // The admin's retry is a run of its own: sent once more, then it runs on the host (refusal used up).
            const retried = await lastValueFrom(service.setVmProvisioning(context.node, parameters)).catch((error: unknown) => error);

            expect(refused).toMatchObject({ kind: 'unauthorized' });
            const starts = await startsOf(context.emulator.url, since, 'Set-EflowVmProvisioning');
            expect(starts.map(entry => entry.status)).toEqual([401, expect.any(Number)]);
            expect(starts[1].status).not.toBe(401);
            // Whatever the simulated host said, it answered the retried call itself, not the guard.
            expect(retried instanceof GatewayError ? retried.message : '').not.toContain('It carries secrets');
        }, 60_000);
    });

    it('leaves commands without secrets to the SDK as they are', async () => {
        const since = await lastRequestSeq(context.emulator.url);
        await setRefusal(context.emulator.url, context.node, { command: 'Get-ContractPlain', status: 401 });
        const session = context.client.powerShell.createSession(context.node, 'plain');
        const guard = new SecretCommandGuard();
        const secret = guard.watch(createScriptCommand({ command: 'Set-Other', script: "'x'\n" }, { Key: SECRET_KEY }), 'Set-Other');
        try {
            const result = await firstValueFrom(context.client.powerShell.run(session,
                createScriptCommand({ command: 'Get-ContractPlain', script: "'plain'\n" }))) as { results: unknown[] };
            expect(result.results).toEqual(['plain']);
        } finally {
            secret.end();
            session.dispose();
        }
        expect((await startsOf(context.emulator.url, since, 'Get-ContractPlain')).map(entry => entry.status)).toEqual([401, 200]);
    }, 60_000);
});
