import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { createSimulator } from '../index';
import { asObject, harness, seededRandom, TEST_START } from '../testing/sim-harness';
import { type PersistedState, STATE_FILE_NAME, StateStore } from './state-store';

/** The simulator's save debounce (StateStore's default). */
const SAVE_DEBOUNCE_MS = 250;

describe('persistence', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'sim-state-')); });
    afterEach(() => {
        jest.useRealTimers();
        rmSync(dir, { recursive: true, force: true });
    });

    const options = (): Parameters<typeof createSimulator>[0] =>
        ({ stateDir: dir, timeScale: 0, now: () => TEST_START, random: seededRandom() });

    it('round-trips changes and faults through the state folder, written atomically', async () => {
        const h = harness(options());
        (await h.eflow('edge-healthy', 'Stop-EflowVm')).value();
        h.sim.setFaults('edge-healthy', { latencyMs: 250, provisioningFailure: 'sticky' });
        await h.sim.flush();
        expect(readdirSync(dir)).toEqual([STATE_FILE_NAME]);
        const reloaded = createSimulator(options());
        expect(asObject(asObject(reloaded.getHostState('edge-healthy')).vm).powerState).toBe('Off');
        expect(reloaded.connection('edge-healthy').latencyMs).toBe(250);
        expect(asObject(asObject(reloaded.getHostState('edge-healthy')).faults).provisioningFailure).toBe('sticky');
        const history = asObject(reloaded.getHostState('edge-healthy')).history as { command: string; outcome: string }[];
        expect(history.map(entry => [entry.command, entry.outcome])).toEqual([['Stop-EflowVm', 'ok']]);
    });

    it('saves on its own shortly after a change, once per burst of changes', async () => {
        // Fake timers drive the debounce; the file is written with real I/O, whose completion the test awaits.
        jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
        const flushes = jest.spyOn(StateStore.prototype, 'flush');
        const h = harness(options());
        h.sim.setFaults('edge-healthy', { latencyMs: 100 });
        h.sim.setFaults('edge-healthy', { latencyMs: 250 });

        jest.advanceTimersByTime(SAVE_DEBOUNCE_MS - 1);
        const flushedEarly = flushes.mock.calls.length;
        jest.advanceTimersByTime(1);
        expect(flushedEarly).toBe(0);
        expect(flushes).toHaveBeenCalledTimes(1);
        // The debounced save itself, not a flush of the test's: called without a snapshot, it writes the pending one.
        expect(flushes.mock.calls[0]).toEqual([]);
        await flushes.mock.results[0].value;

        const saved = JSON.parse(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')) as PersistedState;
        expect(saved.faults['edge-healthy']).toMatchObject({ latencyMs: 250 });
        expect(readdirSync(dir)).toEqual([STATE_FILE_NAME]);
    });

    it('ignores a state saved for another fleet kind, and a damaged file', async () => {
        const h = harness(options());
        (await h.eflow('edge-healthy', 'Stop-EflowVm')).value();
        await h.sim.flush();
        const generated = createSimulator({ ...options(), fleet: { generated: 20 } });
        expect(generated.hasHost('edge-healthy')).toBe(false);
        writeFileSync(path.join(dir, STATE_FILE_NAME), '{ not json');
        const fresh = createSimulator(options());
        expect(asObject(asObject(fresh.getHostState('edge-healthy')).vm).powerState).toBe('Running');
    });

    it('reset restores the initial fleet and its own faults, clearing the others', async () => {
        const h = harness(options());
        (await h.eflow('msi-installed', 'Deploy-Eflow', { acceptEula: 'Yes', acceptOptionalTelemetry: 'No' })).value();
        h.sim.setFaults('edge-healthy', { offline: true });
        h.sim.setFaults('offline-kiosk', { offline: false });
        h.sim.setGlobalKnobs({ latencyMs: 500 });
        h.sim.reset();
        expect((await h.eflow('msi-installed', 'Verify-EflowVm')).value()).toBe(false);
        expect(h.sim.connection('edge-healthy').reachable).toBe(true);
        expect(h.sim.connection('offline-kiosk').reachable).toBe(false);
        expect(h.sim.getGlobalKnobs()).toEqual({ latencyMs: 0, failureRate: 0, timeScale: 0 });
        await h.sim.flush();
        const reloaded = createSimulator(options());
        expect(asObject(reloaded.getHostState('msi-installed')).vm).toBeNull();
    });

    it('memory-only simulators write nothing', async () => {
        const h = harness({ stateDir: null });
        (await h.eflow('edge-healthy', 'Stop-EflowVm')).value();
        await h.sim.flush();
        expect(existsSync(path.join(dir, STATE_FILE_NAME))).toBe(false);
    });
});
