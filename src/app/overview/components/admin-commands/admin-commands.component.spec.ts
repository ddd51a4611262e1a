import { aReadyHost } from '../../../testing/host-overview.fixtures';
import { allByTest, renderComponent, setInputs, textOf } from '../../../testing/render-component';
import { installCommands } from '../../view-model/admin-commands';
import { AdminCommandsComponent } from './admin-commands.component';

describe('AdminCommandsComponent', () => {
    it('shows each step\'s purpose and its PowerShell, in order', () => {
        const fixture = renderComponent(AdminCommandsComponent, { steps: installCommands(aReadyHost()), showWizardNote: true });
        const steps = allByTest(fixture, 'admin-command');
        expect(steps.map(s => s.getAttribute('data-step'))).toEqual(['downloadMsi', 'installMsi', 'deploy', 'provision']);
        expect(textOf(steps[0])).toContain('Download the EFLOW 1.5 LTS installer');
        expect(allByTest(fixture, 'admin-command-code')[2].textContent).toContain('Deploy-Eflow -acceptEula Yes');
        expect(allByTest(fixture, 'wizard-note')).toHaveLength(1);
    });

    it('renders nothing without steps, and no wizard note unless asked', () => {
        const fixture = renderComponent(AdminCommandsComponent, { steps: [] });
        expect(allByTest(fixture, 'admin-commands')).toEqual([]);
        setInputs(fixture, { steps: [{ step: 'startVm', code: 'Start-EflowVm' }] });
        expect(allByTest(fixture, 'admin-command-code').map(e => e.textContent)).toEqual(['Start-EflowVm']);
        expect(allByTest(fixture, 'wizard-note')).toEqual([]);
    });
});
