/**
 * Lets a gateway test act at the moment the gateway starts holding a request open (a create/invoke waiting for
 * its command to finish, or a long-poll waiting for news), instead of guessing that moment with a timer.
 * For specs only: it spies on CommandRun.waitUntil, which is how every such request waits.
 */
import { CommandRun } from '../command-run';

/** A wait the gateway began because its condition did not hold yet. */
export interface HeldWait {
    /** How long the gateway is prepared to hold the request, in ms. */
    timeoutMs: number;
}

/**
 * Resolves with the next wait that actually holds a request (its condition is not met yet, so the gateway waits).
 * Call it in the same tick as `send(...)` that gives `answered`: the request reaches the gateway only later. Rejects
 * when `answered` settles first: the request was answered without being held, which the test means to rule out.
 */
export function nextHeldWait(answered: Promise<unknown>): Promise<HeldWait> {
    const original = CommandRun.prototype.waitUntil;
    let spy: jest.SpyInstance | null = null;
    const held = new Promise<HeldWait>(resolve => {
        spy = jest.spyOn(CommandRun.prototype, 'waitUntil').mockImplementation(function (this: CommandRun, condition, timeoutMs) {
            const waiting = original.call(this, condition, timeoutMs);
            if (timeoutMs > 0 && !condition(this)) {
                spy?.mockRestore();
                resolve({ timeoutMs });
            }
            return waiting;
        });
    });
    const notHeld = answered.then(() => {
        spy?.mockRestore();
        throw new Error('the gateway answered the request without holding it open');
    });
    return Promise.race([held, notHeld]);
}
