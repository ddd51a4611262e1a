import { rendered } from '../testing/rendered-text';
import type { DeploymentRunRecord } from './deployment-run-record';
import { detectResumePoint } from './resume-detection';
import {
    bareHostSnapshot, deployedHostSnapshot, installedHostSnapshot, provisionedHostSnapshot, validWizardModel
} from './testing/deploy-fixtures';

function record(steps: DeploymentRunRecord['steps'] = {}): DeploymentRunRecord {
    return { startedAt: '2026-05-01T09:00:00Z', model: validWizardModel(), steps };
}

describe('detectResumePoint', () => {
    it('starts a bare host at the prerequisites with nothing done', () => {
        expect(detectResumePoint(bareHostSnapshot(), null)).toEqual(expect.objectContaining({
            phase: 'fresh', startPage: 'prerequisites', lockedPages: [], doneSteps: [], blockers: []
        }));
    });

    it('takes a bare host with an earlier run back to the review', () => {
        const decision = detectResumePoint(bareHostSnapshot(), record({ downloadMsi: { outcome: 'failed', at: 'x', errorCode: 'DownloadFailed', message: 'm' } }));
        expect(decision.startPage).toBe('review');
        expect(rendered(decision.summary)).toContain('stopped before EFLOW was installed');
    });

    it('continues a host with the MSI and no VM at the VM settings, product locked', () => {
        const decision = detectResumePoint(installedHostSnapshot(), null);
        expect(decision).toEqual(expect.objectContaining({
            phase: 'productInstalled', startPage: 'vmSize', lockedPages: ['product'], doneSteps: ['downloadMsi', 'installMsi']
        }));
        expect(rendered(decision.summary)).toBe('Azure IoT Edge LTS 1.5.7.01026 is installed but no VM is deployed yet. The wizard continues with the VM settings.');
        expect(detectResumePoint(installedHostSnapshot(), record()).startPage).toBe('review');
    });

    it('continues a deployed, unprovisioned VM with configuration and provisioning; the VM settings are fixed', () => {
        const decision = detectResumePoint(deployedHostSnapshot(), null);
        expect(decision.phase).toBe('vmDeployed');
        expect(decision.startPage).toBe('network');
        expect(decision.lockedPages).toEqual(['product', 'vmSize', 'gpu']);
        expect(decision.lockedFields).toEqual(['network.virtualSwitch', 'network.addressing', 'network.staticIp', 'features.eulaAccepted']);
        expect(decision.doneSteps).toEqual(['downloadMsi', 'installMsi', 'createSwitch', 'deployVm']);
    });

    it('asks for the secret again when the earlier run needs one, since secrets are never stored', () => {
        expect(detectResumePoint(deployedHostSnapshot(), record()).startPage).toBe('provisioning');
        const tpm = record();
        tpm.model.provisioning = { type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' };
        expect(detectResumePoint(deployedHostSnapshot(), tpm).startPage).toBe('review');
    });

    it('is done when the earlier run skipped provisioning and configured the VM', () => {
        const skipped = record({ configureVm: { outcome: 'succeeded', at: 'x', errorCode: null, message: null } });
        skipped.model.provisioning = { type: 'skip' };
        expect(detectResumePoint(deployedHostSnapshot(), skipped).startPage).toBe('done');
    });

    it('says a stopped VM will be started', () => {
        const stopped = { ...deployedHostSnapshot(), vmPowerState: 'Off', provisioning: { state: 'Unknown' as const, source: null } };
        expect(rendered(detectResumePoint(stopped, null).summary)).toContain('stopped; the next step starts it');
    });

    it('is done on a provisioned host', () => {
        expect(detectResumePoint(provisionedHostSnapshot(), null)).toEqual(expect.objectContaining({
            phase: 'provisioned', startPage: 'done',
            doneSteps: ['downloadMsi', 'installMsi', 'createSwitch', 'deployVm', 'configureVm', 'provision']
        }));
    });

    it('trusts the host over the record: a VM the record deployed but the host lacks is to be deployed again', () => {
        const decision = detectResumePoint(installedHostSnapshot(), record({ deployVm: { outcome: 'succeeded', at: 'x', errorCode: null, message: null } }));
        expect(decision.doneSteps).not.toContain('deployVm');
    });

    describe('blocks instead of risking a second Deploy-Eflow', () => {
        it('when Verify-EflowVm could not answer', () => {
            const decision = detectResumePoint({ ...installedHostSnapshot(), vmExists: null }, null);
            expect(decision.phase).toBe('blocked');
            expect(decision.blockers.map(b => b.code)).toEqual(['vmStateUnknown']);
            expect(decision.startPage).toBe('prerequisites');
            expect(decision.doneSteps).not.toContain('deployVm');
        });

        it('when an interrupted Deploy-Eflow left a VM disk', () => {
            const decision = detectResumePoint({ ...installedHostSnapshot(), vhdxPresent: true }, null);
            expect(decision.blockers.map(b => b.code)).toEqual(['partialDeployment']);
            expect(rendered(decision.blockers[0].text)).toContain('uninstall EFLOW and start again');
        });

        it('while another session deploys', () => {
            expect(detectResumePoint({ ...installedHostSnapshot(), deploymentInProgress: true }, null).blockers.map(b => b.code))
                .toEqual(['deploymentRunning']);
        });

        it('while another session deploys, without calling its VM disk the remains of an interrupted run', () => {
            expect(detectResumePoint({ ...installedHostSnapshot(), deploymentInProgress: true, vhdxPresent: true }, null).blockers.map(b => b.code))
                .toEqual(['deploymentRunning']);
        });

        it('when the module does not load', () => {
            expect(detectResumePoint({ ...installedHostSnapshot(), moduleAvailable: false, vmExists: null }, null).blockers.map(b => b.code))
                .toEqual(['moduleUnavailable']);
        });
    });

    it('blocks a bare host until the restart that finishes enabling Hyper-V', () => {
        const decision = detectResumePoint({ ...bareHostSnapshot(), hyperVState: 'EnablePending' }, null);
        expect(decision.blockers.map(b => b.code)).toEqual(['restartToEnableHyperV']);
    });
});
