import { byTest, renderComponent, textOf } from '../../../testing/render-component';
import { DeployEntryComponent } from './deploy-entry.component';

describe('DeployEntryComponent', () => {
    it.each([
        ['deploy', 'Deploy EFLOW'],
        ['continue', 'Continue deployment'],
        ['provision', 'Provision'],
        ['prepare', 'Prepare this host'],
        ['progress', 'View progress'],
        ['partial', 'Open the deployment wizard']
    ] as const)('offers "%s" with its own words and emits it when clicked', (kind, label) => {
        const fixture = renderComponent(DeployEntryComponent, { kind });
        const emitted: string[] = [];
        fixture.componentInstance.start.subscribe((value: string) => emitted.push(value));
        const button = byTest(fixture, 'deploy-entry-button');
        expect(textOf(button)).toBe(label);
        expect(byTest(fixture, 'deploy-entry').getAttribute('data-kind')).toBe(kind);
        button.click();
        expect(emitted).toEqual([kind]);
    });

    it('says a deployment failed part-way and must be cleaned up', () => {
        const fixture = renderComponent(DeployEntryComponent, { kind: 'partial' });
        expect(textOf(byTest(fixture, 'deploy-entry-text'))).toContain('Deploy-Eflow failed part-way on this host and must be cleaned up');
    });

    it('tells an edition without Hyper-V to upgrade, with no button', () => {
        const fixture = renderComponent(DeployEntryComponent, { kind: 'edition', caption: 'Microsoft Windows 10 Home' });
        expect(textOf(byTest(fixture, 'deploy-entry-title'))).toBe('This edition cannot run EFLOW');
        expect(textOf(byTest(fixture, 'deploy-entry-text'))).toContain('Microsoft Windows 10 Home has no Hyper-V');
        expect(textOf(byTest(fixture, 'deploy-entry-text'))).toContain('Upgrade to Windows 10 or 11 Pro, Enterprise or IoT Enterprise, or to Windows Server');
        expect(fixture.nativeElement.querySelector('[data-test="deploy-entry-button"]')).toBeNull();
    });
});
