/**
 * Checks an IoT Hub device connection string (`HostName=<hub>;DeviceId=<id>;SharedAccessKey=<base64>`) without
 * ever putting its key into a message: every result names fields, never the secret's text.
 *
 * Accepted on purpose:
 *  - fields in any order, names case-sensitive as IoT Hub writes them;
 *  - an extra `GatewayHostName=` (devices behind a parent gateway use it).
 * Rejected with a specific reason:
 *  - `x509=true` strings: they carry no key; IoT Edge's manual connection-string provisioning needs
 *    SharedAccessKey, and X.509 identities are provisioned with ManualX509 (certificate and key files);
 *  - `SharedAccessKeyName=` strings: that is an IoT Hub (service) connection string, not a device's;
 *  - `ModuleId=` strings: a module's identity, not the device's.
 */
import { BASE64_PATTERN, DEVICE_CONNECTION_STRING_LENGTH, DEVICE_ID_PATTERN, HOST_NAME_PATTERN } from './script-patterns';
import { messageOf, type DeployTextKey, type MessageText } from './message-text';
import { symmetricKeyProblem } from './symmetric-key';

/** What is wrong with a connection string, as a code and a message that never quotes the key. */
export interface ConnectionStringProblem {
    code: DeployTextKey;
    text: MessageText;
}

const ALLOWED_FIELDS = new Set(['HostName', 'DeviceId', 'SharedAccessKey', 'GatewayHostName']);

/** Splits `a=b;c=d` into fields; the value keeps any `=` after the first (base64 padding). */
function splitFields(text: string): Map<string, string> | null {
    const fields = new Map<string, string>();
    for (const part of text.split(';')) {
        if (part === '') {
            continue; // a trailing ';' is common when strings are copied from the portal
        }
        const equals = part.indexOf('=');
        if (equals <= 0) {
            return null;
        }
        fields.set(part.substring(0, equals), part.substring(equals + 1));
    }
    return fields;
}

/** The problem with a device connection string, or null when it is well-formed. */
export function deviceConnectionStringProblem(text: string): ConnectionStringProblem | null {
    if (text.length === 0) {
        return { code: 'connectionStringRequired', text: messageOf('connectionStringRequired') };
    }
    if (text.length > DEVICE_CONNECTION_STRING_LENGTH.max) {
        return { code: 'connectionStringTooLong', text: messageOf('connectionStringTooLong', { length: text.length, max: DEVICE_CONNECTION_STRING_LENGTH.max }) };
    }
    if (/[\s]/.test(text)) {
        return { code: 'connectionStringWhitespace', text: messageOf('connectionStringWhitespace') };
    }
    const fields = splitFields(text);
    if (fields === null) {
        return { code: 'connectionStringMalformed', text: messageOf('connectionStringMalformed') };
    }
    if (fields.has('SharedAccessKeyName')) {
        return { code: 'connectionStringIsServiceString', text: messageOf('connectionStringIsServiceString') };
    }
    if (fields.has('ModuleId')) {
        return { code: 'connectionStringIsModuleString', text: messageOf('connectionStringIsModuleString') };
    }
    if ((fields.get('x509') ?? '').toLowerCase() === 'true') {
        return { code: 'connectionStringIsX509', text: messageOf('connectionStringIsX509') };
    }
    for (const name of fields.keys()) {
        if (!ALLOWED_FIELDS.has(name)) {
            return { code: 'connectionStringUnknownField', text: messageOf('connectionStringUnknownField', { name }) };
        }
    }
    for (const required of ['HostName', 'DeviceId', 'SharedAccessKey']) {
        if (!fields.get(required)) {
            return { code: 'connectionStringMissingField', text: messageOf('connectionStringMissingField', { field: required }) };
        }
    }
    if (!HOST_NAME_PATTERN.test(fields.get('HostName') ?? '')) {
        return { code: 'connectionStringBadHostName', text: messageOf('connectionStringBadHostName') };
    }
    const gateway = fields.get('GatewayHostName');
    if (gateway !== undefined && !HOST_NAME_PATTERN.test(gateway)) {
        return { code: 'connectionStringBadGatewayHostName', text: messageOf('connectionStringBadGatewayHostName') };
    }
    if (!DEVICE_ID_PATTERN.test(fields.get('DeviceId') ?? '')) {
        return { code: 'connectionStringBadDeviceId', text: messageOf('connectionStringBadDeviceId') };
    }
    const key = fields.get('SharedAccessKey') ?? '';
    if (!BASE64_PATTERN.test(key) || symmetricKeyProblem(key) !== null) {
        return { code: 'connectionStringBadKey', text: messageOf('connectionStringBadKey') };
    }
    return null;
}
