/**
 * The JSON shapes of WAC's PowerShell HTTP API as the SDK 5.0.0 client reads them
 * (core/data/powershell.ts, net.ts, powershell-batch.ts, notification/powershell-notification.ts).
 */
import type { JsonValue, ProgressRecordJson } from '../pwsh-host/protocol';

/**
 * One entry of `errors`. `Net.getErrorMessage` prints `errorType: message`; with `addNativeError` it appends
 * `detailRecord.nativeErrorCode`; with `useRemoteExceptionMessage` it prints `detailRecord.remoteExceptionMessage`;
 * telemetry reads `errorType` and `detailRecord.hResult`.
 */
export interface WacErrorRecord {
    errorType: string;
    message: string;
    detailRecord: {
        nativeErrorCode: number;
        hResult: number;
        remoteExceptionMessage: string;
    };
}

/** The body of every PowerShell answer, under `properties`. Each answer holds only what is new since the last. */
export interface WacRunChunk {
    sessionId: string;
    /** A string on purpose: the client calls `completed.toLowerCase()`. */
    completed: 'True' | 'False';
    results: JsonValue[];
    /** Write-Progress records, camelCase as WAC serializes ProgressRecord (the shell reads `percentComplete`). */
    progress: ProgressRecordJson[];
    errors: WacErrorRecord[];
    exception?: string;
}

/** The request body the SDK sends (`Net.createPropertiesJSONString`). */
export interface WacCommandProperties {
    script: string;
    command?: string | null;
    module?: string | null;
    parameters?: JsonValue;
    state?: string;
    useInProcRunspace?: boolean;
    invokeMode?: 'WorkItem' | 'Polling';
    waitTimeMs?: number;
}

/** A gateway failure: `Net.getErrorMessage` reads `error.message`, the batch client keeps `error` per node. */
export interface WacErrorBody {
    error: {
        code: string;
        message: string;
        detailRecord?: { nativeErrorCode: number };
    };
    /** Present on PowerShell failures, as on the real gateway (the client's closeOnError reads it there). */
    sessionId?: string;
    completed?: 'True';
    errors?: WacErrorRecord[];
    exception?: string;
}

/** An HTTP answer before it is written to a socket or a batch part. `body` (JSON-serializable) null: no body. */
export interface GatewayAnswer {
    status: number;
    body: object | null;
    /** Extra answer headers (`x-ms-sme-jea-endpoint`); a batch part leaves them out. */
    headers?: Readonly<Record<string, string>>;
}

/** Builds the `{error: {code, message}}` answer the client turns into an AjaxError. */
export function errorAnswer(status: number, code: string, message: string): GatewayAnswer {
    return { status, body: { error: { code, message } } };
}
