import { readEndpointHealth } from './endpoint-health';

describe('readEndpointHealth', () => {
    it.each([
        ['currentState:OK previousState:OK', 'ok', 'OK'],
        ['currentState:Degraded previousState:OK', 'degraded', 'Degraded'],
        ['currentState: ok', 'ok', 'ok'],
        ['', 'unknown', ''],
        ['garbage', 'unknown', '']
    ])('reads "%s" as %s', (raw, health, currentState) => {
        expect(readEndpointHealth(raw)).toEqual({ health, currentState });
    });
});
