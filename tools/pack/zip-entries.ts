/**
 * Lists a zip file's entries (a .nupkg is a zip) and reads stored or deflated ones, from the central directory,
 * without dependencies: enough to check what a package holds.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
    name: string;
    size: number;
    read(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export function zipEntries(zip: Buffer): ZipEntry[] {
    const end = findEndOfCentralDirectory(zip);
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let index = 0; index < count; index++) {
        if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
            throw new Error(`Corrupt zip: no central directory header at ${offset}.`);
        }
        const method = zip.readUInt16LE(offset + 10);
        const compressedSize = zip.readUInt32LE(offset + 20);
        const size = zip.readUInt32LE(offset + 24);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        const localOffset = zip.readUInt32LE(offset + 42);
        const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
        entries.push({ name: decodeURIComponent(name), size, read: () => readEntry(zip, localOffset, method, compressedSize) });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
    for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 65_557); offset--) {
        if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
            return offset;
        }
    }
    throw new Error('Not a zip file: no end of central directory.');
}

function readEntry(zip: Buffer, localOffset: number, method: number, compressedSize: number): Buffer {
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) {
        throw new Error(`Corrupt zip: no local header at ${localOffset}.`);
    }
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data);
    throw new Error(`Unsupported zip compression method ${method}.`);
}
