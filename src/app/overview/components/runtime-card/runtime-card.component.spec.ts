import { parseSystemStatus } from '../../../core/domain/system-status';
import { aRunningVm, HEALTHY_SYSTEM_STATUS } from '../../../testing/host-overview.fixtures';
import { allByTest, byTest, renderComponent, textOf } from '../../../testing/render-component';
import { RuntimeCardComponent } from './runtime-card.component';

describe('RuntimeCardComponent', () => {
    it('shows the IoT Edge and Moby versions and each system service', () => {
        const fixture = renderComponent(RuntimeCardComponent, { runtime: aRunningVm().runtime, services: parseSystemStatus(HEALTHY_SYSTEM_STATUS) });
        expect(textOf(byTest(fixture, 'iotedge-version'))).toBe('1.5.21');
        expect(textOf(byTest(fixture, 'moby-engine-version'))).toBe('25.0.3');
        expect(textOf(byTest(fixture, 'moby-cli-version'))).toBe('25.0.3');
        expect(allByTest(fixture, 'system-service').map(s => [s.getAttribute('data-service'), s.getAttribute('data-state')])).toEqual([
            ['aziot-edged', 'running'], ['aziot-identityd', 'running'], ['aziot-keyd', 'running'], ['aziot-certd', 'running'], ['aziot-tpmd', 'ready']
        ]);
    });

    it('shows why a service is down', () => {
        const fixture = renderComponent(RuntimeCardComponent, {
            runtime: aRunningVm().runtime, services: parseSystemStatus(['aziot-edged  Down - socket error'])
        });
        expect(textOf(byTest(fixture, 'system-service'))).toBe('aziot-edged Down: socket error');
    });

    it('says the runtime could not be read, with the section error', () => {
        const fixture = renderComponent(RuntimeCardComponent, {
            runtime: null, services: null,
            errors: [{ source: 'Invoke-EflowVmCommand', code: 'IotEdgeUnavailable', message: "Unexpected return from 'sudo iotedge list'" }]
        });
        expect(allByTest(fixture, 'runtime-not-read')).toHaveLength(1);
        expect(textOf(byTest(fixture, 'section-error'))).toContain('IotEdgeUnavailable');
        expect(allByTest(fixture, 'system-service')).toEqual([]);
    });
});
