import type { CallEvent, CallMessage, CallOutcome, JsonValue } from '../pwsh-host/protocol';
import type { RunHandle, RunHandlers, RunInput, RunResult } from '../pwsh-host/run-types';
import type { StandInCall } from '../simulator/api';
import { PoolScriptRunner } from './pool-script-runner';
import type { ScriptRunListener } from './script-runner';

/** A pool stand-in that lets the test drive one run's callbacks and its end. */
class ScriptedPool {
    input: RunInput | null = null;
    handlers: RunHandlers | null = null;
    cancelled = false;
    private settle: { resolve(result: RunResult): void; reject(error: Error): void } | null = null;

    run(input: RunInput, handlers: RunHandlers): RunHandle {
        this.input = input;
        this.handlers = handlers;
        const done = new Promise<RunResult>((resolve, reject) => { this.settle = { resolve, reject }; });
        return { runId: 'r1', cancel: () => { this.cancelled = true; }, done };
    }

    end(state: RunResult['state']): void {
        this.settle?.resolve({ state, outputs: [], errors: [], progress: [], streams: [], durationMs: 1 });
    }

    crash(): void {
        this.settle?.reject(new Error('host died; stderr: secret-looking text'));
    }
}

function recordingListener(): ScriptRunListener & { outputs: JsonValue[][]; errors: string[] } {
    const outputs: JsonValue[][] = [];
    const errors: string[] = [];
    return {
        outputs, errors,
        onOutput: items => outputs.push(items),
        onProgress: () => undefined,
        onError: record => errors.push(record.message)
    };
}

describe('PoolScriptRunner', () => {
    it('runs the script for the node and answers its stand-in calls with the simulator', async () => {
        const pool = new ScriptedPool();
        const calls: StandInCall[] = [];
        const simulator = {
            call: async (call: StandInCall, onEvent: (event: CallEvent) => void): Promise<CallOutcome> => {
                calls.push(call);
                onEvent({ kind: 'information', message: 'working' });
                return { ok: true, value: { name: 'vm' } };
            }
        };
        const runner = new PoolScriptRunner(pool, simulator);
        runner.run({ node: 'edge-1', script: 'Get-EflowVm' }, recordingListener());

        const call: CallMessage = {
            type: 'call', runId: 'r1', callId: 'c1', host: 'edge-1', module: 'AzureEFLOW', command: 'Get-EflowVm', parameters: {}
        };
        const events: CallEvent[] = [];
        const outcome = await pool.handlers?.onCall(call, event => events.push(event), new AbortController().signal);

        expect(pool.input).toEqual({ host: 'edge-1', script: 'Get-EflowVm' });
        expect(calls).toEqual([{ host: 'edge-1', module: 'AzureEFLOW', command: 'Get-EflowVm', parameters: {} }]);
        expect(events).toEqual([{ kind: 'information', message: 'working' }]);
        expect(outcome).toEqual({ ok: true, value: { name: 'vm' } });
    });

    it('passes output on as it comes and ends with the pool\'s state', async () => {
        const pool = new ScriptedPool();
        const listener = recordingListener();
        const handle = new PoolScriptRunner(pool, { call: async () => ({ ok: true, value: null }) })
            .run({ node: 'n', script: 's' }, listener);

        pool.handlers?.onOutput?.('a');
        pool.handlers?.onOutput?.({ b: 1 });
        handle.cancel();
        pool.end('Stopped');

        expect(await handle.done).toBe('Stopped');
        expect(pool.cancelled).toBe(true);
        expect(listener.outputs).toEqual([['a'], [{ b: 1 }]]);
    });

    it('ends a run whose PowerShell host died as Failed, with a fixed message instead of the host\'s stderr', async () => {
        const pool = new ScriptedPool();
        const listener = recordingListener();
        const handle = new PoolScriptRunner(pool, { call: async () => ({ ok: true, value: null }) })
            .run({ node: 'n', script: 's' }, listener);

        pool.crash();

        expect(await handle.done).toBe('Failed');
        expect(listener.errors).toEqual(['The PowerShell host running this command stopped unexpectedly.']);
    });
});
