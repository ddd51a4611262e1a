/**
 * Get-EflowDeploymentPrerequisites against every host of the default fleet: one object of the contract's shape
 * everywhere, and the checks that tell each host's situation apart.
 */
import type {
    DeploymentHostFacts, DeploymentPrerequisitesPayload, PrerequisiteCheckId
} from '../../../src/app/deploy/domain/deployment-prerequisites';
import { changingCalls, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';

const CHECK_IDS: PrerequisiteCheckId[] = [
    'os-edition', 'architecture', 'hyperv-feature', 'hyperv-services', 'virtualization-firmware', 'hypervisor-present',
    'nested-virtualization', 'memory', 'disk', 'openssh-client', 'pending-reboot', 'virtual-switch', 'existing-eflow'
];
const HOST_FACT_KEYS: (keyof DeploymentHostFacts)[] = [
    'computerName', 'osCaption', 'productType', 'isServerSku', 'buildNumber', 'ubr', 'architecture', 'logicalProcessors',
    'totalMemoryMB', 'freeMemoryMB', 'systemDrive', 'hyperV', 'isVirtualMachine', 'openSshClient', 'rebootPending', 'eflow',
    'switches', 'physicalAdapters', 'gpus'
];

const harness = useDeployHarness();
const reports = new Map<string, DeploymentPrerequisitesPayload>();

beforeAll(async () => {
    for (const host of harness.sim.listHosts()) {
        const run = await harness.run(host.name, 'Get-EflowDeploymentPrerequisites');
        expect({ host: host.name, changes: changingCalls(run) }).toEqual({ host: host.name, changes: [] });
        reports.set(host.name, outputOf(run) as unknown as DeploymentPrerequisitesPayload);
    }
}, RUN_TIMEOUT_MS);

function statusOf(host: string, id: PrerequisiteCheckId): string | undefined {
    return reports.get(host)?.checks.find(check => check.id === id)?.status;
}

describe('Get-EflowDeploymentPrerequisites on the default fleet', () => {
    it('answers every host with the contract\'s shape: all checks in order, every host fact, arrays as arrays', () => {
        expect([...reports.keys()].sort()).toEqual(harness.sim.listHosts().map(h => h.name).sort());
        for (const [host, report] of reports) {
            expect({ host, ids: report.checks.map(c => c.id) }).toEqual({ host, ids: CHECK_IDS });
            expect({ host, keys: Object.keys(report.host).sort() }).toEqual({ host, keys: [...HOST_FACT_KEYS].sort() });
            for (const check of report.checks) {
                expect(['pass', 'warning', 'fail']).toContain(check.status);
                expect(check.detail.length).toBeGreaterThan(0);
                const fixAsExpected = check.status === 'pass' ? check.fix === null : typeof check.fix === 'string' && check.fix.length > 0;
                expect({ host, check: check.id, fixAsExpected }).toEqual({ host, check: check.id, fixAsExpected: true });
            }
            expect(Array.isArray(report.host.switches) && Array.isArray(report.host.physicalAdapters) && Array.isArray(report.host.gpus)).toBe(true);
            expect(report.schemaVersion).toBe(1);
        }
    });

    it('passes the host that is ready for the wizard', () => {
        const report = reports.get('ready-to-deploy');
        expect(report?.checks.filter(c => c.status === 'fail')).toEqual([]);
        expect(report?.host).toEqual(expect.objectContaining({ architecture: 'x64', isServerSku: false, logicalProcessors: 8, eflow: null }));
        expect(report?.host.switches).toEqual([{ name: 'Default Switch', switchType: 'Internal', netAdapterInterfaceDescription: null }]);
    });

    it('fails Hyper-V where it is disabled, and the edition where Hyper-V does not exist', () => {
        expect(statusOf('hyperv-disabled', 'hyperv-feature')).toBe('fail');
        expect(reports.get('hyperv-disabled')?.checks.find(c => c.id === 'hyperv-feature')?.fix).toContain('the wizard can do it');
        expect(statusOf('win10-home', 'os-edition')).toBe('fail');
        expect(statusOf('win10-home', 'hyperv-feature')).toBe('fail');
        expect(reports.get('win10-home')?.host.hyperV.featureState).toBe('NotAvailable');
    });

    it('reads Windows Server without the Hyper-V role and without a switch', () => {
        const report = reports.get('srv2019-new');
        expect(report?.host.isServerSku).toBe(true);
        expect(statusOf('srv2019-new', 'hyperv-feature')).toBe('fail');
        expect(statusOf('srv2019-new', 'virtual-switch')).toBe('warning');
    });

    it('lists a server\'s External switch, its adapter and its DDA-capable GPU as EFLOW reports it', () => {
        const report = reports.get('srv2022-dps');
        expect(report?.host.switches.map(s => [s.name, s.switchType])).toContainEqual(['ExternalSwitch', 'External']);
        const external = report?.host.switches.find(s => s.name === 'ExternalSwitch');
        expect(report?.host.physicalAdapters.map(a => a.interfaceDescription)).toContain(external?.netAdapterInterfaceDescription);
        expect(report?.host.gpus).toContainEqual(expect.objectContaining({ name: 'NVIDIA Tesla T4', supportedPassthroughTypes: expect.arrayContaining(['DirectDeviceAssignment']) }));
        expect(statusOf('srv2022-dps', 'virtual-switch')).toBe('pass');
    });

    it('tells ARM64, a nearly full disk and existing installs apart', () => {
        expect(reports.get('arm64-cr')?.host.architecture).toBe('ARM64');
        expect(statusOf('arm64-cr', 'architecture')).toBe('pass');
        expect(statusOf('host-disk-full', 'disk')).toBe('fail');
        expect(reports.get('msi-installed')?.host.eflow).toEqual(expect.objectContaining({ productName: 'Azure IoT Edge LTS', vmDeployed: false }));
        expect(reports.get('edge-healthy')?.host.eflow?.vmDeployed).toBe(true);
        expect(reports.get('msi-installed')?.checks.find(c => c.id === 'existing-eflow')?.detail).toContain('without a VM');
    });
});

describe('Get-EflowDeploymentPrerequisites when the Hyper-V state cannot be read', () => {
    it.each([['a client', 'ready-to-deploy'], ['a server', 'srv2022-dps']])('on %s: an unknown state, a warning with the message, and an error entry', async (_kind, host) => {
        const message = 'The requested operation requires elevation.';
        harness.sim.setFaults(host, { hyperVReadFailure: message });
        const report = outputOf(await harness.run(host, 'Get-EflowDeploymentPrerequisites')) as unknown as DeploymentPrerequisitesPayload;
        expect(report.host.hyperV.featureState).toBe('Unknown');
        const check = report.checks.find(c => c.id === 'hyperv-feature');
        expect(check).toEqual(expect.objectContaining({ status: 'warning', detail: expect.stringContaining(message) }));
        expect(check?.detail).not.toContain('no Hyper-V');
        expect(report.errors).toContainEqual(expect.objectContaining({ code: 'HyperVStateUnreadable', message }));
    }, RUN_TIMEOUT_MS);
});
