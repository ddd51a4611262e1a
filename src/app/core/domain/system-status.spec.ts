import { HEALTHY_SYSTEM_STATUS } from '../../testing/host-overview.fixtures';
import { isServiceHealthy, parseSystemStatus } from './system-status';

describe('parseSystemStatus', () => {
    it('reads the five services of a healthy runtime, ignoring the heading and hints', () => {
        expect(parseSystemStatus(HEALTHY_SYSTEM_STATUS)).toEqual([
            { name: 'aziot-edged', state: 'running', reason: null },
            { name: 'aziot-identityd', state: 'running', reason: null },
            { name: 'aziot-keyd', state: 'running', reason: null },
            { name: 'aziot-certd', state: 'running', reason: null },
            { name: 'aziot-tpmd', state: 'ready', reason: null }
        ]);
    });

    it('reads the reason of a service that is down', () => {
        expect(parseSystemStatus(['    aziot-edged             Down - socket error'])).toEqual(
            [{ name: 'aziot-edged', state: 'down', reason: 'socket error' }]);
    });

    it('keeps a reason that itself contains dashes', () => {
        expect(parseSystemStatus(['aziot-keyd   Down - exit-code - status=1/FAILURE'])[0].reason).toBe('exit-code - status=1/FAILURE');
    });

    it('gives a null reason to a bare "Down"', () => {
        expect(parseSystemStatus(['aziot-certd Down'])[0]).toEqual({ name: 'aziot-certd', state: 'down', reason: null });
    });

    it('does not read journal lines that mention a service as service lines', () => {
        const lines = [
            '    aziot-edged             Down - socket error',
            'Nov 22 10:00:00 FACTORY-PC-01-EFLOW aziot-edged[812]: Error: could not connect Running',
            '    aziot-edged Running as pid 4'
        ];
        expect(parseSystemStatus(lines)).toEqual([{ name: 'aziot-edged', state: 'down', reason: 'socket error' }]);
    });

    it('returns nothing for empty output', () => {
        expect(parseSystemStatus([])).toEqual([]);
    });
});

describe('isServiceHealthy', () => {
    it('counts running and ready as healthy, down as not', () => {
        expect(isServiceHealthy({ name: 'a', state: 'running', reason: null })).toBe(true);
        expect(isServiceHealthy({ name: 'a', state: 'ready', reason: null })).toBe(true);
        expect(isServiceHealthy({ name: 'a', state: 'down', reason: 'x' })).toBe(false);
    });
});
