/**
 * The real ScriptRunner: runs each script in the PowerShell host pool, bound to its node, and answers every
 * stand-in cmdlet call the script makes with the simulator (`onCall` -> `simulator.call`).
 */
import type { ErrorRecordJson } from '../pwsh-host/protocol';
import type { RunHandlers, ScriptRunner as PwshScriptRunner } from '../pwsh-host/run-types';
import type { SimulatorApi } from '../simulator/api';
import type { ScriptRunHandle, ScriptRunListener, ScriptRunner, ScriptRunRequest, ScriptRunState } from './script-runner';

/**
 * Reported when the PowerShell host process is lost mid-run. Fixed text on purpose: the host's own crash message
 * carries its stderr, which must not reach a client.
 */
const HOST_LOST: ErrorRecordJson = {
    message: 'The PowerShell host running this command stopped unexpectedly.',
    fullyQualifiedErrorId: 'PowerShellHostLost',
    category: 'ResourceUnavailable',
    exceptionType: 'System.Management.Automation.Remoting.PSRemotingTransportException',
    scriptStackTrace: null,
    terminating: true
};

/** ScriptRunner over the PowerShell host pool, with stand-in calls answered by the simulator. */
export class PoolScriptRunner implements ScriptRunner {
    /**
     * @param pool the PowerShell host pool (or a single host): anything with pwsh-host's `run`.
     * @param simulator answers the stand-in calls.
     */
    constructor(
        private readonly pool: Pick<PwshScriptRunner, 'run'>,
        private readonly simulator: Pick<SimulatorApi, 'call'>) {
    }

    run(request: ScriptRunRequest, listener: ScriptRunListener): ScriptRunHandle {
        const handlers: RunHandlers = {
            onCall: (call, emit, signal) => this.simulator.call(
                { host: call.host, module: call.module, command: call.command, parameters: call.parameters }, emit, signal),
            onOutput: item => listener.onOutput([item]),
            onProgress: record => listener.onProgress(record),
            onError: record => listener.onError(record)
            // Warning, verbose and information records have no place in WAC's PowerShell API answers.
        };
        const handle = this.pool.run({ host: request.node, script: request.script }, handlers);
        const done: Promise<ScriptRunState> = handle.done.then(
            result => result.state,
            () => {
                listener.onError(HOST_LOST);
                return 'Failed';
            });
        return { cancel: () => handle.cancel(), done };
    }
}
