/**
 * Deploy-Eflow runs at most once per installation: New-EflowVirtualMachine refuses a host with a VM, with the
 * remains of an interrupted deployment, or while another session deploys, and never calls Deploy-Eflow then.
 */
import { detectResumePoint } from '../../../src/app/deploy/domain/resume-detection';
import type { StandInCall } from '../../../tools/simulator/api';
import { callsOf, changingCalls, useDeployHarness, failureCode, outputOf, RUN_TIMEOUT_MS, type DeployHarness, type ScriptRun } from './deploy-harness';
import { readState } from './deploy-flow';

const DEPLOY = { AcceptEula: 'Yes', AcceptOptionalTelemetry: 'No', CpuCount: 2, MemoryInMB: 2048 };

const harness = useDeployHarness();

/** Starts New-EflowVirtualMachine on `host` and holds it inside Deploy-Eflow (the lock held) until `finish`. */
async function holdAtDeployEflow(on: DeployHarness, host: string): Promise<{ finish(): Promise<ScriptRun> }> {
    let arrived!: () => void;
    const reachedDeploy = new Promise<void>(resolve => { arrived = resolve; });
    let release!: () => void;
    const held = new Promise<void>(resolve => { release = resolve; });
    const run = on.run(host, 'New-EflowVirtualMachine', DEPLOY, {
        beforeForward: async (call: StandInCall) => {
            if (call.command === 'Deploy-Eflow') {
                arrived();
                await held;
            }
        }
    });
    await reachedDeploy;
    return { finish: () => { release(); return run; } };
}

describe('New-EflowVirtualMachine', () => {
    it('deploys once and refuses the second time without calling Deploy-Eflow', async () => {
        const first = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
        expect(outputOf(first)).toEqual(expect.objectContaining({ status: 'deployed' }));
        expect(callsOf(first, 'Deploy-Eflow')).toHaveLength(1);
        const second = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
        expect(failureCode(second)).toBe('VmAlreadyExists');
        expect(callsOf(second, 'Deploy-Eflow')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('refuses a host whose VM was deployed outside the wizard', async () => {
        const run = await harness.run('edge-healthy', 'New-EflowVirtualMachine', DEPLOY);
        expect(failureCode(run)).toBe('VmAlreadyExists');
        expect(callsOf(run, 'Deploy-Eflow')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('refuses after an interrupted Deploy-Eflow left a VM disk, and the wizard blocks that host', async () => {
        harness.sim.setFaults('msi-installed', { vmCreationFailure: { step: 'instantiate', mode: 'once' } });
        const failed = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
        expect(failureCode(failed)).toBe('DeployEflowFailed');
        expect(failed.failure).toContain('Unable to create virtual machine');
        const state = await readState(harness, 'msi-installed');
        expect(state).toEqual(expect.objectContaining({ vmExists: false, vhdxPresent: true }));
        expect(detectResumePoint(state, null).blockers.map(b => b.code)).toEqual(['partialDeployment']);
        const retry = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
        expect(failureCode(retry)).toBe('PartialDeploymentFound');
        expect(callsOf(retry, 'Deploy-Eflow')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('finds the disk an interrupted Deploy-Eflow left in the VHDX folder chosen at install time (VHDXDIR)', async () => {
        const host = 'ready-to-deploy';
        const vhdxPath = 'D:\\EflowDisks';
        outputOf(await harness.run(host, 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64', VhdxPath: vhdxPath }));
        harness.sim.setFaults(host, { vmCreationFailure: { step: 'instantiate', mode: 'once' } });
        const failed = await harness.run(host, 'New-EflowVirtualMachine', { ...DEPLOY, VhdxPath: vhdxPath });
        expect(failureCode(failed)).toBe('DeployEflowFailed');
        // The disk is in D:\EflowDisks, not in the install folder.
        expect((await readState(harness, host)).vhdxPresent).toBe(false);
        expect(outputOf(await harness.run(host, 'Get-EflowDeploymentState', { VhdxPath: vhdxPath }))['vhdxPresent']).toBe(true);
        for (const retry of [await harness.run(host, 'New-EflowVirtualMachine', { ...DEPLOY, VhdxPath: vhdxPath }),
            await harness.runAsSent(host, 'New-EflowVirtualMachine', { ...DEPLOY, VhdxPath: vhdxPath })]) {
            expect(failureCode(retry)).toBe('PartialDeploymentFound');
            expect(retry.failure).toContain(vhdxPath);
            expect(callsOf(retry, 'Deploy-Eflow')).toEqual([]);
            expect(changingCalls(retry)).toEqual([]);
        }
    }, RUN_TIMEOUT_MS);

    it('gives Deploy-Eflow\'s own resource refusals their own codes; nothing is left, so a smaller VM can deploy', async () => {
        const cases: [string, string][] = [
            ['deployNotEnoughMemory', 'DeployNotEnoughMemory'], ['deployNotEnoughDisk', 'DeployNotEnoughDisk'], ['deployNotEnoughCpu', 'DeployNotEnoughCpu']
        ];
        for (const [fault, code] of cases) {
            harness.sim.reset();
            harness.sim.setFaults('msi-installed', { [fault]: 'once' });
            const refused = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
            expect({ fault, code: failureCode(refused), deployCalls: callsOf(refused, 'Deploy-Eflow').length })
                .toEqual({ fault, code, deployCalls: 1 });
            expect(refused.failure).toMatch(/Not enough (memory|disk space|CPU cores)/);
            const state = await readState(harness, 'msi-installed');
            expect({ fault, vmExists: state.vmExists, vhdxPresent: state.vhdxPresent }).toEqual({ fault, vmExists: false, vhdxPresent: false });
            expect(outputOf(await harness.run('msi-installed', 'New-EflowVirtualMachine', { ...DEPLOY, MemoryInMB: 1024, CpuCount: 1 })))
                .toEqual(expect.objectContaining({ status: 'deployed' }));
        }
    }, RUN_TIMEOUT_MS);

    it('holds a host-wide lock: a second session is refused while Deploy-Eflow runs, and the state says so', async () => {
        const deploying = await holdAtDeployEflow(harness, 'msi-installed');
        const second = await harness.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY);
        expect(failureCode(second)).toBe('DeploymentInProgress');
        expect(callsOf(second, 'Deploy-Eflow')).toEqual([]);
        const during = await readState(harness, 'msi-installed');
        expect(during.deploymentInProgress).toBe(true);
        expect(detectResumePoint(during, null).blockers.map(b => b.code)).toContain('deploymentRunning');
        expect(outputOf(await deploying.finish())).toEqual(expect.objectContaining({ status: 'deployed' }));
        expect((await readState(harness, 'msi-installed')).deploymentInProgress).toBe(false);
    }, RUN_TIMEOUT_MS);

    it('re-validates on the host and changes nothing when the input is bad', async () => {
        const cases: [Record<string, string | number>, string][] = [
            [{ ...DEPLOY, MemoryInMB: 2049 }, 'MemoryNotEven'],
            [{ ...DEPLOY, CpuCount: 9 }, 'CpuCountTooHigh'],
            [{ ...DEPLOY, MemoryInMB: 65536 }, 'NotEnoughMemory'],
            [{ ...DEPLOY, VmDiskSize: 40, VmDataSize: 10 }, 'DiskSizeConflict'],
            [{ ...DEPLOY, VswitchName: 'Nope', VswitchType: 'External' }, 'SwitchNotFound'],
            [{ ...DEPLOY, VswitchName: 'Default Switch', VswitchType: 'Internal' }, 'InternalSwitchNotSupported'],
            [{ ...DEPLOY, Ip4Address: '172.20.0.2', Ip4PrefixLength: 24, Ip4GatewayAddress: '172.20.0.1' }, 'StaticIpOnDefaultSwitch'],
            [{ ...DEPLOY, Ip4Address: '172.20.0.2', Ip4PrefixLength: 24 }, 'IncompleteStaticIp'],
            [{ ...DEPLOY, GpuPassthroughType: 'DirectDeviceAssignment', GpuName: 'NVIDIA Tesla T4', GpuCount: 1 }, 'GpuNotFound'],
            // The GPU page asks for the count with DDA (gpu-rules.ts), and so does the script.
            [{ ...DEPLOY, GpuPassthroughType: 'DirectDeviceAssignment', GpuName: 'NVIDIA Tesla T4' }, 'GpuCountRequired']
        ];
        for (const [parameters, code] of cases) {
            const run = await harness.run('msi-installed', 'New-EflowVirtualMachine', parameters);
            expect({ parameters, code: failureCode(run), deployCalls: callsOf(run, 'Deploy-Eflow').length })
                .toEqual({ parameters, code, deployCalls: 0 });
        }
        expect((await readState(harness, 'msi-installed')).vmExists).toBe(false);
    }, RUN_TIMEOUT_MS);

    it('rejects out-of-range values in parameter binding, before any cmdlet runs', async () => {
        for (const parameters of [{ ...DEPLOY, MemoryInMB: 1022 }, { ...DEPLOY, VmDiskSize: 20 }, { ...DEPLOY, VmDataSize: 2001 },
            { ...DEPLOY, AcceptEula: 'No' }, { ...DEPLOY, Ip4PrefixLength: 31 }]) {
            const run = await harness.run('msi-installed', 'New-EflowVirtualMachine', parameters);
            expect({ parameters, failed: run.failure !== null, calls: run.calls.length }).toEqual({ parameters, failed: true, calls: 0 });
        }
    }, RUN_TIMEOUT_MS);
});

describe('the deployment lock', () => {
    // A second fleet in a second PowerShell host process: what another emulator, or another test suite, on this box is.
    const otherFleet = useDeployHarness();

    it('belongs to the machine: the same host in another fleet is neither locked nor refused while this one deploys', async () => {
        const deploying = await holdAtDeployEflow(harness, 'msi-installed');
        expect((await readState(otherFleet, 'msi-installed')).deploymentInProgress).toBe(false);
        expect(outputOf(await otherFleet.run('msi-installed', 'New-EflowVirtualMachine', DEPLOY))).toEqual(expect.objectContaining({ status: 'deployed' }));
        expect((await readState(harness, 'msi-installed')).deploymentInProgress).toBe(true);
        expect(outputOf(await deploying.finish())).toEqual(expect.objectContaining({ status: 'deployed' }));
    }, RUN_TIMEOUT_MS);
});
