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

    it('reads the output of a failed service followed by its report and last 10 journal lines (aziotctl status.rs)', () => {
        const lines = [
            'System services:',
            '    aziot-edged             Down - failed',
            '    aziot-identityd         Running',
            '    aziot-keyd              Running',
            '    aziot-certd             Running',
            '    aziot-tpmd              Ready',
            '',
            'aziot-edged is in a bad state because:',
            'aziot-edged.service: Down - failed: Printing the last 10 log lines.',
            'Nov 22 09:58:33 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Scheduled restart job, restart counter is at 4.',
            'Nov 22 09:58:36 FACTORY-PC-01-EFLOW systemd[1]: Started Azure IoT Edge daemon.',
            'Nov 22 09:58:39 FACTORY-PC-01-EFLOW aziot-edged[1805]: [ERR!] - Azure IoT Edge daemon failed to start: failed',
            'Nov 22 09:58:42 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Main process exited, code=exited, status=1/FAILURE',
            "Nov 22 09:58:45 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Failed with result 'exit-code'.",
            'Nov 22 09:58:48 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Scheduled restart job, restart counter is at 5.',
            'Nov 22 09:58:51 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Start request repeated too quickly.',
            'Nov 22 09:58:54 FACTORY-PC-01-EFLOW aziot-keyd[1010]: aziot-keyd Running',
            "Nov 22 09:58:57 FACTORY-PC-01-EFLOW systemd[1]: aziot-edged.service: Failed with result 'exit-code'.",
            'Nov 22 09:59:00 FACTORY-PC-01-EFLOW systemd[1]: Failed to start Azure IoT Edge daemon.',
            '',
            "Use 'iotedge system logs' to check for non-fatal errors.",
            "Use 'iotedge check' to diagnose connectivity and configuration issues."
        ];
        expect(parseSystemStatus(lines)).toEqual([
            { name: 'aziot-edged', state: 'down', reason: 'failed' },
            { name: 'aziot-identityd', state: 'running', reason: null },
            { name: 'aziot-keyd', state: 'running', reason: null },
            { name: 'aziot-certd', state: 'running', reason: null },
            { name: 'aziot-tpmd', state: 'ready', reason: null }
        ]);
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
