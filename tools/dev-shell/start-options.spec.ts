import { parseStartArguments, StartUsageError } from './start-options';

describe('parseStartArguments', () => {
    it('builds in development and uses the default fleet and ports when given nothing', () => {
        expect(parseStartArguments([])).toEqual({
            build: true, configuration: 'development', latencyMs: null, failureRate: null, offlineHosts: [],
            timeScale: null, fleetSize: null, shellPort: 4200, gatewayPort: 4300
        });
    });

    it('reads every option, in both --name value and --name=value forms', () => {
        expect(parseStartArguments([
            '--no-build', '--configuration=production', '--latency', '250', '--failure-rate=0.1',
            '--offline', 'Edge-01, kiosk-07,', '--time-scale', '0.01', '--fleet=500', '--port', '0',
            '--gateway-port=4301'
        ])).toEqual({
            build: false, configuration: 'production', latencyMs: 250, failureRate: 0.1,
            offlineHosts: ['edge-01', 'kiosk-07'], timeScale: 0.01, fleetSize: 500, shellPort: 0, gatewayPort: 4301
        });
    });

    it('takes --fleet default as the default fleet', () => {
        expect(parseStartArguments(['--fleet', '20', '--fleet', 'default']).fleetSize).toBeNull();
    });

    it.each([
        [['--fleet'], '--fleet needs a value.'],
        [['--latency', '--no-build'], '--latency needs a value.'],
        [['--failure-rate', '1.5'], '--failure-rate must be a number from 0 to 1'],
        [['--latency', 'fast'], '--latency must be a number'],
        [['--latency', ''], '--latency must be a number'],
        [['--fleet', '2.5'], '--fleet must be a whole number'],
        [['--fleet', '0'], '--fleet must be a number from 1'],
        [['--fleet', 'large'], '--fleet must be a number from 1'],
        [['--configuration', 'staging'], '--configuration must be development or production'],
        [['--no-build=yes'], "Unknown option '--no-build'"],
        [['--verbose'], "Unknown option '--verbose'"],
        [['fleet'], "Unexpected argument 'fleet'"]
    ])('refuses %j with a message saying why and the usage', (args, problem) => {
        expect(() => parseStartArguments(args)).toThrow(StartUsageError);
        expect(() => parseStartArguments(args)).toThrow(problem);
        expect(() => parseStartArguments(args)).toThrow('Usage: npm start -- [options]');
    });
});
