/**
 * Entry point of the EFLOW host simulator: `createSimulator(options)` returns a SimulatorApi (see api.ts) over the
 * default demo fleet or a generated one. Everything else in this folder is internal.
 */
import type { SimulatorApi } from './api';
import { createDefaultFleet } from './fleet/default-fleet';
import { createGeneratedFleet } from './fleet/generated-fleet';
import { FleetSimulator } from './simulator';

export interface CreateSimulatorOptions {
    /** Folder for the saved state; null or absent: memory only. */
    stateDir?: string | null;
    /** `default` (the demo fleet, README table) or `{ generated: N }` (edge-0001..., for benchmarks). */
    fleet?: 'default' | { generated: number };
    /** Multiplier for simulated durations (1 realistic, 0 instant). Default 1. */
    timeScale?: number;
    /** The clock (default: the wall clock). */
    now?: () => Date;
    /** The only source of randomness (default Math.random). */
    random?: () => number;
}

/** Builds a simulator. A saved state in `stateDir` is reused when it was saved for the same fleet kind. */
export function createSimulator(options: CreateSimulatorOptions = {}): SimulatorApi {
    const fleet = options.fleet ?? 'default';
    const generatedCount = typeof fleet === 'object' ? fleet.generated : null;
    if (generatedCount !== null && (!Number.isInteger(generatedCount) || generatedCount < 1)) {
        throw new Error(`fleet.generated must be a positive integer, not ${generatedCount}`);
    }
    return new FleetSimulator({
        fleetKind: generatedCount === null ? 'default' : `generated:${generatedCount}`,
        buildFleet: now => generatedCount === null ? createDefaultFleet(now) : createGeneratedFleet(generatedCount, now),
        stateDir: options.stateDir ?? null,
        timeScale: options.timeScale ?? 1,
        now: options.now ?? (() => new Date()),
        random: options.random ?? Math.random
    });
}

export type { SimulatorApi } from './api';
export { FleetSimulator } from './simulator';
