import { firstValueFrom } from 'rxjs';
import { allByTest, byTest, textOf } from '../../../testing/render-component';
import { buildPowerShellPreview } from '../../domain/powershell-preview';
import { validWizardModel } from '../../domain/testing/deploy-fixtures';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { ReviewPageComponent, type ImportedFile } from './review-page.component';

describe('ReviewPageComponent', () => {
    const exportFile = { fileName: 'eflow-userconfig-edge.json', text: '{"schemaVersion":"1.1"}\n', notes: ['The symmetric key is not exported.'] };

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
            'DpsSymmetricKey'
        ]);
        lines[2].querySelector('button')?.click();
        expect(opened).toEqual(['network']);
    });

    it('shows the exact PowerShell, secrets masked, and the export notes', () => {
        const fixture = render();
        const preview = byTest(fixture, 'powershell-preview') as HTMLTextAreaElement;
        expect(preview.value).toContain("Provision-EflowVm -provisioningType 'DpsSymmetricKey' -scopeId '0ne0012AB34' -registrationId 'edge-01' -symmKey '<symmetric key>' -headless");
        expect(textOf(byTest(fixture, 'export-notes'))).toBe('The symmetric key is not exported.');
    });

    it('says why there is no PowerShell while a page has errors, and links to those pages', () => {
        const fixture = render({ preview: null, invalidPages: ['vmSize'] });
        expect(allByTest(fixture, 'preview-unavailable')).toHaveLength(1);
        expect(byTest(fixture, 'review-invalid-page').getAttribute('data-page')).toBe('vmSize');
    });

    it('hands a chosen file\'s text on for import, and shows what the import found', async () => {
        const fixture = render({ importOutcome: { fileName: 'bad.json', applied: false,
            errors: [{ path: 'vmConfig.memoryInMB', text: 'Deploy-Eflow accepts only an even number of MB; 1,025 is odd.' }], warnings: [] } });
        const imported = firstValueFrom(fixture.componentInstance.importFile);
        const input = byTest(fixture, 'import-json') as HTMLInputElement;
        Object.defineProperty(input, 'files', { value: [new File(['{"eflowProduct":"Azure IoT Edge CR X64"}'], 'edge.json')] });
        input.dispatchEvent(new Event('change'));
        expect(await imported).toEqual<ImportedFile>({ fileName: 'edge.json', text: '{"eflowProduct":"Azure IoT Edge CR X64"}' });
        expect(input.value).toBe('');
    });
});
