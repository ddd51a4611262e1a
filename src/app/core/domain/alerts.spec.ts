import { EflowVm, HostOverviewPayload, VmStats } from '../models/host-overview';
import {
    aHealthyOverview,
    aHostWithoutEflow,
    anInstallation,
    aRunningVm,
    aStoppedVm,
    FIXTURE_NOW
} from '../../testing/host-overview.fixtures';
import { AlertKind, deriveAlerts, OverviewAlert, sortBySeverity } from './alerts';
import { EflowReleaseCatalogue } from './release-catalogue';

/** A catalogue in which the fixture's 1.5.7.01026 is current and supported for years: no release alerts. */
const QUIET_CATALOGUE: EflowReleaseCatalogue = {
    compiledOn: '2026-11-22',
    trains: [{ name: '1.5 LTS', channel: 'LTS', versionPrefixes: ['1.5'], latestVersion: '1.5.7.01026', supportEnds: '2030-01-01' }]
};
const DAY = 24 * 60 * 60 * 1000;

function alertsFor(overview: HostOverviewPayload, now = FIXTURE_NOW, catalogue = QUIET_CATALOGUE): OverviewAlert[] {
    return deriveAlerts(overview, now, catalogue);
}

function withVm(changes: Partial<EflowVm>): HostOverviewPayload {
    return { ...aHealthyOverview(), eflow: anInstallation({ ...aRunningVm(), ...changes }) };
}

function withStats(changes: Partial<VmStats>): HostOverviewPayload {
    const vm = aRunningVm();
    return withVm({ stats: { ...(vm.stats as VmStats), ...changes } });
}

function withModuleRows(...rows: string[]): HostOverviewPayload {
    return withVm({ iotedgeList: ['NAME STATUS DESCRIPTION Config', ...rows] });
}

function kinds(alerts: readonly OverviewAlert[]): AlertKind[] {
    return alerts.map(a => a.kind);
}

describe('deriveAlerts', () => {
    it('raises nothing for a healthy, current, supported host', () => {
        expect(alertsFor(aHealthyOverview())).toEqual([]);
    });

    it('raises nothing for a host without EFLOW (the readiness checklist covers it)', () => {
        const overview = aHostWithoutEflow();
        overview.host.freeMemoryMB = 10;
        expect(alertsFor(overview)).toEqual([]);
    });

    describe('modules', () => {
        it.each(['edgeAgent', 'edgeHub'])('is critical when %s is not running', (name: string) => {
            const overview = withModuleRows(
                'edgeAgent running Up 1 minute img:1', 'edgeHub running Up 1 minute img:1').eflow;
            const rows = overview?.vm?.iotedgeList?.map(line => line.startsWith(name) ? `${name} failed Failed (1) 1 minute ago img:1` : line);
            expect(alertsFor(withVm({ iotedgeList: rows ?? [] }))).toEqual([{
                id: `systemModuleDown:${name}`,
                kind: 'systemModuleDown',
                severity: 'critical',
                params: { module: name, status: 'failed', description: 'Failed (1) 1 minute ago' }
            }]);
        });

        it('is critical when edgeHub is merely stopped', () => {
            const alerts = alertsFor(withModuleRows('edgeAgent running Up 1 minute img:1', 'edgeHub stopped Stopped 1 hour ago img:1'));
            expect(alerts.map(a => [a.kind, a.severity])).toEqual([['systemModuleDown', 'critical']]);
        });

        it.each(['failed', 'dead', 'unknown'])('warns when another module is %s', (status: string) => {
            const alerts = alertsFor(withModuleRows('edgeAgent running Up 1 minute img:1', `sensor ${status} x img:1`));
            expect(alerts.map(a => [a.kind, a.severity, a.params['module']])).toEqual([['moduleFailing', 'warning', 'sensor']]);
        });

        it('does not alert on another module that is stopped (a deployment may stop it on purpose)', () => {
            expect(alertsFor(withModuleRows('edgeAgent running Up 1 minute img:1', 'sensor stopped Stopped 1 hour ago img:1'))).toEqual([]);
        });

        it('warns when a provisioned device has no edgeAgent yet', () => {
            expect(kinds(alertsFor(withModuleRows()))).toEqual(['edgeAgentMissing']);
        });

        it('does not expect edgeAgent on a device that is not provisioned', () => {
            const overview = withVm({ iotedgeList: [], provisioning: { state: 'NotProvisioned', source: null } });
            expect(alertsFor(overview)).toEqual([]);
        });
    });

    describe('runtime services', () => {
        it('is critical when aziot-edged is down and warns for the other services', () => {
            const alerts = alertsFor(withVm({ systemStatus: ['aziot-keyd Down - socket error', 'aziot-edged Down - exited'] }));
            expect(alerts.map(a => [a.kind, a.severity, a.params['service'], a.params['reason']])).toEqual([
                ['runtimeServiceDown', 'critical', 'aziot-edged', 'exited'],
                ['runtimeServiceDown', 'warning', 'aziot-keyd', 'socket error']
            ]);
        });
    });

    describe('VM disk', () => {
        const disk = (available: number): HostOverviewPayload => withStats({ totalStorageMb: 10000, availableStorageMb: available });

        it('does not alert at exactly 10% free', () => {
            expect(alertsFor(disk(1000))).toEqual([]);
        });

        it('warns below 10% free, down to exactly 5%', () => {
            expect(alertsFor(disk(999)).map(a => [a.kind, a.severity, a.params['percentFree']])).toEqual([['vmDiskLow', 'warning', '10']]);
            expect(alertsFor(disk(500)).map(a => a.severity)).toEqual(['warning']);
        });

        it('is critical below 5% free', () => {
            expect(alertsFor(disk(499)).map(a => [a.kind, a.severity, a.params['percentFree']])).toEqual([['vmDiskLow', 'critical', '5']]);
        });
    });

    describe('VM memory', () => {
        it('warns when less than 10% of memory is available, not at 10%', () => {
            expect(alertsFor(withStats({ totalMemMb: 2000, availableMemMb: 200 }))).toEqual([]);
            expect(kinds(alertsFor(withStats({ totalMemMb: 2000, availableMemMb: 199 })))).toEqual(['vmMemoryHigh']);
        });
    });

    describe('host resources', () => {
        it('warns when the system drive has less than 10 GB free, not at 10 GB', () => {
            const overview = aHealthyOverview();
            overview.host.systemDrive.freeGB = 10;
            expect(alertsFor(overview)).toEqual([]);
            overview.host.systemDrive.freeGB = 9.94;
            expect(alertsFor(overview)).toEqual([{
                id: 'hostDiskLow', kind: 'hostDiskLow', severity: 'warning', params: { drive: 'C:', freeGB: '9.9' }
            }]);
        });

        it('warns when the host has less than 1 GB free memory', () => {
            const overview = aHealthyOverview();
            overview.host.freeMemoryMB = 1024;
            expect(alertsFor(overview)).toEqual([]);
            overview.host.freeMemoryMB = 1023;
            expect(kinds(alertsFor(overview))).toEqual(['hostMemoryLow']);
        });
    });

    describe('Get-EflowVm failing while IoT Edge is down', () => {
        it('explains the documented failure as info on a VM read as running, and keeps any other failure a section error', () => {
            const overview = withVm({ ...aRunningVm(), provisioning: { state: 'NotProvisioned', source: null } });
            overview.errors = [
                { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: "Unexpected return from 'sudo iotedge list'" },
                { source: 'Get-EflowVmEndpoint', code: 'EflowEndpointsUnavailable', message: 'The operation has timed out.' }
            ];
            const alerts = alertsFor(overview);
            expect(alerts.filter(a => a.kind === 'vmDetailsWhileEdgeDown')).toEqual([{
                id: 'vmDetailsWhileEdgeDown', kind: 'vmDetailsWhileEdgeDown', severity: 'info', params: { message: "Unexpected return from 'sudo iotedge list'" }
            }]);
            expect(alerts.filter(a => a.kind === 'sectionError').map(a => a.params['source'])).toEqual(['Get-EflowVmEndpoint']);
        });
    });

    describe('WSSDAgent certificate', () => {
        const installedOn = (installDate: string | null): HostOverviewPayload =>
            ({ ...aHealthyOverview(), eflow: { ...anInstallation(), installDate } });
        const expiry = Date.parse('2026-12-01T00:00:00Z');

        it('is quiet more than 30 days before expiry', () => {
            expect(alertsFor(installedOn('2025-12-01'), expiry - 30 * DAY - 1)).toEqual([]);
        });

        it('warns within 30 days of expiry, with the date and days left', () => {
            expect(alertsFor(installedOn('2025-12-01'), expiry - 30 * DAY)).toEqual([{
                id: 'wssdCertificateExpiring',
                kind: 'wssdCertificateExpiring',
                severity: 'warning',
                params: { expiresOn: '2026-12-01', days: '30' }
            }]);
        });

        it('is critical once expired when the VM could not be read', () => {
            const overview = installedOn('2025-12-01');
            overview.eflow = { ...anInstallation(null), installDate: '2025-12-01', vmExists: true };
            overview.errors = [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'The operation has timed out.' }];
            expect(alertsFor(overview, expiry).map(a => [a.kind, a.severity])).toEqual([['wssdCertificateExpired', 'critical'], ['sectionError', 'warning']]);
        });

        it('is critical when a cmdlet failed with the expiry symptom, whatever the estimate says', () => {
            const overview = installedOn('2026-06-01');
            overview.eflow = { ...anInstallation(null), installDate: '2026-06-01', vmExists: true };
            overview.errors = [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable',
                message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: x509: certificate has expired or is not yet valid"' }];
            expect(alertsFor(overview, expiry).filter(a => a.kind.startsWith('wssd'))).toEqual([
                { id: 'wssdCertificateExpired', kind: 'wssdCertificateExpired', severity: 'critical', params: { expiresOn: '2027-06-01' } }]);
        });

        it('asks for a renewal to be confirmed, not an outage, when the estimate is past expiry but Get-EflowVm answered', () => {
            expect(alertsFor(installedOn('2025-11-01'), expiry)).toEqual([{
                id: 'wssdCertificateRenewalUnconfirmed',
                kind: 'wssdCertificateRenewalUnconfirmed',
                severity: 'warning',
                params: { expiresOn: '2026-11-01', installDate: '2025-11-01' }
            }]);
        });

        it('says nothing without an install date', () => {
            expect(alertsFor(installedOn(null), expiry + 400 * DAY)).toEqual([]);
        });
    });

    describe('releases', () => {
        const withVersion = (version: string): HostOverviewPayload => ({ ...aHealthyOverview(), eflow: { ...anInstallation(), version } });
        const catalogue: EflowReleaseCatalogue = {
            compiledOn: '2026-11-22',
            trains: [
                { name: '1.4 LTS', channel: 'LTS', versionPrefixes: ['1.4'], latestVersion: '1.4.12.05024', supportEnds: '2024-11-12' },
                { name: '1.5 LTS', channel: 'LTS', versionPrefixes: ['1.5'], latestVersion: '1.5.7.01026', supportEnds: '2026-11-30' }
            ]
        };

        it('tells of an update within the train', () => {
            const alerts = alertsFor(withVersion('1.5.6.08025'), Date.parse('2026-01-01T00:00:00Z'), catalogue);
            expect(alerts).toEqual([{
                id: 'updateAvailable', kind: 'updateAvailable', severity: 'info', params: { installed: '1.5.6.08025', latest: '1.5.7.01026' }
            }]);
        });

        it('warns when the train is out of support, before telling of updates', () => {
            const alerts = alertsFor(withVersion('1.4.3.23013'), Date.parse('2026-01-01T00:00:00Z'), catalogue);
            expect(alerts.map(a => [a.kind, a.severity])).toEqual([['supportEndedMigrate', 'warning'], ['updateAvailable', 'info']]);
            expect(alerts[0].params).toEqual({ train: '1.4 LTS', supportEnds: '2024-11-12', target: '1.5 LTS' });
        });

        it('tells the last release of an ended train to migrate to the newest LTS train', () => {
            const alerts = alertsFor(withVersion('1.4.12.05024'), FIXTURE_NOW, catalogue);
            expect(alerts.map(a => [a.kind, a.severity, a.params['target']])).toContainEqual(['supportEndedMigrate', 'warning', '1.5 LTS']);
            expect(alerts.map(a => a.kind)).not.toContain('updateAvailable');
        });

        it('gives notice when support ends within 90 days, and warns within 30 (1.5 LTS ends on 2026-11-30)', () => {
            const endingIn = (now: string): string[][] => alertsFor(withVersion('1.5.7.01026'), Date.parse(now), catalogue)
                .map(a => [a.kind, a.severity, a.params['days']]);
            expect(endingIn('2026-09-15T00:00:00Z')).toEqual([['supportEndingSoon', 'info', '77']]);
            expect(endingIn('2026-11-01T00:00:00Z')).toEqual([['supportEndingSoon', 'warning', '30']]);
            expect(endingIn('2026-10-31T00:00:00Z')).toEqual([['supportEndingSoon', 'info', '31']]);
            expect(alertsFor(withVersion('1.5.7.01026'), FIXTURE_NOW, catalogue).map(a => [a.kind, a.severity])).toEqual([['supportEndingSoon', 'warning']]);
        });

        it('says nothing about a version it cannot read', () => {
            expect(alertsFor(withVersion('unknown'), FIXTURE_NOW, catalogue)).toEqual([]);
        });
    });

    it('warns that the VM is stopped and raises nothing about its unread runtime', () => {
        const overview = { ...aHealthyOverview(), eflow: anInstallation(aStoppedVm()) };
        expect(alertsFor(overview)).toEqual([{ id: 'vmStopped', kind: 'vmStopped', severity: 'warning', params: { vm: 'FACTORY-PC-01-EFLOW' } }]);
    });

    it.each(['Stopped', 'NotFound'])('is critical when the WSSDAgent service is %s', (state: string) => {
        const overview = { ...aHealthyOverview(), eflow: { ...anInstallation(), services: { wssdAgent: state, eflowProxy: 'Running' } } };
        expect(alertsFor(overview)).toEqual([{ id: 'wssdAgentNotRunning', kind: 'wssdAgentNotRunning', severity: 'critical', params: { state } }]);
    });

    it('raises a warning for each section error, with its source, code and message', () => {
        const overview = {
            ...aHealthyOverview(),
            errors: [
                { source: 'Get-EflowVmEndpoint', code: 'EndpointUnavailable', message: 'a' },
                { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'b' }
            ]
        };
        expect(alertsFor(overview).map(a => [a.kind, a.severity, a.params])).toEqual([
            ['sectionError', 'warning', { source: 'Get-EflowVmEndpoint', code: 'EndpointUnavailable', message: 'a' }],
            ['sectionError', 'warning', { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'b' }]
        ]);
    });

    it('orders by severity: critical, then warning, then info', () => {
        const overview = withModuleRows('edgeAgent dead Dead 1 minute ago img:1', 'edgeHub running Up 1 minute img:1');
        overview.errors = [{ source: 'Get-Service', code: 'ServiceUnreadable', message: 'x' }];
        const alerts = alertsFor({ ...overview, eflow: { ...(overview.eflow as NonNullable<HostOverviewPayload['eflow']>), version: '1.5.6.0' } });
        expect(alerts.map(a => a.severity)).toEqual(['critical', 'warning', 'info']);
    });

    it('gives alerts ids that are unique on one host', () => {
        const overview = withModuleRows('edgeAgent dead x img:1', 'edgeHub dead x img:1', 'a failed x img:1', 'b failed x img:1');
        overview.errors = [{ source: 'S', code: 'C', message: '1' }, { source: 'S', code: 'C', message: '2' }];
        const ids = alertsFor(overview).map(a => a.id);
        expect(new Set(ids).size).toBe(ids.length);
    });
});

describe('sortBySeverity', () => {
    it('keeps the original order within a severity', () => {
        const alert = (id: string, severity: OverviewAlert['severity']): OverviewAlert => ({ id, kind: 'sectionError', severity, params: {} });
        expect(sortBySeverity([alert('i1', 'info'), alert('w1', 'warning'), alert('c1', 'critical'), alert('w2', 'warning')]).map(a => a.id))
            .toEqual(['c1', 'w1', 'w2', 'i1']);
    });
});
