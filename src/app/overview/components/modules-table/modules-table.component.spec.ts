import { parseIotEdgeList } from '../../../core/domain/iotedge-list';
import { HEALTHY_IOTEDGE_LIST } from '../../../testing/host-overview.fixtures';
import { allByTest, renderComponent, setInputs, textOf } from '../../../testing/render-component';
import { ModulesTableComponent } from './modules-table.component';

describe('ModulesTableComponent', () => {
    it('renders one row per module with name, status, description and image', () => {
        const fixture = renderComponent(ModulesTableComponent, { modules: parseIotEdgeList(HEALTHY_IOTEDGE_LIST).modules });
        const rows = allByTest(fixture, 'module-row');
        expect(rows.map(r => r.getAttribute('data-module'))).toEqual(['SimulatedTemperatureSensor', 'edgeAgent', 'edgeHub']);
        expect(Array.from(rows[1].querySelectorAll('td')).map(cell => textOf(cell))).toEqual(
            ['edgeAgent', 'Running', 'Up 10 minutes', 'mcr.microsoft.com/azureiotedge-agent:1.5']);
        expect(rows[1].querySelector('sme-status-icon .sme-color-success')).not.toBeNull();
    });

    it('marks a failed module with an error icon and its status', () => {
        const fixture = renderComponent(ModulesTableComponent, {
            modules: parseIotEdgeList(['tempSensor  failed  Failed (137) 5 minutes ago  img:1']).modules
        });
        const [row] = allByTest(fixture, 'module-row');
        expect(row.getAttribute('data-status')).toBe('failed');
        expect(textOf(row.querySelector('[data-test="module-status"]'))).toBe('Failed');
        expect(row.querySelector('sme-status-icon .sme-color-error')).not.toBeNull();
    });

    it('tells an empty list from one that could not be read', () => {
        const fixture = renderComponent(ModulesTableComponent, { modules: [] });
        expect(allByTest(fixture, 'modules-empty')).toHaveLength(1);
        expect(allByTest(fixture, 'modules-table')).toEqual([]);
        setInputs(fixture, { modules: null });
        expect(allByTest(fixture, 'modules-empty')).toEqual([]);
        expect(textOf(allByTest(fixture, 'modules-not-read')[0])).toBe('The module list could not be read.');
    });
});
