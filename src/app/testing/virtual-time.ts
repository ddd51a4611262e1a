import { VirtualAction, VirtualTimeScheduler } from 'rxjs';

/**
 * Virtual time for tests: an rxjs scheduler whose clock moves only when the test says so. Provide `scheduler` as
 * `APP_SCHEDULER`; `advance(ms)` runs everything due within the next `ms` and leaves the clock exactly there.
 */
export class VirtualTime {
    /** The scheduler to inject; `scheduler.now()` is the virtual time in ms. */
    public readonly scheduler = new VirtualTimeScheduler(VirtualAction, 0);

    /** @param startMs The virtual time to start at, e.g. an instant the test data is relative to. */
    constructor(startMs = 0) {
        this.scheduler.frame = startMs;
    }

    /** The virtual time in ms. */
    public now(): number {
        return this.scheduler.now();
    }

    /** Moves the clock forward by `ms`, running every action due on the way, in time order. */
    public advance(ms: number): void {
        const target = this.scheduler.frame + ms;
        this.scheduler.maxFrames = target;
        this.scheduler.flush();
        this.scheduler.frame = target;
        this.scheduler.maxFrames = target;
    }
}
