/** The IoT Edge module view at a moment: crash-looping modules fail again a while after each start. */
import type { EdgeModule } from '../state/host-state';

/** `module` as it is at `now` (a copy; the stored record is not changed). */
export function moduleAt(module: EdgeModule, now: Date): EdgeModule {
    if (module.crashAfterSeconds === null || module.status !== 'running') {
        return { ...module };
    }
    const crashAt = Date.parse(module.startedAt) + module.crashAfterSeconds * 1000;
    if (now.getTime() < crashAt) {
        return { ...module };
    }
    return { ...module, status: 'failed', exitCode: 137, stoppedAt: new Date(crashAt).toISOString(),
        restartCount: module.restartCount + 1 };
}

/** All modules at `now`, sorted by name as `iotedge list` prints them. */
export function modulesAt(modules: EdgeModule[], now: Date): EdgeModule[] {
    return modules.map(module => moduleAt(module, now)).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
