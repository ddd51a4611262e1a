import { Http, PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';
import { commandBody, CREDENTIAL_PROMPT, ScriptedAnswer, ScriptedGateway } from '../../testing/scripted-gateway';
import { initSdkModule } from '../../testing/sdk-test-environment';
import { GatewayError } from './gateway-error';
import { createScriptCommand } from './script-command';
import { SecretCommandGuard, SecretCommandWatch } from './secret-command-guard';

/**
 * The guard against the SDK's real `Http` (its retry handlers and monitor sets), over a scripted XHR. The two resends
 * of SDK 5.0.0 are played as the SDK plays them: the node authorization handler repeats the request after a 401
 * (NodeConnection.createNodeRequest, Http.requestWithHandlers), and PowerShellRaw.fallbackToJea sends a second
 * request with the same body.
 */

const SECRET = 'HostName=hub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=c2VjcmV0LWtleS0xMjM0NTY3OA==';
const PROVISIONING = { command: 'Set-EflowVmProvisioning', script: 'param($ProvisioningType, $DevConnString)\n' };
const SESSIONS_URL = 'http://gateway.test/api/nodes/host1/features/powershellApi/pssessions';

const OK: ScriptedAnswer = { status: 200, body: { properties: { sessionId: 's-1', completed: 'False', results: [], progress: [], errors: [] } } };
const UNAUTHORIZED: ScriptedAnswer = { status: 401, body: { error: { code: 'Unauthorized', message: 'Access is denied.' } } };

describe('SecretCommandGuard', () => {
    let guard: SecretCommandGuard;
    let command: PowerShellCommand;

    beforeEach(() => {
        initSdkModule();
        guard = new SecretCommandGuard();
        command = createScriptCommand(PROVISIONING, { ProvisioningType: 'ManualConnectionString', DevConnString: SECRET });
    });

    afterEach(() => guard.ngOnDestroy());

    it('is needed: unwatched, the SDK\'s Http repeats a request after the credential prompt, body and all', () => {
        const gateway = new ScriptedGateway([UNAUTHORIZED, OK]);
        expect(gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command), [CREDENTIAL_PROMPT])).toBeNull();
        expect(gateway.sent.map(request => request.body)).toEqual([commandBody(command), commandBody(command)]);
    });

    it('lets the watched body out once and fails the SDK\'s resend after a 401 as unauthorized', () => {
        guard.watch(command, 'Set-EflowVmProvisioning');
        const gateway = new ScriptedGateway([UNAUTHORIZED, OK]);

        const failure = gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command), [CREDENTIAL_PROMPT]);

        expect(gateway.sent).toHaveLength(1);
        expect(failure).toBeInstanceOf(GatewayError);
        expect(failure).toMatchObject({ kind: 'unauthorized', status: 401, code: 'Unauthorized' });
        expect((failure as GatewayError).message).toBe('The gateway refused Set-EflowVmProvisioning: Access is denied. It carries secrets, '
            + 'so it is not sent again automatically; retry once the cause is fixed.');
        expect((failure as GatewayError).text).toEqual({ key: 'resendRefused', params: { name: 'Set-EflowVmProvisioning', message: 'Access is denied.' } });
        // The error keeps nothing of the request, which holds the secret.
        expect(JSON.stringify(failure)).not.toContain('SharedAccessKey');
        expect((failure as GatewayError).original).toBeUndefined();
    });

    it('fails a second request with the same body (the JEA fallback) as unauthorized after a 400 naming a JEA endpoint', () => {
        guard.watch(command, 'Set-EflowVmProvisioning');
        const gateway = new ScriptedGateway([
            { status: 400, body: { error: { code: 'BadRequest', message: 'Use the JEA endpoint.' } }, headers: { 'x-ms-sme-jea-endpoint': 'EflowManagerJea' } },
            OK
        ]);

        expect(gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command))).toMatchObject({ status: 400 });
        const failure = gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command));

        expect(gateway.sent).toHaveLength(1);
        expect(failure).toMatchObject({ kind: 'unauthorized', status: 400 });
    });

    it('counts a failed poll of the command\'s session as its refusal', () => {
        guard.watch(command, 'Set-EflowVmProvisioning');
        const gateway = new ScriptedGateway([OK, { status: 403, body: { error: { code: 'Forbidden', message: 'Denied.', forbidden: 'Unauthorized' } } }, OK]);

        gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command));
        gateway.request(`${SESSIONS_URL}/s-1?$expand=output`, null);
        const failure = gateway.request(`${SESSIONS_URL}/s-1/invokeCommand`, commandBody(command));

        expect(gateway.sent.map(request => request.method)).toEqual(['PUT', 'GET']);
        expect(failure).toMatchObject({ kind: 'unauthorized', status: 403 });
    });

    it('lets every other request through, and an identical body once per watch', () => {
        guard.watch(command, 'Set-EflowVmProvisioning');
        guard.watch(command, 'Set-EflowVmProvisioning');
        const other = createScriptCommand(PROVISIONING, { ProvisioningType: 'DpsTPM' });
        const gateway = new ScriptedGateway([OK, OK, OK, OK, OK]);

        expect(gateway.request(`${SESSIONS_URL}/a-newSession`, commandBody(other))).toBeNull();
        expect(gateway.request(`${SESSIONS_URL}/a-newSession`, commandBody(other))).toBeNull();
        expect(gateway.request(`${SESSIONS_URL}/b-newSession`, commandBody(command))).toBeNull();
        expect(gateway.request(`${SESSIONS_URL}/c-newSession`, commandBody(command))).toBeNull();
        const failure = gateway.request(`${SESSIONS_URL}/d-newSession`, commandBody(command));

        expect(gateway.sent).toHaveLength(4);
        expect(failure).toMatchObject({ kind: 'unknown' });
        expect((failure as GatewayError).message).toMatch(/^Set-EflowVmProvisioning was about to be sent to the gateway a second time\. It carries secrets/);
        expect((failure as GatewayError).text).toEqual({ key: 'resendSecondTime', params: { name: 'Set-EflowVmProvisioning' } });
    });

    it('watches only until the watch ends, and then no longer sits in the SDK\'s Http', () => {
        const watches: SecretCommandWatch[] = [guard.watch(command, 'Set-EflowVmProvisioning'), guard.watch(command, 'Set-EflowVmProvisioning')];
        expect(guard.watchCount).toBe(2);
        watches.forEach(watch => watch.end());
        watches[0].end();
        expect(guard.watchCount).toBe(0);
        const registered = jest.spyOn(Http, 'registerMonitorSet');

        const gateway = new ScriptedGateway([UNAUTHORIZED, OK]);
        gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command), [CREDENTIAL_PROMPT]);

        expect(gateway.sent).toHaveLength(2);
        guard.watch(command, 'Set-EflowVmProvisioning');
        expect(registered).toHaveBeenCalledTimes(1);
    });

    it('does not take the failure of another session\'s poll for the command\'s refusal', () => {
        guard.watch(command, 'Set-EflowVmProvisioning');
        const gateway = new ScriptedGateway([OK, { status: 403, body: { error: { code: 'Forbidden', message: 'Denied.', forbidden: 'Unauthorized' } } }]);

        gateway.request(`${SESSIONS_URL}/eflow-manager-change-newSession`, commandBody(command));
        gateway.request(`${SESSIONS_URL}/s-9?$expand=output`, null);

        expect(gateway.request(`${SESSIONS_URL}/s-1/invokeCommand`, commandBody(command))).toMatchObject({ kind: 'unknown', status: null });
    });
});
