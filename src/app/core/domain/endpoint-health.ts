/**
 * Get-EflowVmEndpoint's HealthStatus is a raw string such as `currentState:OK previousState:OK`; the dashboard says
 * what it means instead of pasting it.
 */

/** `ok`: the endpoint is healthy now; `degraded`: it reports another state; `unknown`: no current state given. */
export type EndpointHealth = 'ok' | 'degraded' | 'unknown';

/** The endpoint's current health, with the state word the host gave (for the degraded text). */
export interface EndpointHealthReading {
    health: EndpointHealth;
    /** The `currentState` value as given, empty when missing. */
    currentState: string;
}

/** Reads a HealthStatus string; only the current state matters (the previous one is history). */
export function readEndpointHealth(healthStatus: string): EndpointHealthReading {
    const match = /currentState\s*:\s*(\S+)/i.exec(healthStatus);
    if (!match) {
        return { health: 'unknown', currentState: '' };
    }
    const currentState = match[1];
    return { health: currentState.toUpperCase() === 'OK' ? 'ok' : 'degraded', currentState };
}
