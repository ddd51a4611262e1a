import { firstValueFrom } from 'rxjs';
import { allByTest, byTest, textOf } from '../../../testing/render-component';
import { WHOLE_FILE_PATH } from '../../domain/auto-deploy-config';
import { messageOf } from '../../domain/message-text';
import { buildPowerShellPreview } from '../../domain/powershell-preview';
import { validWizardModel } from '../../domain/testing/deploy-fixtures';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { ReviewPageComponent, type ImportedFile } from './review-page.component';

describe('ReviewPageComponent', () => {
    const exportFile = { fileName: 'eflow-userconfig-edge.json', text: '{"schemaVersion":"1.1"}\n', notes: [messageOf('exportSymmetricKeyLeftOut')] };

    function render(inputs: Record<string, unknown> = {}) {
        return renderDeployComponent(ReviewPageComponent, {
            model: validWizardModel(), preview: buildPowerShellPreview(validWizardModel()), exportFile, ...inputs
        });
    }

    it('sums up every page\'s choices in plain words, each with a way back to it', () => {
        const fixture = render();
        const opened: string[] = [];
        fixture.componentInstance.openPage.subscribe((page: string) => opened.push(page));
        const lines = allByTest(fixture, 'review-line');
        expect(lines.map(line => textOf(line.querySelector('span')))).toEqual([
            'Azure IoT Edge 1.5 LTS (x64), downloaded on the host',
            '2 virtual processors, 4096 MB of memory, 64 GB disk, Small logs',
            'LAN, static 192.168.10.50/24 via 192.168.10.1; DNS: 192.168.10.1, 1.1.1.1',
            'No GPU',
            'DpsTpm off, Defender on, optional telemetry off',
            'Symmetric key (DPS)'
        ]);
        lines[2].querySelector('button')?.click();
        expect(opened).toEqual(['network']);
    });

    it('names each Change button after its page, and labels the PowerShell preview', () => {
        const fixture = render();
        expect(allByTest(fixture, 'review-change').map(button => button.getAttribute('aria-label'))).toEqual([
            'Change Product', 'Change VM size', 'Change Network', 'Change GPU', 'Change Features and terms', 'Change Provisioning'
        ]);
        const preview = byTest(fixture, 'powershell-preview');
        expect(preview.getAttribute('aria-label')).toBe('PowerShell the wizard runs');
        expect(textOf((fixture.nativeElement as HTMLElement).querySelector(`#${preview.getAttribute('aria-describedby')}`)))
            .toBe('Secrets are masked. Steps the host has done already appear as comments.');
    });

    it('imports with a real button that opens the file chooser; the file input itself is out of the tab order', () => {
        const fixture = render();
        const input = byTest(fixture, 'import-json') as HTMLInputElement;
        const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
        const button = byTest(fixture, 'import-button');
        expect(button.tagName).toBe('BUTTON');
        expect(textOf(button)).toBe('Import an eflowAutoDeploy JSON file');
        button.click();
        expect(opened).toHaveBeenCalledTimes(1);
        expect(input.tabIndex).toBe(-1);
    });

    it('shows the exact PowerShell, secrets masked, and the export notes', () => {
        const fixture = render();
        const preview = byTest(fixture, 'powershell-preview') as HTMLTextAreaElement;
        expect(preview.value).toContain("Provision-EflowVm -provisioningType 'DpsSymmetricKey' -scopeId '0ne0012AB34' -registrationId 'edge-01' -symmKey '<symmetric key>' -headless");
        expect(preview.value.split('\n').slice(0, 4)).toEqual([
            '# Azure IoT Edge for Linux on Windows deployment, as run by EFLOW Manager.',
            '# Run in an elevated Windows PowerShell session on the host. Secrets are masked: replace the <...> values.',
            '',
            '# 1. Install Azure IoT Edge 1.5 LTS (x64)'
        ]);
        expect(textOf(byTest(fixture, 'export-notes'))).toBe('The symmetric key is not exported: fill in eflowProvisioning.symmKey before using the file.');
    });

    it('copies the script as shown, comments worded', async () => {
        const fixture = render();
        const writeText = jest.fn((_text: string) => Promise.resolve());
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        (byTest(fixture, 'copy-preview') as HTMLButtonElement).click();
        await fixture.whenStable();
        expect(writeText).toHaveBeenCalledWith((byTest(fixture, 'powershell-preview') as HTMLTextAreaElement).value);
        expect(writeText.mock.calls[0][0]).toContain('# 2. Deploy the VM (Deploy-Eflow runs once per installation)\nDeploy-Eflow ');
    });

    it('says why there is no PowerShell while a page has errors, and links to those pages', () => {
        const fixture = render({ preview: null, invalidPages: ['vmSize'] });
        expect(allByTest(fixture, 'preview-unavailable')).toHaveLength(1);
        expect(byTest(fixture, 'review-invalid-page').getAttribute('data-page')).toBe('vmSize');
    });

    it('hands a chosen file\'s text on for import', async () => {
        const fixture = render();
        const imported = firstValueFrom(fixture.componentInstance.importFile);
        const input = byTest(fixture, 'import-json') as HTMLInputElement;
        Object.defineProperty(input, 'files', { value: [new File(['{"eflowProduct":"Azure IoT Edge CR X64"}'], 'edge.json')] });
        input.dispatchEvent(new Event('change'));
        expect(await imported).toEqual<ImportedFile>({ fileName: 'edge.json', text: '{"eflowProduct":"Azure IoT Edge CR X64"}' });
        expect(input.value).toBe('');
    });

    it('shows what a refused import found: the file, each error and each warning with the field it is about', () => {
        const fixture = render({ importOutcome: { fileName: 'bad.json', applied: false,
            errors: [{ path: 'vmConfig.memoryInMB', text: messageOf('memoryOdd', { value: 1025 }) }],
            warnings: [{ path: 'eflowProvisioning.globalEndpoint', text: messageOf('importProvisioningFieldIgnored', { type: 'ManualX509' }) }] } });
        const outcome = byTest(fixture, 'import-outcome');
        expect(outcome.getAttribute('data-applied')).toBe('false');
        expect(outcome.classList).toContain('em-notice-error');
        expect(textOf(outcome.querySelector('p'))).toBe('bad.json was not used; nothing changed:');
        expect(allByTest(fixture, 'import-error').map(row => [row.getAttribute('data-path'), textOf(row)])).toEqual([
            ['vmConfig.memoryInMB', 'vmConfig.memoryInMB: Deploy-Eflow accepts only an even number of MB; 1,025 is odd.']
        ]);
        expect(allByTest(fixture, 'import-warning').map(row => [row.getAttribute('data-path'), textOf(row)])).toEqual([
            ['eflowProvisioning.globalEndpoint', 'eflowProvisioning.globalEndpoint: does not apply to ManualX509 provisioning and is ignored.']
        ]);
    });

    it('names the file in an error about the whole file, not a "(file)" placeholder', () => {
        const fixture = render({ importOutcome: { fileName: 'broken.json', applied: false,
            errors: [{ path: WHOLE_FILE_PATH, text: messageOf('importNotJson') }], warnings: [] } });
        expect(allByTest(fixture, 'import-error').map(textOf)).toEqual(['broken.json: is not valid JSON.']);
    });

    it('says an applied import filled the wizard, and lists its warnings only', () => {
        const fixture = render({ importOutcome: { fileName: 'edge.json', applied: true, errors: [],
            warnings: [{ path: 'vmConfig.gpuCount', text: messageOf('importGpuCountDefault') }] } });
        const outcome = byTest(fixture, 'import-outcome');
        expect(outcome.getAttribute('data-applied')).toBe('true');
        expect(outcome.classList).not.toContain('em-notice-error');
        expect(textOf(outcome.querySelector('p'))).toBe('edge.json filled the wizard.');
        expect(allByTest(fixture, 'import-error')).toEqual([]);
        expect(allByTest(fixture, 'import-warning').map(row => textOf(row))).toEqual(['vmConfig.gpuCount: is not set; the wizard assigns 1 GPU.']);
    });

    it('shows no import outcome before anything was imported', () => {
        expect(allByTest(render(), 'import-outcome')).toEqual([]);
    });
});
