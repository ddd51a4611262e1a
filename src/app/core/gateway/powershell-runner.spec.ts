import { Observable, Subscription } from 'rxjs';
import { ajaxError } from '../../testing/ajax-error';
import { FakePowerShellService } from '../../testing/fake-powershell-service';
import { commandBody, CREDENTIAL_PROMPT, ScriptedGateway } from '../../testing/scripted-gateway';
import { initSdkModule } from '../../testing/sdk-test-environment';
import { VirtualTime } from '../../testing/virtual-time';
import { GatewayError, GatewayErrorKind } from './gateway-error';
import { GATEWAY_SESSION_KEY, GatewaySessionPool, HOST_CHANGE_SESSION_KEY } from './gateway-session-pool';
import { DEFAULT_RUN_TIMEOUT_MS, PowerShellRunEvent, PowerShellRunner, ScriptResource } from './powershell-runner';
import { SecretCommandGuard } from './secret-command-guard';

const SCRIPT: ScriptResource = { command: 'Get-EflowThing', script: '##Get-EflowThing##:Get-EflowThing.ps1\nparam($Name)\n' };

/** What a subscription to a run saw. */
interface Observed {
    events: PowerShellRunEvent[];
    error: GatewayError | null;
    completed: boolean;
    subscription: Subscription;
}

function observe(run: Observable<PowerShellRunEvent>): Observed {
    const observed: Observed = { events: [], error: null, completed: false, subscription: Subscription.EMPTY };
    observed.subscription = run.subscribe({
        next: event => observed.events.push(event),
        error: (error: unknown) => {
            observed.error = error as GatewayError;
        },
        complete: () => {
            observed.completed = true;
        }
    });
    return observed;
}

describe('PowerShellRunner', () => {
    let sdk: FakePowerShellService;
    let time: VirtualTime;
    let runner: PowerShellRunner;
    let guard: SecretCommandGuard;

    beforeEach(() => {
        initSdkModule();
        sdk = new FakePowerShellService();
        time = new VirtualTime();
        guard = new SecretCommandGuard();
        runner = new PowerShellRunner(sdk.asService(), new GatewaySessionPool(sdk.asService(), time.scheduler), time.scheduler, guard);
    });

    afterEach(() => guard.ngOnDestroy());

    describe('running', () => {
        it('runs nothing until subscribed', () => {
            runner.run('host1', SCRIPT);
            expect(sdk.commands).toEqual([]);
        });

        it('runs the script in the node\'s keyed session, always with partial results', () => {
            observe(runner.run('host1', SCRIPT, { Name: "it's" }));
            const command = sdk.lastCommand;
            expect(command.session.nodeName).toBe('host1');
            expect(command.session.key).toBe(GATEWAY_SESSION_KEY);
            expect(command.command.command).toBe('Get-EflowThing');
            expect(command.options.partial).toBe(true);
            // Parameters travel as JSON, quotes doubled, never spliced into the script body.
            expect(command.command.parameters).toEqual({ Name: "it's" });
            expect(command.command.script).toContain(`SmeSubmit -Name (cvt '"it''s"')`);
        });

        it('runs in the session the caller names, next to the shared one', () => {
            observe(runner.run('host1', SCRIPT));
            const change = observe(runner.run('host1', SCRIPT, {}, { sessionKey: HOST_CHANGE_SESSION_KEY }));
            expect(sdk.commands.map(c => c.session.key)).toEqual([GATEWAY_SESSION_KEY, HOST_CHANGE_SESSION_KEY]);
            // The change does not wait behind the read: it is the active command of its own session, so stopping it
            // cancels it on the gateway.
            change.subscription.unsubscribe();
            expect(sdk.cancelled.map(s => s.key)).toEqual([HOST_CHANGE_SESSION_KEY]);
        });

        it('reuses the node\'s session for later runs and opens another for another node', () => {
            observe(runner.run('host1', SCRIPT)).subscription.unsubscribe();
            observe(runner.run('host1', SCRIPT));
            observe(runner.run('host2', SCRIPT));
            expect(sdk.sessions.map(s => s.nodeName)).toEqual(['host1', 'host2']);
        });
    });

    describe('merging chunks', () => {
        it('concatenates the results of every chunk, including a single non-array result', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.answer({ results: [{ n: 1 }] });
            sdk.lastCommand.answer({ results: { n: 2 } });
            sdk.lastCommand.answer({});
            sdk.lastCommand.finish({ results: [{ n: 3 }, { n: 4 }] });
            expect(observed.events).toEqual([{ type: 'completed', results: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] }]);
            expect(observed.completed).toBe(true);
        });

        it('emits progress records as they arrive, before the result', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.answer({ progress: [{ activity: 'Deploy', statusDescription: 'Step 1', percentComplete: 10 }] });
            expect(observed.events).toEqual([
                { type: 'progress', progress: { activity: 'Deploy', statusDescription: 'Step 1', percentComplete: 10 } }]);
            sdk.lastCommand.finish({ progress: [{ activity: 'Deploy', statusDescription: 'Step 2', percentComplete: -1 }], results: ['OK'] });
            expect(observed.events.slice(1)).toEqual([
                { type: 'progress', progress: { activity: 'Deploy', statusDescription: 'Step 2', percentComplete: null } },
                { type: 'completed', results: ['OK'] }
            ]);
        });

        it('does not let a final errors-only chunk hide earlier results: the run fails with every error', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.answer({ results: [{ n: 1 }], errors: [{ message: '[FirstProblem] one' }] });
            sdk.lastCommand.finish({ errors: [{ message: '[SecondProblem] two' }] });
            expect(observed.events).toEqual([]);
            expect(observed.error?.kind).toBe('script-error');
            expect(observed.error?.scriptErrors).toEqual([
                { code: 'FirstProblem', message: 'one' }, { code: 'SecondProblem', message: 'two' }]);
        });
    });

    describe('script errors (HTTP 200)', () => {
        it('splits the [Code] prefix from the message', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.finish({ errors: [{ errorType: 'WriteErrorException', message: '[InvalidStaticIp] 10.0.0.300 is not a valid IPv4 address.' }] });
            expect(observed.error).toBeInstanceOf(GatewayError);
            expect(observed.error).toMatchObject({ kind: 'script-error', code: 'InvalidStaticIp', message: '10.0.0.300 is not a valid IPv4 address.' });
        });

        it('codes PowerShell parameter validation failures as ParameterValidation', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.finish({
                errors: [{
                    errorType: 'ParameterBindingValidationException',
                    message: "Cannot validate argument on parameter 'CpuCount'. The 0 argument is less than the minimum allowed range of 1."
                }]
            });
            expect(observed.error).toMatchObject({ kind: 'script-error', code: 'ParameterValidation' });
            expect(observed.error?.message).toMatch(/^Cannot validate argument on parameter 'CpuCount'/);
        });

        it('fails on a chunk that carries only an exception', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.finish({ exception: '[EflowNotInstalled] The AzureEFLOW module is not installed.' });
            expect(observed.error).toMatchObject({ kind: 'script-error', code: 'EflowNotInstalled', message: 'The AzureEFLOW module is not installed.' });
        });
    });

    describe('transport errors', () => {
        it.each<[string, unknown, GatewayErrorKind]>([
            ['no answer from the gateway (status 0)', ajaxError(0), 'gateway-unreachable'],
            ['401', ajaxError(401, { error: { code: 'Unauthorized', message: 'Unauthorized', forbidden: 'UnauthorizedLogin' } }), 'unauthorized'],
            ['403', ajaxError(403, { error: { code: 'Forbidden', message: 'Access denied', forbidden: 'Unauthorized' } }), 'unauthorized'],
            ['500 with a WinRM message', ajaxError(500, { error: { code: 'InternalServerError', message: 'Connecting to remote server host1 failed with the following error message : WinRM cannot complete the operation.' } }), 'host-unreachable'],
            ['500 with a remoting exception type', ajaxError(500, { errors: [{ errorType: 'PSRemotingTransportException', message: 'Access failed' }] }), 'host-unreachable'],
            ['503 with a WinRM HRESULT only', ajaxError(503, { errors: [{ message: 'failed', detailRecord: { hResult: -2144108526 } }] }), 'host-unreachable'],
            ['500 without any WinRM sign', ajaxError(500, { error: { code: 'InternalServerError', message: 'Object reference not set' } }), 'unknown'],
            ['404', ajaxError(404, { error: { code: 'NotFound', message: 'Not found' } }), 'unknown'],
            ['a programming error', new TypeError('x is undefined'), 'unknown']
        ])('maps %s to %s', (_name: string, failure: unknown, kind: GatewayErrorKind) => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.fail(failure);
            expect(observed.error).toBeInstanceOf(GatewayError);
            expect(observed.error?.kind).toBe(kind);
        });

        it('keeps the HTTP status and the gateway\'s message', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.fail(ajaxError(500, { error: { code: 'InternalServerError', message: 'WinRM cannot complete the operation.' } }));
            expect(observed.error).toMatchObject({ status: 500, code: 'InternalServerError', message: 'WinRM cannot complete the operation.' });
        });

        it.each([400, 401, 403])('replaces the node\'s session after a %i, which the SDK may leave busy for good (JEA fallback)', status => {
            observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.fail(ajaxError(status, { error: { code: 'Refused', message: 'Refused', forbidden: 'Unauthorized' } }));
            observe(runner.run('host1', SCRIPT));
            expect(sdk.sessions.map(s => [s.nodeName, s.disposeCount])).toEqual([['host1', 1], ['host1', 0]]);
            expect(sdk.lastCommand.session).toBe(sdk.sessions[1]);
        });

        it('keeps the node\'s session after other failures', () => {
            observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.fail(ajaxError(500, { error: { code: 'InternalServerError', message: 'Object reference not set' } }));
            observe(runner.run('host1', SCRIPT));
            expect(sdk.sessions).toHaveLength(1);
        });

        it('does not cancel a command the SDK already failed', () => {
            observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.fail(ajaxError(0));
            expect(sdk.cancelled).toEqual([]);
        });

        it('fails with unknown, before touching a session, when the module init data is missing', () => {
            (window as unknown as { MsftSme: { Init?: unknown } }).MsftSme.Init = undefined;
            const observed = observe(runner.run('host1', SCRIPT));
            expect(observed.error?.kind).toBe('unknown');
            expect(sdk.sessions).toEqual([]);
        });
    });

    describe('timeouts', () => {
        it('cancels the command on the gateway and fails with timeout when the limit passes', () => {
            const observed = observe(runner.run('host1', SCRIPT, {}, { timeoutMs: 10_000 }));
            sdk.lastCommand.answer({ results: [1] });
            time.advance(9_999);
            expect(observed.error).toBeNull();
            time.advance(1);
            expect(observed.error?.kind).toBe('timeout');
            expect(observed.error?.text).toEqual({ key: 'commandTimedOut', params: { command: 'Get-EflowThing', seconds: 10 } });
            expect(sdk.cancelled).toEqual([sdk.lastCommand.session]);
            expect(sdk.lastCommand.unsubscribed).toBe(true);
        });

        it('applies the default limit when none is given', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            time.advance(DEFAULT_RUN_TIMEOUT_MS - 1);
            expect(observed.error).toBeNull();
            time.advance(1);
            expect(observed.error?.kind).toBe('timeout');
        });

        it('does not fire after the run completed', () => {
            const observed = observe(runner.run('host1', SCRIPT, {}, { timeoutMs: 10 }));
            sdk.lastCommand.finish({ results: [1] });
            time.advance(1_000);
            expect(observed.error).toBeNull();
            expect(sdk.cancelled).toEqual([]);
        });
    });

    describe('cancellation', () => {
        it('cancels the command on the gateway when the caller unsubscribes', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            observed.subscription.unsubscribe();
            expect(sdk.cancelled).toEqual([sdk.lastCommand.session]);
            expect(sdk.lastCommand.unsubscribed).toBe(true);
        });

        it('does not cancel after the command completed', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.finish({ results: [1] });
            observed.subscription.unsubscribe();
            expect(sdk.cancelled).toEqual([]);
        });

        it('does not cancel the running command when a run queued behind it is dropped', () => {
            const first = observe(runner.run('host1', SCRIPT));
            const second = observe(runner.run('host1', SCRIPT));
            second.subscription.unsubscribe();
            expect(sdk.cancelled).toEqual([]);
            first.subscription.unsubscribe();
            expect(sdk.cancelled).toHaveLength(1);
        });

        it('reports cancelled when the SDK ends the command without completing it', () => {
            const observed = observe(runner.run('host1', SCRIPT));
            sdk.lastCommand.answer({ results: [1] });
            sdk.lastCommand.endWithoutCompletion();
            expect(observed.error?.kind).toBe('cancelled');
            expect(observed.events).toEqual([]);
        });
    });

    describe('commands that carry secrets', () => {
        const SECRET_PARAMETERS = { Name: 'SharedAccessKey=c2VjcmV0LWtleS0xMjM0NTY3OA==' };

        it('fails as unauthorized, after one request only, when the SDK would resend the command after a 401', () => {
            const observed = observe(runner.run('host1', SCRIPT, SECRET_PARAMETERS, { carriesSecrets: true }));
            const gateway = new ScriptedGateway([
                { status: 401, body: { error: { code: 'Unauthorized', message: 'Access is denied.' } } },
                { status: 200, body: { properties: { sessionId: 's-1', completed: 'True', results: [], progress: [], errors: [] } } }
            ]);
            // What the SDK does inside run(): the request through its Http, the credential prompt, the same request again.
            sdk.lastCommand.fail(gateway.request('http://gateway.test/api/nodes/host1/features/powershellApi/pssessions/k-newSession',
                commandBody(sdk.lastCommand.command), [CREDENTIAL_PROMPT]));

            expect(gateway.sent).toHaveLength(1);
            expect(observed.error).toBeInstanceOf(GatewayError);
            expect(observed.error).toMatchObject({ kind: 'unauthorized', status: 401 });
            expect(observed.error?.message).toContain('It carries secrets, so it is not sent again automatically');
            expect(guard.watchCount).toBe(0);
        });

        it('watches only commands that carry secrets, until the SDK is done with them', () => {
            observe(runner.run('host1', SCRIPT, SECRET_PARAMETERS, { carriesSecrets: true, sessionKey: HOST_CHANGE_SESSION_KEY }));
            const secretCommand = sdk.lastCommand;
            observe(runner.run('host1', SCRIPT));
            expect(guard.watchCount).toBe(1);
            secretCommand.finish({ results: ['OK'] });
            expect(guard.watchCount).toBe(0);
        });

        it('keeps watching after the caller leaves, until the SDK ends the command, and reports nothing then', () => {
            const observed = observe(runner.run('host1', SCRIPT, SECRET_PARAMETERS, { carriesSecrets: true }));
            observed.subscription.unsubscribe();
            // Cancelled on the gateway as usual, but the SDK may still resend (a credential prompt open, a failing poll).
            expect(sdk.cancelled).toEqual([sdk.lastCommand.session]);
            expect(sdk.lastCommand.unsubscribed).toBe(false);
            expect(guard.watchCount).toBe(1);
            sdk.lastCommand.endWithoutCompletion();
            expect(guard.watchCount).toBe(0);
            expect(observed.error).toBeNull();
        });

        it('stops watching when the time limit fails the run only once the SDK is done', () => {
            const observed = observe(runner.run('host1', SCRIPT, SECRET_PARAMETERS, { carriesSecrets: true, timeoutMs: 10 }));
            time.advance(10);
            expect(observed.error?.kind).toBe('timeout');
            expect(guard.watchCount).toBe(1);
            sdk.lastCommand.fail(ajaxError(0));
            expect(guard.watchCount).toBe(0);
            expect(observed.error?.kind).toBe('timeout');
        });
    });
});
