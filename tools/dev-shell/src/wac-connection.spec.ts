import type { FleetHostInfo } from '../../simulator/api';
import { connectionTypeLabel, matchesConnectionSearch, toWacConnection } from './wac-connection';

const host: FleetHostInfo = {
    name: 'edge-plant-a-01',
    connectionType: 'msft.sme.connection-type.windows-client',
    tags: ['Plant-A', 'lts'],
    reachable: true,
    description: 'provisioned'
};

describe('toWacConnection', () => {
    it('builds the WAC connection id from the type and the node name', () => {
        expect(toWacConnection(host)).toEqual({
            id: 'msft.sme.connection-type.windows-client!edge-plant-a-01',
            type: 'msft.sme.connection-type.windows-client',
            name: 'edge-plant-a-01',
            properties: { displayName: 'edge-plant-a-01' },
            tags: ['Plant-A', 'lts']
        });
    });

    it('copies the tags so the connection does not share the host list\'s array', () => {
        const connection = toWacConnection(host);
        connection.tags.push('changed');
        expect(host.tags).toEqual(['Plant-A', 'lts']);
    });
});

describe('connectionTypeLabel', () => {
    it('shows servers as Server and Windows clients as Windows PC', () => {
        expect(connectionTypeLabel('msft.sme.connection-type.server')).toBe('Server');
        expect(connectionTypeLabel('msft.sme.connection-type.windows-client')).toBe('Windows PC');
    });
});

describe('matchesConnectionSearch', () => {
    it.each([
        ['', true],
        ['   ', true],
        ['plant-a-01', true],
        ['EDGE', true],
        ['plant-a', true],
        ['LTS', true],
        ['lts edge', true],
        ['cr', false],
        ['lts kiosk', false]
    ])('query %j matches: %s', (query, expected) => {
        expect(matchesConnectionSearch(host, query)).toBe(expected);
    });
});
