/**
 * WAC's PowerShell API, independent of transport: single HTTP requests (both URL families) and batch parts
 * come here alike.
 */
import type { CommandRefusals } from './command-refusals';
import type { CommandRun } from './command-run';
import type { NodeGate } from './node-gate';
import type { PsSession } from './ps-session';
import type { PowerShellOperation } from './routes';
import type { SessionStore } from './session-store';
import { errorAnswer, GatewayAnswer, WacCommandProperties } from './wac-wire';

/** Upper bound for a client's `waitTimeMs`, so one request cannot hold a connection for ever. */
export const MAX_WAIT_MS = 120_000;

/** How long a cancel request waits for the command to stop before answering. */
const CANCEL_WAIT_MS = 5000;

/**
 * After a long-poll sees the first new output it waits this much longer, so output written in a burst travels in
 * one answer instead of one round trip per item.
 */
const POLL_COALESCE_MS = 10;

export interface PowerShellApiTimings {
    /** How long a create/invoke request waits for the command to finish (when the body has no waitTimeMs). */
    initialWaitMs: number;
    /** How long a poll waits for something new. */
    pollWaitMs: number;
}

export interface PowerShellRequest {
    node: string;
    operation: PowerShellOperation;
    /** The raw request body (JSON text, possibly empty). */
    body: string;
}

/** The answer plus what the request log records about it. */
export interface PowerShellOutcome {
    answer: GatewayAnswer;
    /** The body's `command` field (a name such as `Get-EflowHostOverview`), when it had one. */
    command: string | null;
    sessionId: string | null;
}

/** Handles the six PowerShell API operations for one node, whatever the URL family or transport. */
export class PowerShellApi {
    constructor(
        private readonly sessions: SessionStore,
        private readonly gate: NodeGate,
        private readonly timings: PowerShellApiTimings,
        private readonly refusals: CommandRefusals) {
    }

    async handle(request: PowerShellRequest): Promise<PowerShellOutcome> {
        const { node, operation } = request;
        const startsCommand = operation.kind === 'invokeAutomatic' || operation.kind === 'createSession'
            || operation.kind === 'invokeInSession';
        const parsed = parseCommandBody(request.body, startsCommand);
        const commandField = parsed.ok ? parsed.properties?.command : null;
        const command = typeof commandField === 'string' ? commandField : null;
        const outcome = (answer: GatewayAnswer, sessionId: string | null): PowerShellOutcome =>
            ({ answer, command, sessionId });
        const requestedSessionId = 'sessionId' in operation ? operation.sessionId : null;

        const refused = await this.gate.admit(node, {
            transientFailureAllowed: operation.kind !== 'cancel' && operation.kind !== 'close'
        });
        if (refused) {
            return outcome(refused, requestedSessionId);
        }
        if (!parsed.ok) {
            return outcome(errorAnswer(400, 'BadRequest', parsed.message), requestedSessionId);
        }

        switch (operation.kind) {
            case 'invokeAutomatic':
            case 'createSession':
            case 'invokeInSession': {
                // The gateway's own refusal comes before any session exists, as an authorization failure would.
                const refusal = this.refusals.take(node, command);
                if (refusal) {
                    return outcome(refusal, requestedSessionId);
                }
                const script = requireScript(parsed.properties);
                if (script === null) {
                    // Checked before any session exists, so a bad request leaves nothing behind.
                    return outcome(errorAnswer(400, 'BadRequest', 'The request body must carry properties.script.'),
                        requestedSessionId);
                }
                const session = this.sessionToRunIn(node, operation);
                if ('error' in session) {
                    return outcome(session.error, requestedSessionId);
                }
                return outcome(await this.runAndAnswer(session, script, parsed.properties), session.id);
            }
            case 'poll':
                return outcome(await this.poll(node, operation.sessionId), operation.sessionId);
            case 'cancel':
                return outcome(await this.cancel(node, operation.sessionId), operation.sessionId);
            case 'close': {
                if (!this.sessions.find(node, operation.sessionId)) {
                    return outcome(sessionNotFound(operation.sessionId), operation.sessionId);
                }
                await this.sessions.drop(operation.sessionId);
                return outcome({ status: 204, body: null }, operation.sessionId);
            }
        }
    }

    /** The session a command goes to: new (automatic, keyed, instant, client-named) or existing. */
    private sessionToRunIn(
        node: string,
        operation: Extract<PowerShellOperation, { kind: 'invokeAutomatic' | 'createSession' | 'invokeInSession' }>
    ): PsSession | { error: GatewayAnswer } {
        switch (operation.kind) {
            case 'invokeAutomatic':
                return this.sessions.create(node, 'automatic');
            case 'createSession':
                return this.sessionForCreate(node, operation.name)
                    ?? { error: errorAnswer(409, 'Conflict', `The PowerShell session '${operation.name}' belongs to another node.`) };
            case 'invokeInSession':
                return this.sessions.find(node, operation.sessionId) ?? { error: sessionNotFound(operation.sessionId) };
        }
    }

    /** `{key}-newSession` and `instantSession` make a new session; any other name is the session id itself. */
    private sessionForCreate(node: string, name: string): PsSession | null {
        const lower = name.toLowerCase();
        if (lower === 'instantsession') {
            return this.sessions.create(node, 'instant');
        }
        if (lower.endsWith('-newsession')) {
            return this.sessions.create(node, 'keyed');
        }
        const existing = this.sessions.find(node, name);
        if (existing) {
            return existing;
        }
        if (this.sessions.has(name)) {
            return null;
        }
        return this.sessions.create(node, 'named', name);
    }

    private async runAndAnswer(
        session: PsSession, script: string, properties: WacCommandProperties | null): Promise<GatewayAnswer> {
        const run = session.submit(script);
        await run.waitUntil(candidate => candidate.finished, initialWait(properties, this.timings.initialWaitMs));
        return this.answerFor(session, run);
    }

    private async poll(node: string, sessionId: string): Promise<GatewayAnswer> {
        const session = this.sessions.find(node, sessionId);
        if (!session) {
            return sessionNotFound(sessionId);
        }
        session.touch();
        const run = session.latestRun;
        if (!run) {
            return { status: 200, body: { properties: emptyChunk(sessionId) } };
        }
        // A run whose end was already delivered answers at once (again) instead of holding the poll.
        await run.waitUntil(candidate => candidate.hasNews || candidate.fullyDelivered, this.timings.pollWaitMs);
        if (!run.finished && run.hasNews) {
            await run.waitUntil(candidate => candidate.finished, POLL_COALESCE_MS);
        }
        return this.answerFor(session, run);
    }

    private async cancel(node: string, sessionId: string): Promise<GatewayAnswer> {
        const session = this.sessions.find(node, sessionId);
        if (!session) {
            return sessionNotFound(sessionId);
        }
        session.touch();
        await session.cancelAll(CANCEL_WAIT_MS);
        const run = session.latestRun;
        return run ? this.answerFor(session, run) : { status: 200, body: { properties: emptyChunk(sessionId) } };
    }

    private answerFor(session: PsSession, run: CommandRun): GatewayAnswer {
        const answer = run.takeAnswer(session.id);
        if (session.kind === 'automatic' && run.fullyDelivered) {
            // The client never deletes automatic sessions; once the end is delivered nobody will ask again.
            void this.sessions.drop(session.id);
        }
        return answer;
    }
}

type ParsedBody =
    | { ok: true; properties: WacCommandProperties | null }
    | { ok: false; message: string };

/** Reads `{properties: {...}}` (a bare object also works, as the client's `Net.getItemProperties` allows). */
function parseCommandBody(body: string, required: boolean): ParsedBody {
    if (body.trim() === '') {
        return required ? { ok: false, message: 'The request needs a JSON body with properties.script.' }
            : { ok: true, properties: null };
    }
    let value: unknown;
    try {
        value = JSON.parse(body);
    } catch {
        return { ok: false, message: 'The request body is not valid JSON.' };
    }
    if (!isRecord(value)) {
        return { ok: false, message: 'The request body must be a JSON object.' };
    }
    const inner = isRecord(value.properties) ? value.properties : value;
    return { ok: true, properties: inner as unknown as WacCommandProperties };
}

function requireScript(properties: WacCommandProperties | null): string | null {
    return properties && typeof properties.script === 'string' && properties.script.trim() !== ''
        ? properties.script : null;
}

function initialWait(properties: WacCommandProperties | null, defaultMs: number): number {
    const requested = properties?.waitTimeMs;
    if (typeof requested === 'number' && Number.isFinite(requested) && requested > 0) {
        return Math.min(requested, MAX_WAIT_MS);
    }
    return defaultMs;
}

function emptyChunk(sessionId: string): object {
    return { sessionId, completed: 'True', results: [], progress: [], errors: [] };
}

function sessionNotFound(sessionId: string): GatewayAnswer {
    return errorAnswer(404, 'NotFound', `The PowerShell session '${sessionId}' was not found.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
