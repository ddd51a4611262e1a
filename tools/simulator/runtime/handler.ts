/**
 * What a cmdlet handler gets and returns. Handlers mutate `host` (the live state record) and call `changed()` so
 * the simulator persists it; long operations stream events and sleep through `clock` with `signal`.
 */
import type { CallEvent, CallOutcome } from '../../pwsh-host/protocol';
import type { HostState } from '../state/host-state';
import type { FaultState } from '../state/fault-state';
import type { SimClock } from './clock';
import type { BoundParameters } from './params';

export interface HandlerContext {
    host: HostState;
    params: BoundParameters;
    faults: FaultState;
    clock: SimClock;
    signal: AbortSignal;
    random: () => number;
    emit: (event: CallEvent) => void;
    /** Marks the host (state or faults) changed, so it is saved soon. */
    changed: () => void;
    /**
     * Starts work that goes on after the call returns (msiexec without -Wait). It runs with its own signal, which
     * nothing aborts: the caller's cancellation does not reach a process it did not wait for.
     */
    background: (work: (signal: AbortSignal) => Promise<void>) => void;
}

export type CmdletHandler = (context: HandlerContext) => CallOutcome | Promise<CallOutcome>;

/** Handlers by cmdlet name (as spelled in the spec), for one module. */
export type HandlerMap = ReadonlyMap<string, CmdletHandler>;
