import { GatewayError } from '../../core/gateway/gateway-error';
import { HostOverviewPayload } from '../../core/models/host-overview';
import {
    aHealthyOverview,
    aHomeEditionHost,
    aHostWithoutEflow,
    aHostWithUnreadableInstallation,
    aHostWithUnverifiableVm,
    anInstallation,
    aRunningVm,
    aStoppedVm,
    FIXTURE_NOW
} from '../../testing/host-overview.fixtures';
import { INITIAL_OVERVIEW_STATE, OverviewState } from '../store/overview-state';
import { deployEntryFor } from './deploy-entry';
import { buildOverviewViewModel, OverviewViewName, sectionOf } from './overview-view-model';

function state(changes: Partial<OverviewState>): OverviewState {
    return { ...INITIAL_OVERVIEW_STATE, node: 'host1', ...changes };
}

function viewOf(changes: Partial<OverviewState>): OverviewViewName {
    return buildOverviewViewModel(state(changes), FIXTURE_NOW).view;
}

function withData(data: HostOverviewPayload): Partial<OverviewState> {
    return { data, lastUpdated: FIXTURE_NOW };
}

describe('buildOverviewViewModel', () => {
    describe('view', () => {
        it('is no-connection without a node', () => {
            expect(viewOf({ node: null })).toBe('no-connection');
        });

        it('is first-load while the first read runs', () => {
            expect(viewOf({ refreshing: true })).toBe('first-load');
        });

        it.each<[GatewayError['kind'], OverviewViewName]>([
            ['host-unreachable', 'unreachable'],
            ['gateway-unreachable', 'unreachable'],
            ['unauthorized', 'error'],
            ['script-error', 'error'],
            ['invalid-response', 'error'],
            ['timeout', 'error']
        ])('is %s -> %s when the first read failed', (kind: GatewayError['kind'], view: OverviewViewName) => {
            expect(viewOf({ error: new GatewayError(kind, 'x') })).toBe(view);
        });

        it('is not-ready for a host that cannot run EFLOW', () => {
            expect(viewOf(withData(aHomeEditionHost()))).toBe('not-ready');
        });

        it('is not-installed for a ready host without EFLOW', () => {
            expect(viewOf(withData(aHostWithoutEflow()))).toBe('not-installed');
        });

        it('is installed when the MSI is in without a VM', () => {
            expect(viewOf(withData({ ...aHealthyOverview(), eflow: anInstallation(null) }))).toBe('installed');
        });

        it('is vm-unknown, not installed, when the VM could not be checked, and offers neither deploy commands nor an entry', () => {
            const model = buildOverviewViewModel(state(withData(aHostWithUnverifiableVm())), FIXTURE_NOW);
            expect(model.view).toBe('vm-unknown');
            expect(model.details?.installState).toBe('vm-unknown');
            expect(model.details?.commands).toEqual([]);
            expect(model.details?.presenceErrors.map(e => e.code)).toEqual(['EflowVmUnverifiable']);
            expect(deployEntryFor(model)).toBeNull();
        });

        it('is install-unknown, not not-installed, when the installation could not be read, and offers neither install commands nor an entry', () => {
            const model = buildOverviewViewModel(state(withData(aHostWithUnreadableInstallation())), FIXTURE_NOW);
            expect(model.view).toBe('install-unknown');
            expect(model.details?.commands).toEqual([]);
            expect(model.details?.presenceErrors.map(e => e.code)).toEqual(['EflowInstallationUnreadable']);
            expect(deployEntryFor(model)).toBeNull();
        });

        it('is vm-stopped when the VM is off', () => {
            expect(viewOf(withData({ ...aHealthyOverview(), eflow: anInstallation(aStoppedVm()) }))).toBe('vm-stopped');
        });

        it('is dashboard for a running VM, and when Get-EflowVm failed (state unknown)', () => {
            expect(viewOf(withData(aHealthyOverview()))).toBe('dashboard');
            const unread = { ...aHealthyOverview(), eflow: anInstallation({ ...aRunningVm(), powerState: 'Unknown', stats: null, runtime: null }) };
            expect(viewOf(withData(unread))).toBe('dashboard');
        });

        it('keeps the data view when a later refresh fails, and reports the failure for a banner', () => {
            const error = new GatewayError('host-unreachable', 'WinRM');
            const model = buildOverviewViewModel(state({ ...withData(aHealthyOverview()), error, stale: true }), FIXTURE_NOW);
            expect(model.view).toBe('dashboard');
            expect(model.refreshFailure).toBe(error);
        });

        it('has no banner failure when there is no data (the whole page shows the error)', () => {
            expect(buildOverviewViewModel(state({ error: new GatewayError('timeout', 'x') }), FIXTURE_NOW).refreshFailure).toBeNull();
        });
    });

    describe('details', () => {
        it('derives modules, services, channel, release and alerts from the data', () => {
            const details = buildOverviewViewModel(state(withData(aHealthyOverview())), FIXTURE_NOW).details;
            expect(details?.modules?.map(m => m.name)).toEqual(['SimulatedTemperatureSensor', 'edgeAgent', 'edgeHub']);
            expect(details?.systemServices?.length).toBe(5);
            expect(details?.channel).toBe('LTS');
            expect(details?.release?.train?.name).toBe('1.5 LTS');
            expect(details?.installState).toBe('provisioned');
            expect(details?.commands).toEqual([]);
        });

        it('leaves modules and services null when they were not read', () => {
            const details = buildOverviewViewModel(state(withData({ ...aHealthyOverview(), eflow: anInstallation(aStoppedVm()) })), FIXTURE_NOW).details;
            expect(details?.modules).toBeNull();
            expect(details?.systemServices).toBeNull();
            expect(details?.commands.map(c => c.step)).toEqual(['startVm']);
        });

        it('offers install commands when EFLOW is missing and deploy commands when only the MSI is in', () => {
            const install = buildOverviewViewModel(state(withData(aHostWithoutEflow())), FIXTURE_NOW).details;
            expect(install?.commands.map(c => c.step)).toEqual(['downloadMsi', 'installMsi', 'deploy', 'provision']);
            const deploy = buildOverviewViewModel(state(withData({ ...aHealthyOverview(), eflow: anInstallation(null) })), FIXTURE_NOW).details;
            expect(deploy?.commands.map(c => c.step)).toEqual(['deploy', 'provision']);
        });

        it('files section errors under their cards', () => {
            const data = {
                ...aHealthyOverview(),
                errors: [
                    { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'a' },
                    { source: 'Get-EflowVmEndpoint', code: 'E', message: 'b' }
                ]
            };
            const sections = buildOverviewViewModel(state(withData(data)), FIXTURE_NOW).details?.sectionErrors;
            expect(sections?.vm.map(e => e.message)).toEqual(['a']);
            expect(sections?.network.map(e => e.message)).toEqual(['b']);
        });

        it('names the host by its connection (node) name before and after the data arrives, never the computer name', () => {
            expect(buildOverviewViewModel(state({}), FIXTURE_NOW).hostName).toBe('host1');
            expect(buildOverviewViewModel(state(withData(aHealthyOverview())), FIXTURE_NOW).hostName).toBe('host1');
        });
    });
});

describe('sectionOf', () => {
    it.each([
        ['Get-EflowVm', 'vm'], ['Verify-EflowVm', 'vm'], ['Get-EflowVmEndpoint', 'network'], ['Get-EflowNetwork', 'network'],
        ['Invoke-EflowVmCommand', 'runtime'], ['iotedge list', 'runtime'], ['Get-Service', 'installation'],
        ['Get-CimInstance', 'host'], ['Something new', 'host']
    ])('files %s under %s', (source: string, section: string) => {
        expect(sectionOf({ source, code: 'C', message: 'm' })).toBe(section);
    });
});
