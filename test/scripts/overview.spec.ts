/**
 * The overview script (Get-EflowHostOverview.ps1) run in PowerShell 7 against every simulated host: its output
 * must describe exactly the simulator's state, in the shape of src/app/core/models/host-overview.ts, and
 * reading must change nothing.
 */
import type { JsonValue } from '../../tools/pwsh-host/protocol';
import type { HostState } from '../../tools/simulator/state/host-state';
import { parseHostOverview } from '../../src/app/core/models/host-overview.parse';
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

/** The overview reports the simulated Hyper-V feature state as Windows names it. */
const expectedHyperV = (state: HostState['windows']['hyperV']): string => state;

describe('Get-EflowHostOverview.ps1 against the default fleet', () => {
    const hosts = [
        'hyperv-disabled', 'win10-home', 'ready-to-deploy', 'msi-installed', 'edge-healthy', 'edge-unprovisioned',
        'edge-stopped', 'module-failing', 'vm-disk-full', 'host-disk-full', 'eflow-14-lts', 'cert-expiring',
        'offline-kiosk', 'slow-link', 'vm-ip-broken', 'arm64-cr', 'srv2022-dps', 'srv2019-new'
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
        for (const host of ['hyperv-disabled', 'win10-home', 'ready-to-deploy', 'srv2019-new']) {
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
            vm: null
        });
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
