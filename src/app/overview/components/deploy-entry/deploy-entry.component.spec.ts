import { byTest, renderComponent, textOf } from '../../../testing/render-component';
import { DeployEntryComponent } from './deploy-entry.component';

describe('DeployEntryComponent', () => {
    it.each([
        ['deploy', 'Deploy EFLOW'],
        ['continue', 'Continue deployment'],
        ['provision', 'Provision'],
        ['prepare', 'Prepare this host']
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
});
