import { FakePowerShellService } from '../../testing/fake-powershell-service';
import { initSdkModule } from '../../testing/sdk-test-environment';
import { VirtualTime } from '../../testing/virtual-time';
import { INSTALL_PROGRESS, installOutput, verificationOutput } from '../models/testing/deploy-change-outputs';
import { prerequisitesOutput } from '../models/testing/deploy-read-outputs';
import { DEPLOY_TIMEOUTS_MS, EflowDeployService } from './eflow-deploy.service';
import { GatewayError } from './gateway-error';
import { GATEWAY_SESSION_KEY, GatewaySessionPool, HOST_CHANGE_SESSION_KEY } from './gateway-session-pool';
import { PowerShellRunner } from './powershell-runner';
import { SecretCommandGuard } from './secret-command-guard';
import { ScriptProgressEvent } from './script-progress-output';

describe('EflowDeployService', () => {
    let sdk: FakePowerShellService;
    let time: VirtualTime;
    let service: EflowDeployService;
    let guard: SecretCommandGuard;

    beforeEach(() => {
        initSdkModule();
        sdk = new FakePowerShellService();
        time = new VirtualTime();
        guard = new SecretCommandGuard();
        service = new EflowDeployService(
            new PowerShellRunner(sdk.asService(), new GatewaySessionPool(sdk.asService(), time.scheduler), time.scheduler, guard));
    });

    afterEach(() => guard.ngOnDestroy());

    it('reads the prerequisites in the shared session and emits them parsed', () => {
        const received: unknown[] = [];
        service.getPrerequisites('host1').subscribe(payload => received.push(payload.host.computerName));
        expect(sdk.lastCommand.command.command).toBe('Get-EflowDeploymentPrerequisites');
        expect(sdk.lastCommand.session.key).toBe(GATEWAY_SESSION_KEY);
        sdk.lastCommand.finish({ results: [prerequisitesOutput()] });
        expect(received).toEqual(['READY-TO-DEPLOY']);
    });

    it('asks the input checks only what is given', () => {
        service.testDeploymentInput('host1', { paths: ['C:\\certs\\a.pem'], ip4Address: '10.0.0.5' }).subscribe();
        expect(sdk.lastCommand.command.parameters).toEqual({ Path: ['C:\\certs\\a.pem'], Ip4Address: '10.0.0.5' });
        service.testDeploymentInput('host1', { msiPath: 'C:\\Installers\\a.msi' }).subscribe();
        expect(sdk.lastCommand.command.parameters).toEqual({ MsiPath: 'C:\\Installers\\a.msi' });
    });

    it('runs a change in the session for changes and relays its progress before the parsed result', () => {
        const events: ScriptProgressEvent<unknown>[] = [];
        service.installProduct('host1', { Channel: 'LTS', Architecture: 'x64' }).subscribe(event => events.push(event));
        const command = sdk.lastCommand;
        expect(command.session.key).toBe(HOST_CHANGE_SESSION_KEY);
        expect(command.command.parameters).toEqual({ Channel: 'LTS', Architecture: 'x64' });
        command.answer({ progress: INSTALL_PROGRESS.slice(0, 2).map(([activity, statusDescription]) => ({ activity, statusDescription, percentComplete: -1 })) });
        command.finish({ results: [installOutput()] });
        expect(events.map(e => e.type === 'progress' ? e.progress.activity : e.result)).toEqual([
            'Downloading the EFLOW installer', 'Web request status', expect.objectContaining({ status: 'installed' })
        ]);
    });

    it('passes the switch that restarts the host for Hyper-V', () => {
        service.enableHyperV('host1', true).subscribe();
        expect(sdk.lastCommand.command.script).toContain('-Restart:(cvt \'true\')');
    });

    it('fails with invalid-response naming the script and the field when a result breaks its contract', () => {
        let failure: GatewayError | null = null;
        service.testDeployment('host1').subscribe({ error: (error: GatewayError) => { failure = error; } });
        sdk.lastCommand.finish({ results: [{ ...verificationOutput(), verdict: 'fine' }] });
        expect(failure).toMatchObject({ kind: 'invalid-response', code: 'ContractViolation' });
        expect((failure as GatewayError | null)?.message).toMatch(/^verdict: expected one of/);
    });

    it('gives Deploy-Eflow its long time limit, not the default one', () => {
        let failure: GatewayError | null = null;
        service.newVirtualMachine('host1', { AcceptEula: 'Yes' }).subscribe({ error: (error: GatewayError) => { failure = error; } });
        time.advance(DEPLOY_TIMEOUTS_MS.virtualMachine - 1);
        expect(failure).toBeNull();
        time.advance(1);
        expect(failure).toMatchObject({ kind: 'timeout' });
    });

    it('sends the provisioning call, the one that may hold a secret, under the guard against resends, and no other', () => {
        service.setVmConfiguration('host1', { DnsServers: ['10.0.0.1'] }).subscribe();
        expect(guard.watchCount).toBe(0);
        service.setVmProvisioning('host1', { ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne0012AB34', RegistrationId: 'edge-01',
            SymmKey: 'c2VjcmV0LWtleS0xMjM0NTY3OA==' }).subscribe();
        expect(sdk.lastCommand.command.command).toBe('Set-EflowVmProvisioning');
        expect(sdk.lastCommand.session.key).toBe(HOST_CHANGE_SESSION_KEY);
        expect(guard.watchCount).toBe(1);
    });
});
