/**
 * A SimulatorApi with just the transport-level behaviour the gateway reads (hosts, faults, knobs), for tests
 * where simulated EFLOW hosts are not the subject.
 */
import type { CallOutcome, JsonValue } from '../../pwsh-host/protocol';
import type { FleetHostInfo, GlobalKnobs, HostConnection, HostFaults, SimulatorApi } from '../../simulator/api';

const NO_FAULTS: HostFaults = { offline: false, latencyMs: 0, failureRate: 0, getEflowVmThrows: null };
const DEFAULT_KNOBS: GlobalKnobs = { latencyMs: 0, failureRate: 0, timeScale: 0 };

export class FakeSimulator implements SimulatorApi {
    private faults = new Map<string, HostFaults>();
    private knobs: GlobalKnobs = { ...DEFAULT_KNOBS };
    resets = 0;

    constructor(private readonly hostNames: string[]) {
        this.reset();
        this.resets = 0;
    }

    listHosts(): FleetHostInfo[] {
        return this.hostNames.map(name => ({
            name, connectionType: 'msft.sme.connection-type.server', tags: [], reachable: !this.faultsOf(name).offline,
            description: `fake host ${name}`
        }));
    }

    hasHost(name: string): boolean {
        return this.faults.has(name);
    }

    connection(name: string): HostConnection {
        const faults = this.faultsOf(name);
        return {
            reachable: !faults.offline,
            latencyMs: faults.latencyMs + this.knobs.latencyMs,
            failureRate: Math.min(1, faults.failureRate + this.knobs.failureRate)
        };
    }

    call(): Promise<CallOutcome> {
        return Promise.resolve({ ok: true, value: null });
    }

    getHostState(name: string): JsonValue {
        const faults = this.faultsOf(name);
        return { name, faults: { ...faults } };
    }

    setFaults(name: string, faults: Partial<HostFaults>): void {
        this.faults.set(name, { ...this.faultsOf(name), ...faults });
    }

    setGlobalKnobs(knobs: Partial<GlobalKnobs>): void {
        this.knobs = { ...this.knobs, ...knobs };
    }

    getGlobalKnobs(): GlobalKnobs {
        return { ...this.knobs };
    }

    reset(): void {
        this.faults = new Map(this.hostNames.map(name => [name, { ...NO_FAULTS }]));
        this.knobs = { ...DEFAULT_KNOBS };
        this.resets++;
    }

    flush(): Promise<void> {
        return Promise.resolve();
    }

    private faultsOf(name: string): HostFaults {
        return this.faults.get(name) ?? { ...NO_FAULTS };
    }
}
