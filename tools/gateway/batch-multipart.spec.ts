import { boundaryOf, formatBatchAnswer, parseBatchRequest } from './batch-multipart';
import { parseLikeSdk, sdkBatchBody } from './testing/gateway-client';

describe('batch multipart format', () => {
    it('reads the boundary of a multipart/mixed content type, quoted or not', () => {
        expect(boundaryOf('multipart/mixed; boundary=abc-123')).toBe('abc-123');
        expect(boundaryOf('multipart/mixed; boundary="quoted value"')).toBe('quoted value');
        expect(boundaryOf('application/json')).toBeNull();
        expect(boundaryOf(undefined)).toBeNull();
    });

    it('parses requests written the way the SDK writes them (PUT with body, GET and DELETE without)', () => {
        const body = sdkBatchBody('b0a5', '127.0.0.1:4300', [
            { method: 'PUT', node: 'host1', relativeUrl: 'features/powershellApi/pssessions/s1', requestId: 'r1',
                body: '{"properties":{"script":"Get-Thing","command":"Get-Thing"}}' },
            { method: 'GET', node: 'host2', relativeUrl: 'features/powershellApi/pssessions/s2?$expand=output', requestId: 'r2' },
            { method: 'DELETE', node: 'host3', relativeUrl: 'features/powershellApi/pssessions/s3', requestId: 'r3' }
        ]);

        const parts = parseBatchRequest(body, 'b0a5');

        expect(parts.map(part => [part.method, part.url, part.headers.get('request-id'), part.body])).toEqual([
            ['PUT', '/api/nodes/host1/features/powershellApi/pssessions/s1?api-version=2019-02-01', 'r1',
                '{"properties":{"script":"Get-Thing","command":"Get-Thing"}}'],
            ['GET', '/api/nodes/host2/features/powershellApi/pssessions/s2?$expand=output&api-version=2019-02-01', 'r2', ''],
            ['DELETE', '/api/nodes/host3/features/powershellApi/pssessions/s3?api-version=2019-02-01', 'r3', '']
        ]);
        expect(parts[0].headers.get('x-ms-sme-module-name')).toBe('contoso.eflow');
    });

    it('keeps a body whose script contains blank lines and CRLF escapes intact', () => {
        const script = 'function cvt($o){return ConvertFrom-Json $o}\n\n function SmeSubmit{\r\n Get-Thing\n}';
        const json = JSON.stringify({ properties: { script } });
        const body = sdkBatchBody('zz', 'h', [
            { method: 'POST', node: 'host1', relativeUrl: 'features/powershellApi/invokeCommand', requestId: 'r', body: json }
        ]);

        const [part] = parseBatchRequest(body, 'zz');

        expect(JSON.parse(part.body)).toEqual({ properties: { script } });
    });

    it('writes answers the SDK parser reads back: status, request-id and one-line JSON per part', () => {
        const text = formatBatchAnswer([
            { requestId: 'r1', status: 200, body: { properties: { sessionId: 's1', completed: 'True', results: [{ a: 'x\ny' }] } } },
            { requestId: 'r2', status: 500, body: { error: { code: 'PSRemotingTransportException', message: 'down' } } },
            { requestId: 'r3', status: 204, body: null }
        ], 'batchresponse_1234');

        expect(text.startsWith('--batchresponse_1234\r\n')).toBe(true);
        expect(text.endsWith('--batchresponse_1234--\r\n')).toBe(true);
        expect(parseLikeSdk(text)).toEqual([
            { status: 200, requestId: 'r1', data: { properties: { sessionId: 's1', completed: 'True', results: [{ a: 'x\ny' }] } } },
            { status: 500, requestId: 'r2', data: { error: { code: 'PSRemotingTransportException', message: 'down' } } },
            { status: 204, requestId: 'r3', data: undefined }
        ]);
    });

    it('ends without a part the SDK would misread (no trailing "--" item)', () => {
        const text = formatBatchAnswer([{ requestId: 'r1', status: 200, body: { properties: {} } }], 'batchresponse_x');

        expect(parseLikeSdk(text)).toHaveLength(1);
    });
});
