/**
 * The emulator's own control API under `/sim` (for the dev shell, tests and people):
 *   GET    /sim/hosts                 FleetHostInfo[]
 *   GET    /sim/hosts/:name           the host's full simulated state
 *   PATCH  /sim/hosts/:name/faults    Partial<HostFaults>; answers the host's connection as the gateway sees it
 *   PUT    /sim/hosts/:name/refusal   CommandRefusal or null (command-refusals.ts); answers the refusal in force
 *   GET    /sim/knobs                 GlobalKnobs
 *   PATCH  /sim/knobs                 Partial<GlobalKnobs>; answers the knobs after the change
 *   POST   /sim/reset                 restores the fleet and clears faults and refusals
 *   GET    /sim/requests?since=<seq>  request log entries after seq
 *   DELETE /sim/requests              clears the request log
 */
import type { GlobalKnobs, SimulatorApi } from '../simulator/api';
import { CommandRefusals, parseRefusal } from './command-refusals';
import { parseFaultPatch } from './fault-patch';
import type { RequestLog } from './request-log';
import { errorAnswer, GatewayAnswer } from './wac-wire';

export interface SimRequest {
    method: string;
    /** Path segments after `/sim`. */
    segments: string[];
    query: URLSearchParams;
    body: string;
}

/** Handles the `/sim` control routes listed above. */
export class SimApi {
    constructor(private readonly simulator: SimulatorApi, private readonly requestLog: RequestLog,
        private readonly refusals: CommandRefusals) {
    }

    handle(request: SimRequest): GatewayAnswer {
        const { method, segments } = request;
        const [resource, rawName, sub] = segments;
        // Host names are lower case in the simulator, and case-insensitive in WAC.
        const name = (rawName ?? '').toLowerCase();
        if (resource === 'hosts' && segments.length === 1 && method === 'GET') {
            return ok(this.simulator.listHosts());
        }
        if (resource === 'hosts' && segments.length === 2 && method === 'GET') {
            // A host's state is always a JSON object (JsonValue in the API only because it is a deep copy).
            return this.simulator.hasHost(name) ? ok(this.simulator.getHostState(name) as object) : unknownHost(name);
        }
        if (resource === 'hosts' && segments.length === 3 && sub === 'faults' && method === 'PATCH') {
            return this.patchFaults(name, request.body);
        }
        if (resource === 'hosts' && segments.length === 3 && sub === 'refusal' && method === 'PUT') {
            return this.putRefusal(name, request.body);
        }
        if (resource === 'knobs' && segments.length === 1 && method === 'GET') {
            return ok(this.simulator.getGlobalKnobs());
        }
        if (resource === 'knobs' && segments.length === 1 && method === 'PATCH') {
            return this.patchKnobs(request.body);
        }
        if (resource === 'reset' && segments.length === 1 && method === 'POST') {
            this.simulator.reset();
            this.refusals.clear();
            return { status: 204, body: null };
        }
        if (resource === 'requests' && segments.length === 1 && method === 'GET') {
            const since = Number(request.query.get('since') ?? '0');
            return ok(this.requestLog.since(Number.isFinite(since) ? since : 0));
        }
        if (resource === 'requests' && segments.length === 1 && method === 'DELETE') {
            this.requestLog.clear();
            return { status: 204, body: null };
        }
        return errorAnswer(404, 'NotFound', `No simulator control route for ${method} /sim/${segments.join('/')}.`);
    }

    private patchFaults(name: string, body: string): GatewayAnswer {
        if (!this.simulator.hasHost(name)) {
            return unknownHost(name);
        }
        const parsed = parseObject(body);
        if (typeof parsed === 'string') {
            return errorAnswer(400, 'BadRequest', parsed);
        }
        const faults = parseFaultPatch(parsed);
        if (typeof faults === 'string') {
            return errorAnswer(400, 'BadRequest', faults);
        }
        this.simulator.setFaults(name, faults);
        return ok({ name, connection: this.simulator.connection(name) });
    }

    private putRefusal(name: string, body: string): GatewayAnswer {
        if (!this.simulator.hasHost(name)) {
            return unknownHost(name);
        }
        let value: unknown;
        try {
            value = JSON.parse(body);
        } catch {
            return errorAnswer(400, 'BadRequest', 'The body is not valid JSON.');
        }
        const refusal = parseRefusal(value);
        if (typeof refusal === 'string') {
            return errorAnswer(400, 'BadRequest', refusal);
        }
        this.refusals.set(name, refusal);
        return ok({ name, refusal });
    }

    private patchKnobs(body: string): GatewayAnswer {
        const parsed = parseObject(body);
        if (typeof parsed === 'string') {
            return errorAnswer(400, 'BadRequest', parsed);
        }
        const knobs: Partial<GlobalKnobs> = {};
        for (const [key, value] of Object.entries(parsed)) {
            switch (key) {
                case 'latencyMs':
                case 'timeScale':
                    if (!isNonNegativeNumber(value)) {
                        return errorAnswer(400, 'BadRequest', `${key} must be a number >= 0.`);
                    }
                    knobs[key] = value;
                    break;
                case 'failureRate':
                    if (!isRate(value)) {
                        return errorAnswer(400, 'BadRequest', 'failureRate must be a number from 0 to 1.');
                    }
                    knobs.failureRate = value;
                    break;
                default:
                    return errorAnswer(400, 'BadRequest', `Unknown knob '${key}'.`);
            }
        }
        this.simulator.setGlobalKnobs(knobs);
        return ok(this.simulator.getGlobalKnobs());
    }
}

function ok(body: object): GatewayAnswer {
    return { status: 200, body };
}

function unknownHost(name: string): GatewayAnswer {
    return errorAnswer(404, 'NotFound', `The simulated host '${name}' does not exist.`);
}

/** The parsed JSON object, or a message saying why the body is not one. */
function parseObject(body: string): Record<string, unknown> | string {
    try {
        const value: unknown = JSON.parse(body);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value as Record<string, unknown> : 'The body must be a JSON object.';
    } catch {
        return 'The body is not valid JSON.';
    }
}

function isNonNegativeNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isRate(value: unknown): value is number {
    return isNonNegativeNumber(value) && value <= 1;
}
