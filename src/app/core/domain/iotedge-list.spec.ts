import { HEALTHY_IOTEDGE_LIST } from '../../testing/host-overview.fixtures';
import { isModuleStatus, parseIotEdgeList } from './iotedge-list';

describe('parseIotEdgeList', () => {
    it('reads every row of a healthy device, skipping the header', () => {
        const { modules, unreadLines } = parseIotEdgeList(HEALTHY_IOTEDGE_LIST);
        expect(modules.map(m => [m.name, m.status, m.description, m.image])).toEqual([
            ['SimulatedTemperatureSensor', 'running', 'Up 3 minutes', 'mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5'],
            ['edgeAgent', 'running', 'Up 10 minutes', 'mcr.microsoft.com/azureiotedge-agent:1.5'],
            ['edgeHub', 'running', 'Up 10 minutes', 'mcr.microsoft.com/azureiotedge-hub:1.5']
        ]);
        expect(unreadLines).toEqual([]);
    });

    it.each([
        ['running', 'Up 3 minutes', null],
        ['stopped', 'Stopped 2 hours ago', null],
        ['failed', 'Failed (137) 5 minutes ago', 137],
        ['failed', 'Failed (-1) 1 day ago', -1],
        ['dead', 'Dead 10 seconds ago', null],
        ['unknown', 'Unknown', null]
    ])('reads status %s with description "%s"', (status: string, description: string, exitCode: number | null) => {
        const [module] = parseIotEdgeList([`tempSensor       ${status}          ${description}    mcr.microsoft.com/sensor:1.0`]).modules;
        expect(module).toEqual({ name: 'tempSensor', status, description, exitCode, image: 'mcr.microsoft.com/sensor:1.0' });
    });

    it('is robust to tabs, collapsed padding, leading blanks and CRLF line ends', () => {
        const { modules } = parseIotEdgeList([
            '  edgeAgent\trunning\tUp 1 minute\tmcr.microsoft.com/azureiotedge-agent:1.5\r',
            'edgeHub running Up   2   minutes mcr.microsoft.com/azureiotedge-hub:1.5'
        ]);
        expect(modules.map(m => [m.name, m.description, m.image])).toEqual([
            ['edgeAgent', 'Up 1 minute', 'mcr.microsoft.com/azureiotedge-agent:1.5'],
            ['edgeHub', 'Up 2 minutes', 'mcr.microsoft.com/azureiotedge-hub:1.5']
        ]);
    });

    it('accepts a status in another case and normalizes it', () => {
        expect(parseIotEdgeList(['m  Running  Up 1 minute  img:1']).modules[0].status).toBe('running');
    });

    it('reads a row without a description', () => {
        expect(parseIotEdgeList(['m  unknown  img:1']).modules[0]).toEqual(
            { name: 'm', status: 'unknown', description: '', exitCode: null, image: 'img:1' });
    });

    it('returns nothing for an empty output, blank lines or the header alone', () => {
        expect(parseIotEdgeList([])).toEqual({ modules: [], unreadLines: [] });
        expect(parseIotEdgeList(['', '   ', 'NAME STATUS DESCRIPTION Config'])).toEqual({ modules: [], unreadLines: [] });
    });

    it('keeps garbage lines out of the modules and reports them', () => {
        const garbage = [
            'sudo: unable to resolve host FACTORY-PC-01-EFLOW: Name or service not known',
            'A module runtime error occurred',
            'edgeAgent running',
            'edgeAgent sleeping Up 1 minute img:1'
        ];
        const { modules, unreadLines } = parseIotEdgeList([...garbage, 'edgeHub running Up 1 minute img:1']);
        expect(modules.map(m => m.name)).toEqual(['edgeHub']);
        expect(unreadLines).toEqual(garbage);
    });
});

describe('isModuleStatus', () => {
    it('knows the five statuses and nothing else', () => {
        expect(['running', 'stopped', 'failed', 'dead', 'unknown', 'RUNNING'].every(isModuleStatus)).toBe(true);
        expect(isModuleStatus('backoff')).toBe(false);
        expect(isModuleStatus('')).toBe(false);
    });
});
