import { aHealthyOverview } from '../../testing/host-overview.fixtures';
import { FakePowerShellService } from '../../testing/fake-powershell-service';
import { initSdkModule } from '../../testing/sdk-test-environment';
import { VirtualTime } from '../../testing/virtual-time';
import { HostOverviewPayload } from '../models/host-overview';
import { EflowHostService, OVERVIEW_TIMEOUT_MS } from './eflow-host.service';
import { GatewayError } from './gateway-error';
import { GatewaySessionPool } from './gateway-session-pool';
import { PowerShellRunner } from './powershell-runner';

describe('EflowHostService', () => {
    let sdk: FakePowerShellService;
    let time: VirtualTime;
    let service: EflowHostService;
    let received: HostOverviewPayload[];
    let failure: GatewayError | null;

    beforeEach(() => {
        initSdkModule();
        sdk = new FakePowerShellService();
        time = new VirtualTime();
        service = new EflowHostService(
            new PowerShellRunner(sdk.asService(), new GatewaySessionPool(sdk.asService(), time.scheduler), time.scheduler));
        received = [];
        failure = null;
        service.getOverview('host1').subscribe({
            next: overview => received.push(overview),
            error: (error: unknown) => {
                failure = error as GatewayError;
            }
        });
    });

    it('runs Get-EflowHostOverview on the node without parameters', () => {
        expect(sdk.lastCommand.session.nodeName).toBe('host1');
        expect(sdk.lastCommand.command.command).toBe('Get-EflowHostOverview');
        expect(sdk.lastCommand.command.parameters).toEqual({});
    });

    it('emits the parsed overview', () => {
        sdk.lastCommand.finish({ results: [JSON.parse(JSON.stringify(aHealthyOverview()))] });
        expect(received).toEqual([aHealthyOverview()]);
    });

    it('fails with invalid-response, naming the field, when the output breaks the contract', () => {
        const broken = JSON.parse(JSON.stringify(aHealthyOverview()));
        broken.eflow.vm.powerState = 1;
        sdk.lastCommand.finish({ results: [broken] });
        expect(failure).toMatchObject({ kind: 'invalid-response', code: 'ContractViolation', message: 'eflow.vm.powerState: expected a string, got number' });
    });

    it('fails with invalid-response when the script returns no object or several', () => {
        sdk.lastCommand.finish({ results: [] });
        expect(failure).toMatchObject({ kind: 'invalid-response', code: 'UnexpectedResultCount' });
    });

    it('refuses the stub script\'s output, which has no fields but schemaVersion', () => {
        sdk.lastCommand.finish({ results: [{ schemaVersion: 2 }] });
        expect(failure?.kind).toBe('invalid-response');
        expect(failure?.message).toBe('collectedAt: expected a string, got nothing (the field is missing)');
    });

    it('gives up after its time limit', () => {
        time.advance(OVERVIEW_TIMEOUT_MS);
        expect(failure?.kind).toBe('timeout');
    });
});
