/**
 * The simulator: holds the fleet's state, answers stand-in calls through the handler tables, keeps faults and
 * knobs, persists. One instance per gateway emulator (or test).
 */
import type { CallEvent, CallOutcome, JsonValue } from '../pwsh-host/protocol';
import type {
    FleetHostInfo, GlobalKnobs, HostConnection, HostFaults, SimulatorApi, StandInCall
} from './api';
import type { FleetDefinition } from './fleet/fleet-definition';
import { findHandler, IMPORT_MODULE_COMMAND } from './handlers/handler-map';
import { type PersistedState, StateStore, STATE_SCHEMA_VERSION } from './persistence/state-store';
import { OperationAbortedError, SimClock } from './runtime/clock';
import { StandInFailure } from './runtime/failure';
import type { HandlerContext } from './runtime/handler';
import { commandNotFound, pipelineStopped } from './runtime/outcome';
import { BoundParameters } from './runtime/params';
import { type FaultState, mergeFaults, noFaults } from './state/fault-state';
import type { HostState, OperationRecord } from './state/host-state';

/** Commands that only read: not written to the operation history (a fleet refresh would flood it). */
const READ_ONLY_VERB = /^(Get|Test|Verify)-/i;
const HISTORY_LIMIT = 100;

export interface FleetSimulatorOptions {
    fleetKind: string;
    buildFleet: (now: Date) => FleetDefinition;
    stateDir: string | null;
    timeScale: number;
    now: () => Date;
    random: () => number;
}

export class FleetSimulator implements SimulatorApi {
    private hosts = new Map<string, HostState>();
    private faults = new Map<string, FaultState>();
    private knobs: GlobalKnobs;
    private readonly clock: SimClock;
    private readonly store: StateStore;
    private readonly background = new Set<Promise<void>>();

    constructor(private readonly options: FleetSimulatorOptions) {
        this.knobs = { latencyMs: 0, failureRate: 0, timeScale: options.timeScale };
        this.clock = new SimClock(options.now, () => this.knobs.timeScale);
        this.store = new StateStore(options.stateDir);
        const saved = this.store.load(options.fleetKind);
        if (saved) {
            this.adopt(saved.hosts, saved.faults);
        } else {
            this.adoptFleet(options.buildFleet(options.now()));
        }
    }

    listHosts(): FleetHostInfo[] {
        return [...this.hosts.values()].map(host => ({
            name: host.name,
            connectionType: host.connectionType,
            tags: [...host.tags],
            reachable: this.connection(host.name).reachable,
            description: host.description
        }));
    }

    hasHost(name: string): boolean {
        return this.hosts.has(name.toLowerCase());
    }

    connection(name: string): HostConnection {
        const host = this.hosts.get(name.toLowerCase());
        const faults = this.faults.get(name.toLowerCase());
        if (!host || !faults) {
            return { reachable: false, latencyMs: 0, failureRate: 0 };
        }
        const rebooting = host.rebootingUntil !== null && this.clock.now().getTime() < Date.parse(host.rebootingUntil);
        return {
            reachable: !faults.offline && !rebooting,
            latencyMs: Math.max(0, faults.latencyMs + this.knobs.latencyMs),
            failureRate: Math.min(1, Math.max(0, faults.failureRate + this.knobs.failureRate))
        };
    }

    async call(call: StandInCall, onEvent: (event: CallEvent) => void, signal: AbortSignal): Promise<CallOutcome> {
        const host = this.hosts.get(call.host.toLowerCase());
        const faults = this.faults.get(call.host.toLowerCase());
        if (!host || !faults) {
            return { ok: false, error: { message: `Unknown simulated host '${call.host}'.`,
                errorId: 'UnknownSimulatedHost', category: 'ObjectNotFound', terminating: true } };
        }
        if (signal.aborted) {
            return pipelineStopped();
        }
        const isAzureEflow = call.module.toLowerCase() === 'azureeflow';
        const handler = findHandler(call.module, call.command);
        // Where EFLOW is not installed its module (and so every cmdlet of it) does not exist.
        if (!handler || isAzureEflow && host.eflow === null &&
            call.command.toLowerCase() !== IMPORT_MODULE_COMMAND.toLowerCase()) {
            return commandNotFound(call.command);
        }
        let changed = false;
        const context: HandlerContext = {
            host,
            params: new BoundParameters(call.parameters),
            faults,
            clock: this.clock,
            signal,
            random: this.options.random,
            emit: event => {
                if (!signal.aborted) {
                    onEvent(event);
                }
            },
            changed: () => {
                changed = true;
                this.scheduleSave();
            },
            background: work => this.runInBackground(work)
        };
        const outcome = await this.runHandler(call, () => handler(context));
        if (!READ_ONLY_VERB.test(call.command) && call.command !== IMPORT_MODULE_COMMAND) {
            this.record(host, call, outcome);
            changed = true;
        }
        if (changed) {
            this.scheduleSave();
        }
        return outcome;
    }

    getHostState(name: string): JsonValue {
        const host = this.requireHost(name);
        const faults = this.faults.get(host.name) ?? noFaults();
        return structuredClone({ ...host, faults }) as unknown as JsonValue;
    }

    setFaults(name: string, faults: Partial<HostFaults>): void {
        const host = this.requireHost(name);
        this.faults.set(host.name, mergeFaults(this.faults.get(host.name) ?? noFaults(), faults));
        this.scheduleSave();
    }

    setGlobalKnobs(knobs: Partial<GlobalKnobs>): void {
        this.knobs = { ...this.knobs, ...Object.fromEntries(Object.entries(knobs).filter(([, v]) => v !== undefined)) };
    }

    getGlobalKnobs(): GlobalKnobs {
        return { ...this.knobs };
    }

    reset(): void {
        this.adoptFleet(this.options.buildFleet(this.options.now()));
        this.knobs = { ...this.knobs, latencyMs: 0, failureRate: 0 };
        this.scheduleSave();
    }

    async flush(): Promise<void> {
        await this.store.flush(() => this.snapshot());
    }

    /** Resolves when work started without waiting (msiexec without -Wait) has finished. For tests and tools. */
    async whenIdle(): Promise<void> {
        while (this.background.size > 0) {
            await Promise.all([...this.background]);
        }
    }

    private async runHandler(call: StandInCall, run: () => CallOutcome | Promise<CallOutcome>): Promise<CallOutcome> {
        try {
            return await run();
        } catch (error) {
            if (error instanceof StandInFailure) {
                return error.outcome;
            }
            if (error instanceof OperationAbortedError) {
                return pipelineStopped();
            }
            const message = error instanceof Error ? error.message : String(error);
            return { ok: false, error: { message: `Simulator error in ${call.command}: ${message}`,
                errorId: 'SimulatorInternalError', category: 'NotSpecified', terminating: true } };
        }
    }

    private runInBackground(work: (signal: AbortSignal) => Promise<void>): void {
        const controller = new AbortController();
        const running: Promise<void> = work(controller.signal)
            .catch(() => undefined)
            .finally(() => {
                this.background.delete(running);
                this.scheduleSave();
            });
        this.background.add(running);
    }

    private record(host: HostState, call: StandInCall, outcome: CallOutcome): void {
        // Parameter names only: values may be secrets (connection strings, keys).
        const entry: OperationRecord = {
            at: this.clock.nowIso(),
            module: call.module,
            command: call.command,
            parameterNames: Object.keys(call.parameters),
            outcome: outcome.ok ? 'ok' : outcome.error.message === 'The pipeline has been stopped.' ? 'stopped' : 'error',
            message: outcome.ok ? null : outcome.error.message
        };
        host.history.push(entry);
        if (host.history.length > HISTORY_LIMIT) {
            host.history.splice(0, host.history.length - HISTORY_LIMIT);
        }
    }

    private requireHost(name: string): HostState {
        const host = this.hosts.get(name.toLowerCase());
        if (!host) {
            throw new Error(`Unknown simulated host '${name}'`);
        }
        return host;
    }

    private adoptFleet(fleet: FleetDefinition): void {
        const faults: { [host: string]: FaultState } = {};
        for (const host of fleet.hosts) {
            faults[host.name] = mergeFaults(noFaults(), fleet.faults[host.name] ?? {});
        }
        this.adopt(fleet.hosts, faults);
    }

    private adopt(hosts: HostState[], faults: { [host: string]: FaultState }): void {
        this.hosts = new Map(hosts.map(host => [host.name.toLowerCase(), host]));
        this.faults = new Map(hosts.map(host => [host.name.toLowerCase(),
            mergeFaults(noFaults(), faults[host.name] ?? {})]));
    }

    private snapshot(): PersistedState {
        return {
            schemaVersion: STATE_SCHEMA_VERSION,
            fleetKind: this.options.fleetKind,
            savedAt: this.clock.nowIso(),
            hosts: [...this.hosts.values()],
            faults: Object.fromEntries(this.faults.entries())
        };
    }

    private scheduleSave(): void {
        this.store.scheduleSave(() => this.snapshot());
    }
}
