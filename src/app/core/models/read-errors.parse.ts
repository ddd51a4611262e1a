import { asArray, asRecord, asString, field, type JsonRecord } from './contract-reader';

/** A fact a read-only script could not read: which cmdlet, a stable code and the cmdlet's message. */
export interface ScriptReadError {
    source: string;
    code: string;
    message: string;
}

/** Reads the `errors` list the deployment reads return beside their facts (`{source, code, message}` each). */
export function readReadErrors(value: unknown, path: string): ScriptReadError[] {
    return asArray(value, path, (item: unknown, itemPath: string) => {
        const error: JsonRecord = asRecord(item, itemPath);
        return {
            source: field(asString, error, 'source', itemPath),
            code: field(asString, error, 'code', itemPath),
            message: field(asString, error, 'message', itemPath)
        };
    });
}
