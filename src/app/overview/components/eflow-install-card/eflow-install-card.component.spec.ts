import { parseEflowVersion } from '../../../core/domain/eflow-version';
import { EflowReleaseCatalogue, releaseStatus } from '../../../core/domain/release-catalogue';
import { assessWssdCertificate, wssdCertificateStatus } from '../../../core/domain/wssd-certificate';
import { anInstallation, aRunningVm, aStoppedVm } from '../../../testing/host-overview.fixtures';
import { byTest, renderComponent, setInputs, textOf } from '../../../testing/render-component';
import { EflowInstallCardComponent } from './eflow-install-card.component';

const catalogue: EflowReleaseCatalogue = {
    compiledOn: '2026-11-22',
    trains: [
        { name: '1.4 LTS', channel: 'LTS', versionPrefixes: ['1.4'], latestVersion: '1.4.12.05024', supportEnds: '2024-11-12' },
        { name: '1.5 LTS', channel: 'LTS', versionPrefixes: ['1.5'], latestVersion: '1.5.7.01026', supportEnds: '2030-11-30' }
    ]
};
const NOW = Date.parse('2026-11-22T10:00:00Z');

function inputsFor(version: string, installDate: string | null = '2026-06-01'): Record<string, unknown> {
    const parsed = parseEflowVersion(version);
    return {
        installation: { ...anInstallation(), version, installDate },
        installState: 'provisioned',
        channel: 'LTS',
        release: parsed ? releaseStatus(parsed, NOW, catalogue) : null,
        certificate: wssdCertificateStatus(installDate, NOW),
        catalogueDate: catalogue.compiledOn
    };
}

describe('EflowInstallCardComponent', () => {
    it('shows product, channel, version and that it is current and supported', () => {
        const fixture = renderComponent(EflowInstallCardComponent, inputsFor('1.5.7.01026'));
        expect(textOf(byTest(fixture, 'eflow-product'))).toBe('Azure IoT Edge LTS');
        expect(textOf(byTest(fixture, 'eflow-channel'))).toBe('Long-Term Servicing (LTS)');
        expect(textOf(byTest(fixture, 'eflow-version'))).toBe('1.5.7.01026');
        expect(byTest(fixture, 'update-state').getAttribute('data-update-available')).toBe('false');
        expect(byTest(fixture, 'support-state').getAttribute('data-support')).toBe('supported');
        expect(textOf(byTest(fixture, 'install-state'))).toBe('Provisioned');
    });

    it('says when an update is available', () => {
        const fixture = renderComponent(EflowInstallCardComponent, inputsFor('1.5.6.08025'));
        expect(byTest(fixture, 'update-state').getAttribute('data-update-available')).toBe('true');
        expect(textOf(byTest(fixture, 'update-state'))).toBe('Update available: 1.5.7.01026');
    });

    it('says when the train is out of support', () => {
        const fixture = renderComponent(EflowInstallCardComponent, inputsFor('1.4.12.05024'));
        expect(byTest(fixture, 'support-state').getAttribute('data-support')).toBe('ended');
        expect(textOf(byTest(fixture, 'support-state'))).toMatch(/^Out of support since /);
    });

    it('says the last release of an ended train is no longer current, with a warning and the train to migrate to', () => {
        const fixture = renderComponent(EflowInstallCardComponent, inputsFor('1.4.12.05024'));
        expect(textOf(byTest(fixture, 'update-state'))).toBe('The last 1.4 LTS release; 1.4 LTS is out of support: migrate to 1.5 LTS');
        expect(textOf(byTest(fixture, 'update-state'))).not.toContain('Current');
        expect(byTest(fixture, 'update-state').querySelector('sme-status-icon .sme-color-warning')).not.toBeNull();
        expect(textOf(byTest(fixture, 'support-state'))).toBe('Out of support since Nov 12, 2024');
    });

    it('warns, not informs, when support ends within 30 days', () => {
        const soon: EflowReleaseCatalogue = { ...catalogue, trains: [{ ...catalogue.trains[1], supportEnds: '2026-11-30' }] };
        const parsed = parseEflowVersion('1.5.7.01026');
        const fixture = renderComponent(EflowInstallCardComponent, { ...inputsFor('1.5.7.01026'), release: parsed ? releaseStatus(parsed, NOW, soon) : null });
        expect(textOf(byTest(fixture, 'support-state'))).toBe('Support ends Nov 30, 2026');
        expect(byTest(fixture, 'support-state').querySelector('sme-status-icon .sme-color-warning')).not.toBeNull();
    });

    it('shows the certificate estimate, expired after a year', () => {
        const fixture = renderComponent(EflowInstallCardComponent, inputsFor('1.5.7.01026', '2025-10-01'));
        expect(byTest(fixture, 'certificate-state').getAttribute('data-state')).toBe('expired');
        expect(textOf(byTest(fixture, 'certificate-state'))).toMatch(/^Expired about /);
    });

    it('says a certificate past its estimate is probably renewed when the VM still answers', () => {
        const due = assessWssdCertificate('2025-10-01', NOW, { failureMessages: [], vmAnswered: true });
        const renewed = renderComponent(EflowInstallCardComponent, { ...inputsFor('1.5.7.01026', '2025-10-01'), certificate: due });
        expect(byTest(renewed, 'certificate-state').getAttribute('data-state')).toBe('renewalUnconfirmed');
        expect(textOf(byTest(renewed, 'certificate-state'))).toBe('Due about Oct 1, 2026; the VM still answers, so it was probably renewed');
    });

    it('says the certificate expired, without a date, when the cmdlets fail with its symptom', () => {
        const refused = assessWssdCertificate(null, NOW, { failureMessages: ['transport: authentication handshake failed: x509: certificate has expired'], vmAnswered: false });
        const expired = renderComponent(EflowInstallCardComponent, { ...inputsFor('1.5.7.01026', null), certificate: refused });
        expect(textOf(byTest(expired, 'certificate-state'))).toBe("Expired: EFLOW cmdlets fail with 'x509: certificate has expired'");
    });

    it('says "not provisioned" only when the VM says so, "provisioning unknown" when it could not be read', () => {
        const notProvisioned = { ...anInstallation(), vm: { ...aRunningVm(), provisioning: { state: 'NotProvisioned', source: null } } };
        const fixture = renderComponent(EflowInstallCardComponent, { ...inputsFor('1.5.7.01026'), installState: 'vm-deployed', installation: notProvisioned });
        expect(textOf(byTest(fixture, 'install-state'))).toBe('Virtual machine deployed, not provisioned');
        setInputs(fixture, { installation: { ...anInstallation(), vm: aStoppedVm() } });
        expect(textOf(byTest(fixture, 'install-state'))).toBe('Virtual machine deployed, provisioning unknown');
    });

    it('shows the WSSDAgent service state', () => {
        const fixture = renderComponent(EflowInstallCardComponent, {
            ...inputsFor('1.5.7.01026'),
            installation: { ...anInstallation(), services: { wssdAgent: 'Stopped', eflowProxy: 'Running' } }
        });
        expect(textOf(byTest(fixture, 'wssdagent-state'))).toContain('Stopped');
    });
});
