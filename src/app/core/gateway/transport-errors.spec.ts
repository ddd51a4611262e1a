import { ajaxError } from '../../testing/ajax-error';
import { GatewayError } from './gateway-error';
import { isWinRmHResult, toGatewayError } from './transport-errors';

describe('toGatewayError', () => {
    it('returns a GatewayError unchanged', () => {
        const error = new GatewayError('timeout', 'late');
        expect(toGatewayError(error)).toBe(error);
    });

    it('maps status 0 to gateway-unreachable with a message even without a body', () => {
        const error = toGatewayError(ajaxError(0));
        expect(error).toMatchObject({ kind: 'gateway-unreachable', status: 0, message: 'The gateway did not answer.', text: { key: 'gatewayNoAnswer', params: {} } });
    });

    it.each([401, 403])('maps %d to unauthorized, keeping the gateway code', (status: number) => {
        expect(toGatewayError(ajaxError(status, { error: { code: 'Forbidden', message: 'No access' } })))
            .toMatchObject({ kind: 'unauthorized', status, code: 'Forbidden', message: 'No access' });
    });

    describe('host-unreachable', () => {
        it.each([
            ['a WinRM message', { error: { code: 'InternalServerError', message: 'WinRM cannot complete the operation. Verify that the specified computer name is valid.' } }],
            ['"Connecting to remote server"', { error: { message: 'Connecting to remote server host1 failed with the following error message : The client cannot connect.' } }],
            ['the remoting exception in the message', { exception: 'System.Management.Automation.Remoting.PSRemotingTransportException: failed' }],
            ['the remoting exception as an error type', { errors: [{ errorType: 'PSRemotingTransportException', message: 'failed' }] }],
            ['a WS-Management fault', { error: { message: 'The WS-Management service cannot process the request.' } }],
            ['PSSessionOpenFailed', { errors: [{ message: 'x', fullyQualifiedErrorId: 'PSSessionOpenFailed' }] }],
            ['a WinRM HRESULT in hex', { errors: [{ message: 'x', detailRecord: { hResult: '0x80338012' } }] }],
            ['a WinRM native error code, unsigned', { errors: [{ message: 'x', detailRecord: { nativeErrorCode: 2150859046 } }] }],
            ['an unreachable code', { error: { code: 'HostUnreachable', message: 'host1 is offline' } }],
            ['a JSON text body', JSON.stringify({ error: { message: 'WinRM cannot complete the operation.' } })]
        ])('is recognized from %s on a 5xx', (_name: string, body: unknown) => {
            expect(toGatewayError(ajaxError(500, body)).kind).toBe('host-unreachable');
        });

        it('is recognized from the local gateway emulator\'s offline answer, and from its HRESULT alone', () => {
            const offline = {
                error: {
                    code: 'PSRemotingTransportException',
                    message: 'Connecting to remote server edge-0003 failed with the following error message : WinRM cannot complete the operation.',
                    detailRecord: { nativeErrorCode: 2150859046 }
                }
            };
            expect(toGatewayError(ajaxError(500, offline))).toMatchObject({ kind: 'host-unreachable', code: 'PSRemotingTransportException' });
            expect(toGatewayError(ajaxError(500, { error: { code: 'X', message: 'x', detailRecord: { nativeErrorCode: 2150858793 } } })).kind)
                .toBe('host-unreachable');
        });

        it('is not claimed for a 4xx that mentions WinRM', () => {
            expect(toGatewayError(ajaxError(400, { error: { message: 'WinRM is mentioned' } })).kind).toBe('unknown');
        });

        it('is not claimed for a 5xx without any sign of the host', () => {
            const error = toGatewayError(ajaxError(502, '<html>Bad Gateway</html>', 'Bad Gateway'));
            expect(error).toMatchObject({ kind: 'unknown', status: 502, message: 'Bad Gateway' });
        });
    });

    describe('a script that throws (HTTP 400 with its error record)', () => {
        it('is a script-error with the script\'s code split off', () => {
            const error = toGatewayError(ajaxError(400, {
                error: { code: 'RuntimeException', message: '[VmAlreadyExists] The EFLOW VM exists already.' },
                sessionId: 's1', completed: 'True',
                errors: [{ errorType: 'RuntimeException', message: '[VmAlreadyExists] The EFLOW VM exists already.' }],
                exception: '[VmAlreadyExists] The EFLOW VM exists already.'
            }));
            expect(error).toMatchObject({ kind: 'script-error', code: 'VmAlreadyExists', status: 400, message: 'The EFLOW VM exists already.' });
        });

        it('codes a parameter validation failure', () => {
            const error = toGatewayError(ajaxError(400, {
                errors: [{ errorType: 'ParameterBindingValidationException', message: "Cannot validate argument on parameter 'CpuCount'." }]
            }));
            expect(error).toMatchObject({ kind: 'script-error', code: 'ParameterValidation' });
        });

        it('stays unknown without a code', () => {
            expect(toGatewayError(ajaxError(400, { error: { code: 'RuntimeException', message: 'Something broke.' } })).kind).toBe('unknown');
        });
    });

    it('uses the first error record\'s message when the body has no error object', () => {
        expect(toGatewayError(ajaxError(500, { errors: [{ message: 'first' }, { message: 'second' }] })).message).toBe('first');
    });

    it('describes an HTTP failure without any message by its status', () => {
        expect(toGatewayError(ajaxError(418, {})).message).toBe('The gateway answered HTTP 418.');
    });

    it('maps errors that are not HTTP failures to unknown with their message', () => {
        expect(toGatewayError(new Error('boom'))).toMatchObject({ kind: 'unknown', message: 'boom', status: null });
        expect(toGatewayError('text')).toMatchObject({ kind: 'unknown', message: 'text' });
        expect(toGatewayError(undefined).message).toBe('The gateway call failed for an unknown reason.');
        expect(toGatewayError(undefined).text).toEqual({ key: 'callFailedUnknown', params: {} });
    });
});

describe('isWinRmHResult', () => {
    it('accepts the WinRM facility in signed, unsigned and hex form', () => {
        expect(isWinRmHResult(-2144108526)).toBe(true);
        expect(isWinRmHResult(0x80338012)).toBe(true);
        expect(isWinRmHResult('0x8033809D')).toBe(true);
    });

    it('refuses other HRESULTs and numbers', () => {
        expect(isWinRmHResult(0x80070005)).toBe(false);
        expect(isWinRmHResult(500)).toBe(false);
        expect(isWinRmHResult('')).toBe(false);
        expect(isWinRmHResult('WinRM')).toBe(false);
        expect(isWinRmHResult(0x80338012 + 2 ** 32)).toBe(false);
    });
});
