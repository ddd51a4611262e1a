/**
 * Test helpers for the simulator's specs: a simulator on a controllable clock and a one-line way to call a
 * stand-in and collect its events. Not used by the product.
 */
import type { CallEvent, CallOutcome, JsonValue } from '../../pwsh-host/protocol';
import type { SimulatorApi } from '../api';
import { createSimulator, type CreateSimulatorOptions } from '../index';

export const TEST_START = new Date('2026-03-02T10:00:00.000Z');

export interface TestClock {
    now: () => Date;
    advance: (ms: number) => void;
}

/** A clock that stands still until advanced. */
export function testClock(start = TEST_START): TestClock {
    let current = start.getTime();
    return { now: () => new Date(current), advance: ms => { current += ms; } };
}

/** A deterministic random source. */
export function seededRandom(seed = 42): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

export interface Harness {
    sim: SimulatorApi;
    clock: TestClock;
    call: (host: string, module: 'AzureEFLOW' | 'Windows' | 'WindowsInstaller', command: string,
        parameters?: { [name: string]: JsonValue }, signal?: AbortSignal) => Promise<CallResult>;
    eflow: (host: string, command: string, parameters?: { [name: string]: JsonValue }) => Promise<CallResult>;
    windows: (host: string, command: string, parameters?: { [name: string]: JsonValue }) => Promise<CallResult>;
}

export interface CallResult {
    outcome: CallOutcome;
    events: CallEvent[];
    /** The value when ok (throws otherwise, with the error, to make failing tests readable). */
    value: () => JsonValue;
    /** The error message when not ok (throws otherwise). */
    error: () => string;
    /** Information lines. */
    lines: () => string[];
}

function result(outcome: CallOutcome, events: CallEvent[]): CallResult {
    return {
        outcome,
        events,
        value: () => {
            if (!outcome.ok) {
                throw new Error(`expected success, got: ${outcome.error.message}`);
            }
            return outcome.value;
        },
        error: () => {
            if (outcome.ok) {
                throw new Error(`expected an error, got: ${JSON.stringify(outcome.value)}`);
            }
            return outcome.error.message;
        },
        lines: () => events.flatMap(event => event.kind === 'information' ? [event.message] : [])
    };
}

/** A simulator (memory only, instant by default) plus call helpers. */
export function harness(options: CreateSimulatorOptions = {}): Harness {
    const clock = testClock();
    const sim = createSimulator({ timeScale: 0, now: clock.now, random: seededRandom(), ...options });
    const call: Harness['call'] = async (host, module, command, parameters = {}, signal) => {
        const events: CallEvent[] = [];
        const outcome = await sim.call({ host, module, command, parameters }, event => events.push(event),
            signal ?? new AbortController().signal);
        return result(outcome, events);
    };
    return {
        sim,
        clock,
        call,
        eflow: (host, command, parameters) => call(host, 'AzureEFLOW', command, parameters),
        windows: (host, command, parameters) => call(host, 'Windows', command, parameters)
    };
}

/** A typed view of a JSON object value (tests read fields of outputs). */
export function asObject(value: JsonValue): { [key: string]: JsonValue } {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`not an object: ${JSON.stringify(value)}`);
    }
    return value;
}

export function asArray(value: JsonValue): JsonValue[] {
    if (!Array.isArray(value)) {
        throw new Error(`not an array: ${JSON.stringify(value)}`);
    }
    return value;
}
