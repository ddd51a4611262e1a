/**
 * How the dev shell presents simulated hosts to the module: as WAC connections (SDK `core/security/connection`).
 * Pure: no DOM.
 */
import type { ConnectionType, FleetHostInfo } from '../../simulator/api';

/** The subset of the SDK's `Connection` the shell fills in. */
export interface WacConnection {
    /** `<type>!<name>`, as WAC builds connection ids. */
    id: string;
    type: ConnectionType;
    name: string;
    properties: { [key: string]: string };
    tags: string[];
}

/** The label WAC's connection list shows for a connection type. */
export function connectionTypeLabel(type: ConnectionType): string {
    return type === 'msft.sme.connection-type.windows-client' ? 'Windows PC' : 'Server';
}

/** Builds the WAC connection for one simulated host. */
export function toWacConnection(host: FleetHostInfo): WacConnection {
    return {
        id: `${host.connectionType}!${host.name}`,
        type: host.connectionType,
        name: host.name,
        properties: { displayName: host.name },
        tags: [...host.tags]
    };
}

/**
 * Whether a host matches the connection list's search box: the query's words must each appear in the name or
 * in one of the tags (case-insensitive). An empty query matches everything.
 */
export function matchesConnectionSearch(host: FleetHostInfo, query: string): boolean {
    const words = query.toLowerCase().split(/\s+/).filter(word => word.length > 0);
    const haystacks = [host.name.toLowerCase(), ...host.tags.map(tag => tag.toLowerCase())];
    return words.every(word => haystacks.some(haystack => haystack.includes(word)));
}
