/**
 * Saves the simulator state as JSON in its folder: written atomically (temporary file + rename, so a crash never
 * leaves half a file), debounced after changes, read back at start when it belongs to the same fleet kind.
 * The state holds no secrets by construction (see state/host-state.ts); nothing else is written.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { rename, writeFile } from 'fs/promises';
import * as path from 'path';
import type { FaultState } from '../state/fault-state';
import type { HostState } from '../state/host-state';

export const STATE_FILE_NAME = 'simulator-state.json';
/**
 * 2: hosts carry `windows.isAzureVm` (a saved state without it is rebuilt rather than read as "not Azure").
 * 3: hosts carry `windows.machineGuid`, which names their deployment lock.
 */
export const STATE_SCHEMA_VERSION = 3;

export interface PersistedState {
    schemaVersion: number;
    /** `default` or `generated:<N>`: a saved state is reused only by a simulator built for the same fleet. */
    fleetKind: string;
    savedAt: string;
    hosts: HostState[];
    faults: { [host: string]: FaultState };
}

export class StateStore {
    private timer: NodeJS.Timeout | null = null;
    private pendingSnapshot: (() => PersistedState) | null = null;
    private writing: Promise<void> = Promise.resolve();

    /** `dir` null: memory only (every method is a no-op). */
    constructor(private readonly dir: string | null, private readonly debounceMs = 250) {}

    get filePath(): string | null {
        return this.dir === null ? null : path.join(this.dir, STATE_FILE_NAME);
    }

    /** The saved state if there is one for `fleetKind` and it parses; null otherwise (a fresh fleet is built). */
    load(fleetKind: string): PersistedState | null {
        const file = this.filePath;
        if (file === null || !existsSync(file)) {
            return null;
        }
        try {
            const parsed = JSON.parse(readFileSync(file, 'utf8')) as PersistedState;
            const usable = parsed.schemaVersion === STATE_SCHEMA_VERSION && parsed.fleetKind === fleetKind &&
                Array.isArray(parsed.hosts) && typeof parsed.faults === 'object' && parsed.faults !== null;
            return usable ? parsed : null;
        } catch {
            // A damaged file is replaced by the next save.
            return null;
        }
    }

    /** Saves `snapshot()` shortly (several changes in a burst give one write). */
    scheduleSave(snapshot: () => PersistedState): void {
        if (this.dir === null) {
            return;
        }
        this.pendingSnapshot = snapshot;
        if (this.timer === null) {
            this.timer = setTimeout(() => {
                this.timer = null;
                void this.flush();
            }, this.debounceMs);
            // Saving must not keep a test or a tool alive.
            this.timer.unref();
        }
    }

    /** Writes a pending change now (also waits for a write in progress). */
    async flush(snapshot?: () => PersistedState): Promise<void> {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        const source = snapshot ?? this.pendingSnapshot;
        this.pendingSnapshot = null;
        if (this.dir === null || source === null) {
            await this.writing;
            return;
        }
        const text = JSON.stringify(source());
        const dir = this.dir;
        this.writing = this.writing.catch(() => undefined).then(async () => {
            mkdirSync(dir, { recursive: true });
            const target = path.join(dir, STATE_FILE_NAME);
            const temporary = `${target}.${process.pid}.tmp`;
            await writeFile(temporary, text, 'utf8');
            await rename(temporary, target);
        });
        await this.writing;
    }
}
