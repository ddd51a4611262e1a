import type { DeploymentRunRecord } from './deployment-run-record';
import { configurationMatches, detectDoneSteps } from './done-steps';
import {
    bareHostSnapshot, deployedHostSnapshot, installedHostSnapshot, provisionedHostSnapshot, validWizardModel
} from './testing/deploy-fixtures';

const sorted = (steps: Set<string>): string[] => [...steps].sort();

describe('detectDoneSteps', () => {
    it('finds nothing done on a bare host', () => {
        expect(sorted(detectDoneSteps(bareHostSnapshot(), validWizardModel(), null))).toEqual([]);
    });

    it('counts download and install done once the product is installed', () => {
        expect(sorted(detectDoneSteps(installedHostSnapshot(), validWizardModel(), null))).toEqual(['downloadMsi', 'installMsi']);
    });

    it('counts an External switch the model creates as done when the host has it with that name and type', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'newExternal', switchName: 'eflow-ext', adapterName: 'Ethernet 2' };
        const snapshot = installedHostSnapshot();
        expect(detectDoneSteps(snapshot, model, null).has('createSwitch')).toBe(false);
        snapshot.switches.push({ name: 'EFLOW-Ext', switchType: 'Internal', hostAddresses: [], natPrefix: null });
        expect(detectDoneSteps(snapshot, model, null).has('createSwitch')).toBe(false);
        snapshot.switches[2] = { name: 'EFLOW-Ext', switchType: 'External', hostAddresses: null, natPrefix: null };
        expect(detectDoneSteps(snapshot, model, null).has('createSwitch')).toBe(true);
    });

    it('counts an Internal switch done only with its gateway address and NAT, so the plan finishes a half-made one', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'newInternal', switchName: 'EFLOW-NAT' };
        model.network.staticIp = { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' };
        const snapshot = installedHostSnapshot();
        const withSwitch = (hostAddresses: string[] | null, natPrefix: string | null): boolean => detectDoneSteps(
            { ...snapshot, switches: [...snapshot.switches, { name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses, natPrefix }] },
            model, null).has('createSwitch');
        expect(withSwitch([], null)).toBe(false);
        expect(withSwitch(['169.254.12.7/16'], null)).toBe(false);
        expect(withSwitch(['172.22.0.1/24'], null)).toBe(false);
        expect(withSwitch([], '172.22.0.0/24')).toBe(false);
        expect(withSwitch(null, '172.22.0.0/24')).toBe(false);
        expect(withSwitch(['172.22.0.1/16'], '172.22.0.0/24')).toBe(false);
        expect(withSwitch(['172.22.0.1/24'], '172.23.0.0/24')).toBe(false);
        expect(withSwitch(['169.254.12.7/16', '172.22.0.1/24'], '172.22.0.0/24')).toBe(true);
    });

    it('never counts the VM deployed unless Verify-EflowVm said so', () => {
        const unknown = { ...installedHostSnapshot(), vmExists: null };
        expect(detectDoneSteps(unknown, validWizardModel(), null).has('deployVm')).toBe(false);
        expect(detectDoneSteps(deployedHostSnapshot(), validWizardModel(), null).has('deployVm')).toBe(true);
    });

    it('counts the configuration done when the VM matches the model, or the record says it was applied', () => {
        const model = validWizardModel();
        const snapshot = deployedHostSnapshot();
        expect(detectDoneSteps(snapshot, model, null).has('configureVm')).toBe(false);
        const record: DeploymentRunRecord = {
            startedAt: '2026-05-01T09:00:00Z', model,
            steps: { configureVm: { outcome: 'succeeded', at: '2026-05-01T09:30:00Z', errorCode: null, message: null } }
        };
        expect(detectDoneSteps(snapshot, model, record).has('configureVm')).toBe(true);
        snapshot.configuration = { dnsServers: ['192.168.10.1', '1.1.1.1'], dpsTpm: false, defender: true, optionalTelemetry: false };
        expect(detectDoneSteps(snapshot, model, null).has('configureVm')).toBe(true);
    });

    it('counts provisioning (and so configuration) done on a provisioned VM; verify is never done', () => {
        expect(sorted(detectDoneSteps(provisionedHostSnapshot(), validWizardModel(), null)))
            .toEqual(['configureVm', 'createSwitch', 'deployVm', 'downloadMsi', 'installMsi', 'provision']);
    });
});

describe('configurationMatches', () => {
    it('compares features, telemetry and the DNS servers in order, and fails on anything unreadable', () => {
        const model = validWizardModel();
        const snapshot = deployedHostSnapshot();
        snapshot.configuration = { dnsServers: ['192.168.10.1', '1.1.1.1'], dpsTpm: false, defender: true, optionalTelemetry: false };
        expect(configurationMatches(snapshot, model)).toBe(true);
        expect(configurationMatches({ ...snapshot, configuration: { ...snapshot.configuration, dnsServers: ['1.1.1.1', '192.168.10.1'] } }, model)).toBe(false);
        expect(configurationMatches({ ...snapshot, configuration: { ...snapshot.configuration, defender: null } }, model)).toBe(false);
        expect(configurationMatches({ ...snapshot, configuration: { ...snapshot.configuration, dnsServers: null } }, model)).toBe(false);
        model.network.dnsServers = [];
        expect(configurationMatches({ ...snapshot, configuration: { ...snapshot.configuration, dnsServers: null } }, model)).toBe(true);
    });
});
