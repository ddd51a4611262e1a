/**
 * The overview script (Get-EflowHostOverview.ps1) run in PowerShell 7 against every simulated host: its output
 * must describe exactly the simulator's state, in the shape of src/app/core/models/host-overview.ts, and
 * reading must change nothing.
 */
import type { JsonValue } from '../../tools/pwsh-host/protocol';
import { eflowThrow } from '../../tools/simulator/runtime/outcome';
import type { StandInCall } from '../../tools/simulator/api';
import { runShell } from '../../tools/simulator/vm-shell/shell';
import type { HostState } from '../../tools/simulator/state/host-state';
import { parseHostOverview } from '../../src/app/core/models/host-overview.parse';
import { deployEntryFor } from '../../src/app/overview/view-model/deploy-entry';
import { buildOverviewViewModel, type OverviewViewModel } from '../../src/app/overview/view-model/overview-view-model';
import { INITIAL_OVERVIEW_STATE } from '../../src/app/overview/store/overview-state';
import { singleOutput, startScriptHarness, stateWithoutHistory, type ScriptHarness } from './harness';

const SCRIPT = 'overview/Get-EflowHostOverview.ps1';

type Json = { [key: string]: JsonValue };

let harness: ScriptHarness;

beforeAll(async () => {
    harness = await startScriptHarness();
});

afterAll(async () => {
    await harness.close();
});

function stateOf(host: string): HostState {
    return harness.simulator.getHostState(host) as unknown as HostState;
}

async function overviewOf(host: string): Promise<Json> {
    return singleOutput(await harness.run(SCRIPT, host));
}

const obj = (value: JsonValue | undefined): Json => {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
        throw new Error(`expected an object, got ${JSON.stringify(value)}`);
    }
    return value;
};

/** The dashboard's view model for a script output, as the overview page builds it. */
function dashboardOf(overview: Json): OverviewViewModel {
    const data = parseHostOverview(overview);
    return buildOverviewViewModel({ ...INITIAL_OVERVIEW_STATE, node: 'host', data, lastUpdated: Date.now() }, Date.now());
}

/** The overview reports the simulated Hyper-V feature state as Windows names it. */
const expectedHyperV = (state: HostState['windows']['hyperV']): string => state;

describe('Get-EflowHostOverview.ps1 against the default fleet', () => {
    const hosts = [
        'hyperv-disabled', 'win10-home', 'ready-to-deploy', 'msi-installed', 'deploy-partial', 'edge-healthy', 'edge-unprovisioned',
        'edge-stopped', 'module-failing', 'vm-disk-full', 'host-disk-full', 'eflow-14-lts', 'cert-expiring',
        'offline-kiosk', 'slow-link', 'vm-ip-broken', 'arm64-cr', 'srv2022-dps', 'srv2019-new', 'azure-vm'
    ];

    it('covers every host of the default fleet', () => {
        expect(harness.simulator.listHosts().map(h => h.name).sort()).toEqual([...hosts].sort());
    });

    it.each(hosts)('%s: returns one object that passes the dashboard contract and matches the host facts', async host => {
        const overview = await overviewOf(host);
        // Throws a ContractViolation naming the field when the script's output drifts from the contract.
        expect(() => parseHostOverview(overview)).not.toThrow();
        const state = stateOf(host);
        const facts = obj(overview['host']);
        expect(facts).toMatchObject({
            computerName: state.windows.computerName,
            osCaption: state.windows.caption,
            productType: state.windows.productType,
            buildNumber: state.windows.build,
            ubr: state.windows.ubr,
            architecture: state.windows.architecture,
            logicalProcessors: state.windows.logicalProcessors,
            totalMemoryMB: state.windows.totalMemoryMb,
            freeMemoryMB: state.windows.freeMemoryMb,
            isVirtualMachine: state.windows.isVirtualMachine
        });
        expect(obj(facts['systemDrive'])).toEqual({
            name: state.windows.systemDrive.letter,
            totalGB: state.windows.systemDrive.sizeGb,
            freeGB: state.windows.systemDrive.freeGb
        });
        expect(obj(facts['hyperV'])).toEqual({
            featureState: expectedHyperV(state.windows.hyperV),
            hypervisorPresent: state.windows.hypervisorPresent
        });
    });

    it.each(hosts)('%s: reading changes nothing on the host', async host => {
        const before = stateWithoutHistory(harness.simulator, host);
        await overviewOf(host);
        expect(stateWithoutHistory(harness.simulator, host)).toEqual(before);
    });

    it('reports no EFLOW installation where the product is not installed', async () => {
        for (const host of ['hyperv-disabled', 'win10-home', 'ready-to-deploy', 'srv2019-new', 'azure-vm']) {
            const overview = await overviewOf(host);
            expect(overview['eflow']).toBeNull();
            expect(overview['errors']).toEqual([]);
        }
    });

    it('reports the installed product, its services and no VM when Deploy-Eflow never ran', async () => {
        const state = stateOf('msi-installed');
        const eflow = obj((await overviewOf('msi-installed'))['eflow']);
        expect(eflow).toMatchObject({
            productName: state.eflow?.productName,
            version: state.eflow?.version,
            installDate: state.eflow?.installDate.slice(0, 10),
            services: { wssdAgent: state.eflow?.wssdAgent, eflowProxy: state.eflow?.eflowProxy },
            vmExists: false,
            vm: null
        });
    });

    it('reports no deployment running and no VM disk on a host where Deploy-Eflow never ran: the dashboard continues', async () => {
        const overview = await overviewOf('msi-installed');
        expect(overview['deploymentInProgress']).toBe(false);
        expect(obj(overview['eflow'])['vhdxPresent']).toBe(false);
        const dashboard = dashboardOf(overview);
        expect(dashboard.view).toBe('installed');
        expect(deployEntryFor(dashboard)).toBe('continue');
    });

    it('reports the VM disk a failed Deploy-Eflow left (deploy-partial): a partial deployment, no Deploy-Eflow offered', async () => {
        const overview = await overviewOf('deploy-partial');
        expect(overview['deploymentInProgress']).toBe(false);
        expect(obj(overview['eflow'])).toMatchObject({ vmExists: false, vhdxPresent: true, vm: null });
        expect(overview['errors']).toEqual([]);
        const dashboard = dashboardOf(overview);
        expect(dashboard.view).toBe('partial-deployment');
        expect(dashboard.details?.commands).toEqual([]);
        expect(deployEntryFor(dashboard)).toBe('partial');
    });

    it('reports the VM disk of a live VM too (edge-healthy), and no deployment running', async () => {
        const overview = await overviewOf('edge-healthy');
        expect(overview['deploymentInProgress']).toBe(false);
        expect(obj(overview['eflow'])['vhdxPresent']).toBe(true);
    });

    it('reports a deployment running in another session (the host-wide lock held): the dashboard shows its progress', async () => {
        let arrived!: () => void;
        const reachedDeploy = new Promise<void>(resolve => { arrived = resolve; });
        let release!: () => void;
        const held = new Promise<void>(resolve => { release = resolve; });
        const deploying = harness.run('deploy/New-EflowVirtualMachine.ps1', 'msi-installed',
            { AcceptEula: 'Yes', AcceptOptionalTelemetry: 'No', CpuCount: 2, MemoryInMB: 2048 }, {
                beforeForward: async (call: StandInCall) => {
                    if (call.command === 'Deploy-Eflow') {
                        arrived();
                        await held;
                    }
                }
            });
        try {
            await reachedDeploy;
            const overview = await overviewOf('msi-installed');
            expect(overview['deploymentInProgress']).toBe(true);
            const dashboard = dashboardOf(overview);
            expect(dashboard.view).toBe('deployment-in-progress');
            expect(dashboard.details?.commands).toEqual([]);
            expect(deployEntryFor(dashboard)).toBe('progress');
        } finally {
            release();
            await deploying;
            harness.resetSimulator();
        }
        expect((await overviewOf('msi-installed'))['deploymentInProgress']).toBe(false);
    });

    it('tells a Windows edition without Hyper-V (win10-home) to upgrade instead of offering to prepare it', async () => {
        const dashboard = dashboardOf(await overviewOf('win10-home'));
        expect(dashboard.view).toBe('not-ready');
        expect(deployEntryFor(dashboard)).toBe('edition');
        expect(deployEntryFor(dashboardOf(await overviewOf('hyperv-disabled')))).toBe('prepare');
    });

    it.each([
        ['Import-Module', 'Import-Module AzureEFLOW', 'EflowModuleUnavailable'],
        ['Verify-EflowVm', 'Verify-EflowVm', 'EflowVmUnverifiable']
    ])('reports the VM as unknown, never absent, when %s fails, and the dashboard offers no deployment', async (failing, source, code) => {
        const message = "The 'Verify-EflowVm' command was found in the module 'AzureEFLOW', but the module could not be loaded.";
        const run = await harness.run(SCRIPT, 'edge-healthy', {}, { answer: call => call.command === failing ? eflowThrow(message) : null });
        const overview = singleOutput(run);
        const eflow = obj(overview['eflow']);
        expect(eflow).toMatchObject({ version: stateOf('edge-healthy').eflow?.version, vmExists: null, vm: null });
        expect(overview['errors']).toContainEqual({ source, code, message });
        const dashboard = dashboardOf(overview);
        expect(dashboard.details?.installState).toBe('vm-unknown');
        expect(dashboard.view).toBe('vm-unknown');
        expect(dashboard.details?.presenceErrors).toEqual([{ source, code, message }]);
        expect(dashboard.details?.commands).toEqual([]);
        expect(deployEntryFor(dashboard)).toBeNull();
    });

    it('reports a Hyper-V state it could not read as Unknown with the error, and the dashboard still offers the deployment', async () => {
        const message = 'The requested operation requires elevation.';
        harness.simulator.setFaults('ready-to-deploy', { hyperVReadFailure: message });
        try {
            const overview = await overviewOf('ready-to-deploy');
            expect(obj(obj(overview['host'])['hyperV'])['featureState']).toBe('Unknown');
            expect(overview['errors']).toEqual([{ source: 'Hyper-V feature', code: 'HyperVStateUnreadable', message }]);
            const dashboard = dashboardOf(overview);
            expect(dashboard.view).toBe('not-installed');
            expect(dashboard.details?.readiness.find(check => check.id === 'hyperV')).toEqual(expect.objectContaining({ outcome: 'warn', reason: 'hyperVUnknown' }));
        } finally {
            harness.simulator.setFaults('ready-to-deploy', { hyperVReadFailure: null });
        }
    });

    it('tells a VM that exists (vmExists true) from one that does not (false)', async () => {
        expect(obj((await overviewOf('edge-healthy'))['eflow'])['vmExists']).toBe(true);
        expect(obj((await overviewOf('edge-stopped'))['eflow'])['vmExists']).toBe(true);
        expect(obj((await overviewOf('msi-installed'))['eflow'])['vmExists']).toBe(false);
    });

    it('describes a healthy provisioned VM: power, size, runtime, modules, endpoints and provisioning source', async () => {
        const state = stateOf('edge-healthy');
        const vm = obj(obj((await overviewOf('edge-healthy'))['eflow'])['vm']);
        const stateVm = state.vm;
        if (!stateVm) throw new Error('edge-healthy has no VM');
        expect(vm).toMatchObject({
            name: stateVm.name,
            powerState: 'Running',
            cpuCount: stateVm.cpuCount,
            memoryMB: stateVm.memoryMb,
            runtime: {
                iotEdgeVersion: stateVm.runtime.iotEdgeVersion,
                mobyEngineVersion: stateVm.runtime.mobyEngineVersion,
                mobyCliVersion: stateVm.runtime.mobyCliVersion
            },
            provisioning: { state: 'Provisioned', source: 'manual' }
        });
        const listed = (vm['iotedgeList'] as string[]).slice(1).map(line => line.split(/\s+/)[0]).sort();
        expect(listed).toEqual(stateVm.modules.map(m => m.name).sort());
        expect((vm['systemStatus'] as string[])[0]).toBe('System services:');
        expect(vm['endpoints']).toEqual(stateVm.endpoints.map(e => ({
            name: e.name, macAddress: e.macAddress, healthStatus: 'currentState:OK previousState:OK',
            ipAddress: e.ipAddress, prefixLength: e.prefixLength, gateway: e.gateway,
            allocationMethod: e.allocationMethod, subnet: e.switchName
        })));
        expect((vm['networks'] as Json[]).map(n => n['name'])).toEqual(stateVm.networks.map(n => n.name));
    });

    it('tells DPS provisioning apart from manual provisioning', async () => {
        const vm = obj(obj((await overviewOf('srv2022-dps'))['eflow'])['vm']);
        expect(vm['provisioning']).toEqual({ state: 'Provisioned', source: 'dps' });
    });

    it('reports a running VM that has not been provisioned', async () => {
        const vm = obj(obj((await overviewOf('edge-unprovisioned'))['eflow'])['vm']);
        expect(vm['provisioning']).toEqual({ state: 'NotProvisioned', source: null });
    });

    it('still reads the runtime when Get-EflowVm fails on a running VM (IoT Edge not running), learning from Get-EflowVmAddr that it runs', async () => {
        const run = await harness.run(SCRIPT, 'edge-unprovisioned');
        const overview = singleOutput(run);
        expect(overview['errors']).toEqual([
            { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: "Unexpected return from 'sudo iotedge list'" }
        ]);
        const vm = obj(obj(overview['eflow'])['vm']);
        expect(vm).toMatchObject({ powerState: 'Running', runtime: null, stats: null, provisioning: { state: 'NotProvisioned', source: null } });
        expect((vm['systemStatus'] as string[]).slice(0, 2)).toEqual(['System services:', '    aziot-edged             Ready']);
        expect(vm['iotedgeList']).toEqual(expect.arrayContaining([expect.stringMatching(/Could not list modules/)]));
        const commands = run.calls.map(c => c.command);
        expect(commands.filter(c => c === 'Get-EflowVmAddr')).toHaveLength(1);
        expect(commands.filter(c => c === 'Invoke-EflowVmCommand')).toHaveLength(1);
        // The dashboard: the runtime and the way to provision, not "VM state unknown".
        const dashboard = dashboardOf(overview);
        expect(dashboard.view).toBe('dashboard');
        expect(dashboard.details?.powerState).toBe('running');
        expect(dashboard.details?.systemServices?.map(service => service.state)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);
        expect(deployEntryFor(dashboard)).toBe('provision');
    });

    it('shows the runtime alerts of a provisioned VM whose IoT Edge daemon is down, although Get-EflowVm fails', async () => {
        // edge-healthy with aziot-edged failed: Get-EflowVm fails as documented, the VM shell answers from that state.
        const broken = harness.simulator.getHostState('edge-healthy') as unknown as HostState;
        const brokenVm = broken.vm;
        if (!brokenVm) throw new Error('edge-healthy has no VM');
        brokenVm.aziotServices = brokenVm.aziotServices.map(service =>
            service.name === 'aziot-edged' ? { ...service, state: 'Down', reason: 'failed' } : service);
        const run = await harness.run(SCRIPT, 'edge-healthy', {}, {
            answer: call => {
                if (call.command === 'Get-EflowVm') return eflowThrow("Unexpected return from 'sudo iotedge list'");
                if (call.command !== 'Invoke-EflowVmCommand') return null;
                const shell = runShell(String(call.parameters['command']), { host: broken, vm: brokenVm, now: new Date(), changed: () => undefined });
                return { ok: true, value: shell.merged ?? [...shell.stdout, ...shell.stderr] };
            }
        });
        const dashboard = dashboardOf(singleOutput(run));
        expect(dashboard.details?.powerState).toBe('running');
        expect(dashboard.details?.data.eflow?.vm?.provisioning).toEqual({ state: 'Provisioned', source: 'manual' });
        // The failed service's journal lines (iotedge system status) are not taken for services.
        expect(dashboard.details?.systemServices).toHaveLength(5);
        const alerts = dashboard.details?.alerts.map(alert => `${alert.kind}:${alert.severity}`);
        expect(alerts).toEqual(expect.arrayContaining(['runtimeServiceDown:critical', 'edgeAgentMissing:warning', 'vmDetailsWhileEdgeDown:info']));
        // Get-EflowVm's documented failure is explained, not reported as a failed read.
        expect(alerts).not.toContain('sectionError:warning');
    });

    it('leaves the power state unknown and skips the runtime when neither Get-EflowVm nor Get-EflowVmAddr answers', async () => {
        const run = await harness.run(SCRIPT, 'vm-ip-broken');
        const overview = singleOutput(run);
        const vm = obj(obj(overview['eflow'])['vm']);
        expect(vm).toMatchObject({ powerState: 'Unknown', iotedgeList: null, systemStatus: null });
        expect(run.calls.map(c => c.command)).not.toContain('Invoke-EflowVmCommand');
        // Get-EflowVmAddr fails with the same message: it is listed once.
        expect((overview['errors'] as Json[]).map(e => e['message'])).toEqual(['Could not resolve virtual machine IP address at line 1542']);
    });

    it('asks Get-EflowVmAddr nothing when Get-EflowVm answers', async () => {
        for (const host of ['edge-healthy', 'edge-stopped', 'module-failing']) {
            expect((await harness.run(SCRIPT, host)).calls.map(c => c.command)).not.toContain('Get-EflowVmAddr');
        }
    });

    it('reports a stopped VM without asking the VM anything', async () => {
        const run = await harness.run(SCRIPT, 'edge-stopped');
        const vm = obj(obj(singleOutput(run)['eflow'])['vm']);
        expect(vm).toMatchObject({ powerState: 'Off', runtime: null, iotedgeList: null, systemStatus: null });
        expect(run.calls.map(c => c.command)).not.toContain('Invoke-EflowVmCommand');
    });

    it('shows the failing module in the raw iotedge list the dashboard parses', async () => {
        const vm = obj(obj((await overviewOf('module-failing'))['eflow'])['vm']);
        expect((vm['iotedgeList'] as string[]).some(line => /^OpcPublisher\s+failed\s+Failed \(137\)/.test(line))).toBe(true);
    });

    it('keeps the rest of the page when Get-EflowVm throws, with the error, its source and a code', async () => {
        const overview = await overviewOf('vm-ip-broken');
        expect(overview['errors']).toContainEqual({
            source: 'Get-EflowVm', code: 'EflowVmUnavailable',
            message: 'Could not resolve virtual machine IP address at line 1542'
        });
        const eflow = obj(overview['eflow']);
        expect(eflow['version']).toBe(stateOf('vm-ip-broken').eflow?.version);
        expect(obj(eflow['vm'])['powerState']).toBe('Unknown');
    });

    it('makes one SSH round trip into the VM per refresh', async () => {
        const run = await harness.run(SCRIPT, 'edge-healthy');
        expect(run.calls.filter(c => c.command === 'Invoke-EflowVmCommand')).toHaveLength(1);
    });

    it('calls only read-only cmdlets', async () => {
        const commands = new Set<string>();
        for (const host of hosts) {
            (await harness.run(SCRIPT, host)).calls.forEach(c => commands.add(c.command));
        }
        for (const command of commands) {
            expect(command).toMatch(/^(Get|Test|Verify|Import|Invoke-EflowVmCommand)/);
        }
    });
});
