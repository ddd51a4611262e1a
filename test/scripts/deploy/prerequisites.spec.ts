/**
 * Get-EflowDeploymentPrerequisites against every host of the default fleet: one object that passes the contract's
 * parser (reason codes and their params included) everywhere, the checks that tell each host's situation apart, and
 * their sentences as the wizard words them from strings.resjson.
 */
import type {
    DeploymentHostFacts, DeploymentPrerequisitesPayload, PrerequisiteCheck, PrerequisiteCheckId
} from '../../../src/app/deploy/domain/deployment-prerequisites';
import { prerequisiteDetail, prerequisiteFix, prerequisiteSummary } from '../../../src/app/deploy/domain/prerequisite-text';
import { textOf } from '../../../src/app/deploy/testing/rendered-text';
import { parseDeploymentPrerequisites } from '../../../src/app/core/models/deployment-prerequisites.parse';
import { changingCalls, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';

const CHECK_IDS: PrerequisiteCheckId[] = [
    'os-edition', 'architecture', 'hyperv-feature', 'hyperv-services', 'virtualization-firmware', 'hypervisor-present',
    'nested-virtualization', 'memory', 'disk', 'openssh-client', 'pending-reboot', 'virtual-switch', 'existing-eflow'
];
const HOST_FACT_KEYS: (keyof DeploymentHostFacts)[] = [
    'computerName', 'osCaption', 'productType', 'isServerSku', 'buildNumber', 'ubr', 'architecture', 'logicalProcessors',
    'totalMemoryMB', 'freeMemoryMB', 'systemDrive', 'hyperV', 'isVirtualMachine', 'isAzureVm', 'openSshClient', 'rebootPending',
    'eflow', 'switches', 'physicalAdapters', 'gpus'
];

const harness = useDeployHarness();
const reports = new Map<string, DeploymentPrerequisitesPayload>();
const rawHostKeys = new Map<string, string[]>();

beforeAll(async () => {
    for (const host of harness.sim.listHosts()) {
        const run = await harness.run(host.name, 'Get-EflowDeploymentPrerequisites');
        expect({ host: host.name, changes: changingCalls(run) }).toEqual({ host: host.name, changes: [] });
        const output = outputOf(run);
        rawHostKeys.set(host.name, Object.keys(output['host'] as object));
        try {
            reports.set(host.name, parseDeploymentPrerequisites(output));
        } catch (error: unknown) {
            throw new Error(`${host.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}, RUN_TIMEOUT_MS);

function checkOf(host: string, id: PrerequisiteCheckId): PrerequisiteCheck {
    const check = reports.get(host)?.checks.find(c => c.id === id);
    if (!check) {
        throw new Error(`${host} has no ${id} check`);
    }
    return check;
}

function statusOf(host: string, id: PrerequisiteCheckId): string {
    return checkOf(host, id).status;
}

/** What the wizard shows for a check: what was found, then what to do. */
function shown(host: string, id: PrerequisiteCheckId): string {
    return textOf(prerequisiteSummary(checkOf(host, id)));
}

describe('Get-EflowDeploymentPrerequisites on the default fleet', () => {
    it('answers every host with the contract\'s shape: all checks in order, every host fact, every sentence worded', () => {
        expect([...reports.keys()].sort()).toEqual(harness.sim.listHosts().map(h => h.name).sort());
        for (const [host, report] of reports) {
            expect({ host, ids: report.checks.map(c => c.id) }).toEqual({ host, ids: CHECK_IDS });
            expect({ host, keys: rawHostKeys.get(host)?.sort() }).toEqual({ host, keys: [...HOST_FACT_KEYS].sort() });
            for (const check of report.checks) {
                // A missing string would show its key, a missing param its placeholder.
                const texts = [prerequisiteDetail(check), prerequisiteFix(check)].flatMap(m => m === null ? [] : [textOf(m)]);
                const unworded = texts.filter(text => /^prereq|[{}]/.test(text));
                expect({ host, check: check.id, unworded, texts: texts.length })
                    .toEqual({ host, check: check.id, unworded: [], texts: check.status === 'pass' ? 1 : 2 });
            }
            expect(report.schemaVersion).toBe(2);
        }
    });

    it('passes the host that is ready for the wizard, in the admin\'s words', () => {
        const report = reports.get('ready-to-deploy');
        expect(report?.checks.filter(c => c.status === 'fail')).toEqual([]);
        expect(report?.host).toEqual(expect.objectContaining({ architecture: 'x64', isServerSku: false, logicalProcessors: 8, eflow: null, isAzureVm: false }));
        expect(report?.host.switches).toEqual([{ name: 'Default Switch', switchType: 'Internal', netAdapterInterfaceDescription: null }]);
        expect(shown('ready-to-deploy', 'os-edition')).toBe('Microsoft Windows 11 IoT Enterprise, build 22631.');
        expect(shown('ready-to-deploy', 'memory')).toBe('9,011 MB of memory free.');
        expect(shown('ready-to-deploy', 'virtual-switch')).toBe('The Default Switch is available.');
    });

    it('fails Hyper-V where it is disabled, and the edition where Hyper-V does not exist', () => {
        expect(statusOf('hyperv-disabled', 'hyperv-feature')).toBe('fail');
        expect(shown('hyperv-disabled', 'hyperv-feature')).toBe('Hyper-V is not enabled. Enable Hyper-V (the wizard can do it); the host then needs a restart.');
        expect(checkOf('win10-home', 'os-edition')).toEqual(expect.objectContaining({ status: 'fail', reason: 'homeEdition' }));
        expect(shown('win10-home', 'os-edition')).toBe('Microsoft Windows 10 Home, build 19045. Windows Home has no Hyper-V. EFLOW needs Pro, ' +
            'Enterprise or IoT Enterprise: upgrade the edition or use another host.');
        expect(statusOf('win10-home', 'hyperv-feature')).toBe('fail');
        expect(reports.get('win10-home')?.host.hyperV.featureState).toBe('NotAvailable');
    });

    it('reads Windows Server without the Hyper-V role and without a switch', () => {
        const report = reports.get('srv2019-new');
        expect(report?.host.isServerSku).toBe(true);
        expect(statusOf('srv2019-new', 'hyperv-feature')).toBe('fail');
        expect(shown('srv2019-new', 'virtual-switch')).toBe('Windows Server has no Default Switch and no Internal or External switch exists. ' +
            'Create a switch on the Network page (or with New-VMSwitch) before deploying.');
    });

    it('lists a server\'s External switch, its adapter and its DDA-capable GPU as EFLOW reports it', () => {
        const report = reports.get('srv2022-dps');
        expect(report?.host.switches.map(s => [s.name, s.switchType])).toContainEqual(['ExternalSwitch', 'External']);
        const external = report?.host.switches.find(s => s.name === 'ExternalSwitch');
        expect(report?.host.physicalAdapters.map(a => a.interfaceDescription)).toContain(external?.netAdapterInterfaceDescription);
        expect(report?.host.gpus).toContainEqual(expect.objectContaining({ name: 'NVIDIA Tesla T4', supportedPassthroughTypes: expect.arrayContaining(['DirectDeviceAssignment']) }));
        expect(statusOf('srv2022-dps', 'virtual-switch')).toBe('pass');
        expect(shown('srv2022-dps', 'virtual-switch')).toBe('Usable virtual switches: 1.');
    });

    it('tells ARM64, a nearly full disk and existing installs apart', () => {
        expect(reports.get('arm64-cr')?.host.architecture).toBe('ARM64');
        expect(shown('arm64-cr', 'architecture')).toBe('ARM64 processor.');
        expect(shown('host-disk-full', 'disk')).toBe('9 GB free on C:. EFLOW needs at least 10 GB free; free some space on C:.');
        expect(statusOf('host-disk-full', 'disk')).toBe('fail');
        const msi = reports.get('msi-installed')?.host.eflow;
        expect(msi).toEqual(expect.objectContaining({ productName: 'Azure IoT Edge LTS', vmDeployed: false }));
        expect(reports.get('edge-healthy')?.host.eflow?.vmDeployed).toBe(true);
        expect(shown('msi-installed', 'existing-eflow')).toBe(`Azure IoT Edge LTS ${msi?.version} is installed without a VM; the wizard continues from there.`);
    });

    it('tells an Azure VM host by its guest agent: nested virtualization and no External switch', () => {
        expect(reports.get('azure-vm')?.host).toEqual(expect.objectContaining({ isAzureVm: true, isVirtualMachine: true, isServerSku: true, switches: [] }));
        expect(checkOf('azure-vm', 'nested-virtualization')).toEqual(expect.objectContaining({ status: 'warning', reason: 'azureVmHost' }));
        expect(shown('azure-vm', 'nested-virtualization')).toBe('This host is an Azure virtual machine. Its VM size must support nested virtualization, ' +
            'and it cannot use an External switch: use the Default Switch (Windows client) or an Internal switch with a static address (Windows Server).');
        expect(checkOf('azure-vm', 'virtual-switch')).toEqual(expect.objectContaining({ status: 'warning', reason: 'azureVmNoInternalSwitch' }));
        expect([...reports].filter(([, report]) => report.host.isAzureVm !== false).map(([host]) => host)).toEqual(['azure-vm']);
        expect(reports.get('azure-vm')?.errors).toEqual([]);
    });
});

describe('Get-EflowDeploymentPrerequisites when the Hyper-V state cannot be read', () => {
    it.each([['a client', 'ready-to-deploy'], ['a server', 'srv2022-dps']])('on %s: an unknown state, a warning with the message, and an error entry', async (_kind, host) => {
        const message = 'The requested operation requires elevation.';
        harness.sim.setFaults(host, { hyperVReadFailure: message });
        const report = parseDeploymentPrerequisites(outputOf(await harness.run(host, 'Get-EflowDeploymentPrerequisites')));
        expect(report.host.hyperV.featureState).toBe('Unknown');
        const check = report.checks.find(c => c.id === 'hyperv-feature');
        expect(check).toEqual(expect.objectContaining({ status: 'warning', reason: 'hyperVUnreadable', params: { message } }));
        expect(check && textOf(prerequisiteDetail(check))).toBe(`Whether Hyper-V is enabled could not be read: ${message}`);
        expect(report.errors).toContainEqual(expect.objectContaining({ code: 'HyperVStateUnreadable', message }));
    }, RUN_TIMEOUT_MS);
});
