import { asBoolean, asNumber, asRecord, asString, field, type JsonRecord } from './contract-reader';
import type { HostBasics } from './host-basics';

/** Reads the fields of HostBasics from a host-facts record (its other fields are the caller's). */
export function readHostBasics(host: JsonRecord, path: string): HostBasics {
    return {
        computerName: field(asString, host, 'computerName', path),
        osCaption: field(asString, host, 'osCaption', path),
        productType: field(asNumber, host, 'productType', path),
        buildNumber: field(asNumber, host, 'buildNumber', path),
        ubr: field(asNumber, host, 'ubr', path),
        architecture: field(asString, host, 'architecture', path),
        logicalProcessors: field(asNumber, host, 'logicalProcessors', path),
        totalMemoryMB: field(asNumber, host, 'totalMemoryMB', path),
        freeMemoryMB: field(asNumber, host, 'freeMemoryMB', path),
        systemDrive: field(readSystemDrive, host, 'systemDrive', path),
        isVirtualMachine: field(asBoolean, host, 'isVirtualMachine', path)
    };
}

function readSystemDrive(value: unknown, path: string): HostBasics['systemDrive'] {
    const drive = asRecord(value, path);
    return {
        name: field(asString, drive, 'name', path),
        totalGB: field(asNumber, drive, 'totalGB', path),
        freeGB: field(asNumber, drive, 'freeGB', path)
    };
}
