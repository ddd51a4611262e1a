import { matchRoute, pathWithoutQueryValues } from './routes';

describe('routes', () => {
    it.each([
        ['POST', 'invokeCommand', { kind: 'invokeAutomatic' }],
        ['PUT', 'pssessions/overview-newSession', { kind: 'createSession', name: 'overview-newSession' }],
        ['PUT', 'pssessions/instantSession', { kind: 'createSession', name: 'instantSession' }],
        ['POST', 'pssessions/s-1/invokeCommand', { kind: 'invokeInSession', sessionId: 's-1' }],
        ['GET', 'pssessions/s-1', { kind: 'poll', sessionId: 's-1' }],
        ['POST', 'pssessions/s-1/cancel', { kind: 'cancel', sessionId: 's-1' }],
        ['PUT', 'pssessions/s-1/cancel', { kind: 'cancel', sessionId: 's-1' }],
        ['DELETE', 'pssessions/s-1', { kind: 'close', sessionId: 's-1' }]
    ])('maps %s %s to the same operation in both URL families', (method, rest, operation) => {
        expect(matchRoute(method, `/api/nodes/Host1/features/powershellApi/${rest}`))
            .toEqual({ family: 'legacy', node: 'host1', operation });
        expect(matchRoute(method, `/api/services/WinREST/PowerShell/nodes/Host1/${rest}`))
            .toEqual({ family: 'v2', node: 'host1', operation });
    });

    it('has no operation for a method the path does not take', () => {
        expect(matchRoute('GET', '/api/nodes/h/features/powershellApi/invokeCommand'))
            .toEqual({ family: 'legacy', node: 'h', operation: null });
        expect(matchRoute('POST', '/api/nodes/h/features/powershellApi/pssessions/x/unknown'))
            .toEqual({ family: 'legacy', node: 'h', operation: null });
    });

    it('recognizes batch, status and sim routes, and nothing else', () => {
        expect(matchRoute('POST', '/api/batch')).toEqual({ family: 'batch' });
        expect(matchRoute('GET', '/api/gateway/status')).toEqual({ family: 'status' });
        expect(matchRoute('PATCH', '/sim/hosts/host1/faults')).toEqual({ family: 'sim', segments: ['hosts', 'host1', 'faults'] });
        expect(matchRoute('GET', '/api/nodes/h/features/cim/namespaces/x')).toEqual({ family: 'other' });
        expect(matchRoute('GET', '/simulator')).toEqual({ family: 'other' });
    });

    it('drops query values but keeps their names', () => {
        expect(pathWithoutQueryValues('/api/nodes/h/features/powershellApi/pssessions/s?$expand=output&api-version=2019-02-01'))
            .toBe('/api/nodes/h/features/powershellApi/pssessions/s?$expand&api-version');
        expect(pathWithoutQueryValues('/sim/requests?since=12')).toBe('/sim/requests?since');
        expect(pathWithoutQueryValues('/api/gateway/status')).toBe('/api/gateway/status');
    });
});
