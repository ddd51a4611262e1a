import { enableHyperVOutput } from '../../core/models/testing/deploy-change-outputs';
import { ajaxError } from '../../testing/ajax-error';
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
});
