/**
 * An Azure VM host (the default fleet's azure-vm: the WindowsAzureGuestAgent service runs): New-EflowVirtualSwitch
 * refuses an External switch there, and where whether the host is one cannot be read, changing nothing; the
 * prerequisites name a size without nested virtualization, and an unreadable service list is unknown, never "no".
 */
import type { CallOutcome, JsonValue } from '../../../tools/pwsh-host/protocol';
import type { StandInCall } from '../../../tools/simulator/api';
import type { HostState } from '../../../tools/simulator/state/host-state';
import { describeDeployFailure } from '../../../src/app/deploy/domain/deploy-failure';
import { prerequisiteSummary } from '../../../src/app/deploy/domain/prerequisite-text';
import { textOf } from '../../../src/app/deploy/testing/rendered-text';
import { parseDeploymentPrerequisites } from '../../../src/app/core/models/deployment-prerequisites.parse';
import { changingCalls, failureCode, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';

const harness = useDeployHarness();
const EXTERNAL = { SwitchName: 'EFLOW-Ext', SwitchType: 'External', AdapterName: 'Ethernet' };
const SCM_DENIED = "Cannot open Service Control Manager on computer '.'. This operation might require other privileges.";

function switchesOf(host: string): HostState['windows']['vSwitches'] {
    return (harness.sim.getHostState(host) as unknown as HostState).windows.vSwitches;
}

/** Get-Service of the guest agent fails as it does without the rights to open the service manager. */
function guestAgentUnreadable(call: StandInCall): CallOutcome | null {
    if (call.command !== 'Get-Service' || !JSON.stringify(call.parameters).includes('WindowsAzureGuestAgent')) {
        return null;
    }
    return { ok: false, error: { message: SCM_DENIED, errorId: 'CouldNotGetService,Microsoft.PowerShell.Commands.GetServiceCommand',
        category: 'PermissionDenied', terminating: false } };
}

describe('New-EflowVirtualSwitch on an Azure VM', () => {
    it('refuses an External switch with a code the wizard explains, and changes nothing', async () => {
        const run = await harness.run('azure-vm', 'New-EflowVirtualSwitch', EXTERNAL);
        expect(failureCode(run)).toBe('ExternalSwitchOnAzureVm');
        expect(changingCalls(run)).toEqual([]);
        expect(switchesOf('azure-vm')).toEqual([]);
        const failure = describeDeployFailure('createSwitch', run.failure ?? '');
        expect(failure.recovery).toEqual({ kind: 'editSettings', page: 'network' });
        expect(textOf(failure.explanation)).toBe('This host is an Azure VM, which cannot use an External switch, so no switch was created. ' +
            'Choose the Default Switch (Windows client) or an Internal switch with a static address (Windows Server) on the Network page.');
    }, RUN_TIMEOUT_MS);

    it('creates the Internal switch and NAT an Azure VM deploys on', async () => {
        const run = await harness.run('azure-vm', 'New-EflowVirtualSwitch', { SwitchName: 'EFLOW-NAT', SwitchType: 'Internal',
            GatewayAddress: '172.22.0.1', PrefixLength: 24 });
        expect(outputOf(run)).toEqual(expect.objectContaining({ switchType: 'Internal', created: true, natName: 'EFLOW-NAT-NAT' }));
        expect(switchesOf('azure-vm').map(s => [s.name, s.type])).toEqual([['EFLOW-NAT', 'Internal']]);
    }, RUN_TIMEOUT_MS);

    it('refuses an External switch where whether the host is an Azure VM cannot be read, changing nothing', async () => {
        const run = await harness.run('ready-to-deploy', 'New-EflowVirtualSwitch', EXTERNAL, { answer: guestAgentUnreadable });
        expect(failureCode(run)).toBe('AzureVmUnknown');
        expect(run.failure).toContain(SCM_DENIED);
        expect(changingCalls(run)).toEqual([]);
        expect(describeDeployFailure('createSwitch', run.failure ?? '').recovery).toEqual({ kind: 'refreshFirst', editPage: 'network' });
        // The same host with the agent read as missing: the switch is created.
        expect(outputOf(await harness.run('ready-to-deploy', 'New-EflowVirtualSwitch', EXTERNAL))).toEqual(expect.objectContaining({ created: true }));
    }, RUN_TIMEOUT_MS);
});

describe('Get-EflowDeploymentPrerequisites and Azure VMs', () => {
    it('reads an unreadable service list as unknown, with the read error, not as "not Azure"', async () => {
        const run = await harness.run('ready-to-deploy', 'Get-EflowDeploymentPrerequisites', {}, { answer: guestAgentUnreadable });
        const report = parseDeploymentPrerequisites(outputOf(run));
        expect(report.host.isAzureVm).toBeNull();
        expect(report.errors).toContainEqual({ source: 'Get-Service WindowsAzureGuestAgent', code: 'AzureVmUnknown', message: SCM_DENIED });
        // The machine model says physical: that check stands; the Network page refuses a new External switch meanwhile.
        expect(report.checks.find(c => c.id === 'nested-virtualization')?.reason).toBe('physicalHost');
    }, RUN_TIMEOUT_MS);

    it('asks an Azure VM whose size has no nested virtualization to be resized', async () => {
        const read = async (className: string): Promise<JsonValue[]> => {
            const outcome = await harness.sim.call({ host: 'azure-vm', module: 'Windows', command: 'Get-CimInstance', parameters: { ClassName: className } },
                () => undefined, new AbortController().signal);
            return outcome.ok && Array.isArray(outcome.value) ? outcome.value : [];
        };
        // Without nested virtualization Hyper-V's hypervisor cannot start and the processor shows no extensions.
        const system = (await read('Win32_ComputerSystem')).map(item => ({ ...(item as object), HypervisorPresent: false }));
        const processor = (await read('Win32_Processor')).map(item => ({ ...(item as object), VirtualizationFirmwareEnabled: false }));
        const answer = (call: StandInCall): CallOutcome | null => {
            const className = call.command === 'Get-CimInstance' ? String(call.parameters['ClassName']) : '';
            return className === 'Win32_ComputerSystem' ? { ok: true, value: system }
                : className === 'Win32_Processor' ? { ok: true, value: processor } : null;
        };
        const report = parseDeploymentPrerequisites(outputOf(await harness.run('azure-vm', 'Get-EflowDeploymentPrerequisites', {}, { answer })));
        const check = report.checks.find(c => c.id === 'virtualization-firmware');
        expect(check).toEqual(expect.objectContaining({ status: 'fail', reason: 'virtualizationHiddenFromAzureVm' }));
        expect(check && textOf(prerequisiteSummary(check))).toBe('This Azure VM does not see virtualization extensions: its size offers no nested ' +
            'virtualization. Resize the VM to a size that supports nested virtualization (Azure documents the support per size), then check the host again.');
    }, RUN_TIMEOUT_MS);
});
