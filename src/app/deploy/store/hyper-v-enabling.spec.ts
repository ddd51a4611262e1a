import { enableHyperVOutput } from '../../core/models/testing/deploy-change-outputs';
import { ajaxError } from '../../testing/ajax-error';
import { bareStateOutput, prerequisitesOutput } from '../../core/models/testing/deploy-read-outputs';
import { RESTART_POLL_MS } from './host-restart-watch';
import { WizardStoreHarness } from './testing/wizard-store-harness';

const ENABLE = 'Enable-EflowHostHyperV';

/** Enabling Hyper-V from the prerequisites page: a change of the host that outlives the page that asked for it. */
describe('enabling Hyper-V from the wizard', () => {
    let harness: WizardStoreHarness;

    beforeEach(() => {
        window.localStorage.clear();
        harness = new WizardStoreHarness();
        harness.open('hyperv-disabled');
    });

    afterEach(() => harness.destroy());

    it('runs once with the restart asked for, and reads the host again when it is enabled without a restart', () => {
        harness.store.enableHyperV(false);
        harness.store.enableHyperV(false);
        expect(harness.commandNames().filter(name => name === ENABLE)).toHaveLength(1);
        expect(harness.pending(ENABLE).command.parameters).toEqual({});
        expect(harness.store.state.hyperV.status).toBe('running');

        harness.answer(ENABLE, enableHyperVOutput());
        expect(harness.store.state.hyperV).toEqual({
            status: 'done', restart: false, error: null, result: { status: 'enabled', rebootRequired: true, restarting: false }
        });
        expect(harness.commandNames().slice(-2)).toEqual(['Get-EflowDeploymentPrerequisites', 'Get-EflowDeploymentState']);
    });

    it('keeps running when the admin leaves the wizard, and the reopened wizard shows it and its outcome', () => {
        harness.store.enableHyperV(true);
        const call = harness.pending(ENABLE);
        expect(call.command.parameters).toEqual({ Restart: true });

        harness.reopen();
        expect(call.unsubscribed).toBe(false);
        harness.open('hyperv-disabled');
        expect(harness.store.state.hyperV.status).toBe('running');

        call.finish({ results: [{ ...enableHyperVOutput(), restarting: true }] });
        expect(harness.store.state.hyperV.result).toEqual({ status: 'enabled', rebootRequired: true, restarting: true });
        // The host is restarting: it is not read again until the admin asks.
        expect(harness.commandNames().filter(name => name === 'Get-EflowDeploymentPrerequisites')).toHaveLength(2);
    });

    it('a reopened wizard does not show an earlier page\'s finished call, and may enable again after a failure', () => {
        harness.store.enableHyperV(false);
        harness.pending(ENABLE).fail(ajaxError(500, { error: { message: 'Enable-WindowsOptionalFeature : The requested operation requires elevation.' } }));
        expect(harness.store.state.hyperV.status).toBe('failed');
        expect(harness.store.state.hyperV.error?.message).toContain('requires elevation');

        harness.reopen();
        harness.open('hyperv-disabled');
        expect(harness.store.state.hyperV.status).toBe('idle');
        harness.store.enableHyperV(false);
        expect(harness.commandNames().filter(name => name === ENABLE)).toHaveLength(2);
    });

    it('stops the call only when the app closes', () => {
        harness.store.enableHyperV(true);
        const call = harness.pending(ENABLE);
        harness.destroy();
        expect(call.unsubscribed).toBe(true);
    });

    it('marks the results as from before the restart, and reads the host again on its own once it answers after the restart', () => {
        const reads = (): number => harness.commandNames().filter(name => name === 'Get-EflowDeploymentPrerequisites').length;
        const withHyperV = (featureState: string): Record<string, unknown> => {
            const output = prerequisitesOutput();
            const host = output['host'] as Record<string, unknown>;
            return { ...output, host: { ...host, hyperV: { ...(host['hyperV'] as Record<string, unknown>), featureState } } };
        };
        harness.store.enableHyperV(true);
        harness.answer(ENABLE, { ...enableHyperVOutput(), restarting: true });
        expect(harness.store.state.hostRestarting).toBe(true);
        const before = reads();

        // Down while it restarts: a failed read is no answer. Up before it went down: EnablePending is from before.
        harness.time.advance(RESTART_POLL_MS);
        harness.pending('Get-EflowDeploymentPrerequisites').fail(ajaxError(503, { error: { message: 'host unreachable' } }));
        harness.time.advance(RESTART_POLL_MS);
        harness.answer('Get-EflowDeploymentPrerequisites', withHyperV('EnablePending'));
        expect(harness.store.state.hostRestarting).toBe(true);
        expect(harness.store.state.status).toBe('ready');

        harness.time.advance(RESTART_POLL_MS);
        harness.answer('Get-EflowDeploymentPrerequisites', withHyperV('Enabled'));
        expect(harness.store.state.hostRestarting).toBe(false);
        expect(harness.store.state.hyperV.status).toBe('idle');
        // The wizard's own read of the host follows, replacing the old results.
        harness.answer('Get-EflowDeploymentPrerequisites', withHyperV('Enabled'));
        harness.answer('Get-EflowDeploymentState', bareStateOutput());
        expect(reads()).toBe(before + 4);
        expect(harness.store.state.prerequisites?.host.hyperV.featureState).toBe('Enabled');
        harness.time.advance(RESTART_POLL_MS * 3);
        expect(reads()).toBe(before + 4);
    });
});
