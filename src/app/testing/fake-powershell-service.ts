import { PowerShellService } from '@microsoft/windows-admin-center-sdk/angular';
import { PowerShellCommand, PowerShellOptions, PowerShellSession } from '@microsoft/windows-admin-center-sdk/core';
import { EMPTY, Observable, Subject } from 'rxjs';

/**
 * A fake of the SDK's PowerShellService (`createSession`, `run`, `cancel`) and its session objects, for testing the
 * gateway layer without HTTP. Each `run` subscription becomes a `FakeCommand` that the test drives with gateway
 * answers shaped like the real ones (`{properties: {sessionId, completed: 'True'|'False', results, ...}}`).
 */

/** A stand-in for the SDK's PowerShellSession. */
export class FakeSession {
    /** How often `dispose()` was called. */
    public disposeCount = 0;

    constructor(public readonly nodeName: string, public readonly key: string | undefined) {}

    public dispose(): void {
        this.disposeCount++;
    }
}

/** The fields of one gateway answer while a command runs. */
export interface WireChunk {
    completed?: boolean;
    results?: unknown;
    progress?: unknown[];
    errors?: unknown[];
    exception?: string;
}

/** One command the code under test ran. */
export class FakeCommand {
    private readonly answers = new Subject<unknown>();
    /** Whether the code under test unsubscribed before the command ended. */
    public unsubscribed = false;
    /** Whether the command ended (finished, failed or ended without completion). */
    public ended = false;

    constructor(public readonly session: FakeSession, public readonly command: PowerShellCommand, public readonly options: PowerShellOptions) {}

    /** The SDK's observable for this command. */
    public get observable(): Observable<unknown> {
        return this.answers.asObservable();
    }

    /** Delivers one gateway answer (a partial chunk), wrapped in `properties` as the gateway does. */
    public answer(chunk: WireChunk): void {
        this.answers.next({
            properties: {
                sessionId: 'session-1',
                completed: chunk.completed ? 'True' : 'False',
                results: chunk.results ?? [],
                progress: chunk.progress ?? [],
                errors: chunk.errors ?? [],
                ...(chunk.exception ? { exception: chunk.exception } : {})
            }
        });
    }

    /** Delivers a final answer and completes, as the SDK does after a `completed: 'True'` chunk. */
    public finish(chunk: WireChunk = {}): void {
        this.answer({ ...chunk, completed: true });
        this.ended = true;
        this.answers.complete();
    }

    /** Completes without a completed chunk: what the SDK does after a cancel went through. */
    public endWithoutCompletion(): void {
        this.ended = true;
        this.answers.complete();
    }

    /** Fails the way the SDK's HTTP layer does (with an AjaxError or anything else). */
    public fail(error: unknown): void {
        this.ended = true;
        this.answers.error(error);
    }
}

/** The fake service. */
export class FakePowerShellService {
    public readonly sessions: FakeSession[] = [];
    public readonly commands: FakeCommand[] = [];
    /** The sessions `cancel` was called with, in order. */
    public readonly cancelled: FakeSession[] = [];

    /** This fake typed as the SDK service, to hand to the code under test. */
    public asService(): PowerShellService {
        return this as unknown as PowerShellService;
    }

    public createSession(nodeName: string, key?: string): PowerShellSession {
        const session = new FakeSession(nodeName, key);
        this.sessions.push(session);
        return session as unknown as PowerShellSession;
    }

    public run(session: PowerShellSession, command: PowerShellCommand, options: PowerShellOptions): Observable<unknown> {
        return new Observable<unknown>(subscriber => {
            const fake = new FakeCommand(session as unknown as FakeSession, command, options);
            this.commands.push(fake);
            const subscription = fake.observable.subscribe(subscriber);
            return () => {
                fake.unsubscribed = !fake.ended;
                subscription.unsubscribe();
            };
        });
    }

    public cancel(session: PowerShellSession): Observable<unknown> {
        this.cancelled.push(session as unknown as FakeSession);
        return EMPTY;
    }

    /** The most recent command; fails the test when there is none. */
    public get lastCommand(): FakeCommand {
        const command = this.commands[this.commands.length - 1];
        if (!command) {
            throw new Error('no command was run');
        }
        return command;
    }
}
