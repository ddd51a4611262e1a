import { CliUsageError, parseCliOptions } from './cli-options';

describe('gateway CLI options', () => {
    it('uses the documented defaults', () => {
        expect(parseCliOptions([], {})).toEqual({
            kind: 'run',
            options: expect.objectContaining({ port: 4300, stateDir: '.sim-state', fleet: 'default', offline: [] })
        });
    });

    it('reads flags in both --flag value and --flag=value forms', () => {
        const request = parseCliOptions(
            ['--port', '0', '--fleet=25', '--latency', '40', '--failure-rate=0.1', '--offline', 'Host1, host2',
                '--time-scale', '0.01', '--workers', '2', '--runspaces=4', '--state-dir', '/tmp/s'], {});

        expect(request).toEqual({
            kind: 'run',
            options: expect.objectContaining({
                port: 0, fleet: 25, latencyMs: 40, failureRate: 0.1, offline: ['host1', 'host2'], timeScale: 0.01,
                workers: 2, runspaces: 4, stateDir: '/tmp/s'
            })
        });
    });

    it('takes knobs from the environment when no flag is given, and lets flags win', () => {
        const env = {
            EFLOW_SIM_LATENCY_MS: '250', EFLOW_SIM_FAILURE_RATE: '0.2', EFLOW_SIM_OFFLINE: 'a,b', EFLOW_SIM_TIME_SCALE: '0'
        };

        const fromEnv = parseCliOptions([], env);
        const flagWins = parseCliOptions(['--latency', '10'], env);

        expect(fromEnv).toEqual({ kind: 'run', options: expect.objectContaining({
            latencyMs: 250, failureRate: 0.2, offline: ['a', 'b'], timeScale: 0 }) });
        expect(flagWins).toEqual({ kind: 'run', options: expect.objectContaining({ latencyMs: 10 }) });
    });

    it.each([
        [['--failure-rate', '1.5'], /--failure-rate must be a number >= 0 and <= 1/],
        [['--port', 'abc'], /--port must be an integer/],
        [['--fleet', 'big'], /--fleet must be an integer/],
        [['--bogus', '1'], /Unknown flag --bogus/],
        [['--latency'], /--latency needs a value/]
    ])('refuses %j', (argv, message) => {
        expect(() => parseCliOptions(argv, {})).toThrow(CliUsageError);
        expect(() => parseCliOptions(argv, {})).toThrow(message);
    });

    it('answers help', () => {
        expect(parseCliOptions(['--help'], {})).toEqual({ kind: 'help' });
    });
});
