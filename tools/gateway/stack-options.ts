/**
 * Options of the whole emulator stack (simulator + PowerShell host pool + gateway), as the CLI, the dev shell,
 * tests and benchmarks give them.
 */

/** The simulated fleet: the hand-made default fleet, or N generated hosts. */
export type FleetChoice = 'default' | number;

export interface GatewayStackOptions {
    /** Interface to listen on (default 127.0.0.1). */
    host?: string;
    /** Port (default 4300; 0 picks a free one). */
    port?: number;
    /** Folder holding the simulator's persisted state. */
    stateDir: string;
    fleet: FleetChoice;
    /** Multiplier for the simulator's long-operation durations (1 realistic, 0.01 tests, 0 instant). */
    timeScale?: number;
    /** Global extra latency per request, ms. */
    latencyMs?: number;
    /** Global transient failure probability per request, 0..1. */
    failureRate?: number;
    /** Hosts to mark offline at start. */
    offline?: string[];
    /** PowerShell host processes in the pool. */
    workers?: number;
    /** Runspaces per PowerShell host process. */
    runspaces?: number;
    initialWaitMs?: number;
    pollWaitMs?: number;
    sessionIdleMs?: number;
}
