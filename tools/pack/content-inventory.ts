/**
 * `content.json`: the inventory WAC's extension feed reads from a package (the SDK's New-ExtensionPackage.ps1
 * writes the same shape): every file under ux/ and gateway/ with its size and SHA-256, and who signed it.
 * Nothing here is Authenticode-signed (that needs a Windows signing step), so scripts and code files are
 * reported unsigned and the package status is `unhealthy`, exactly as the SDK's own script would say.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface ContentEntry {
    path: string;
    size: number;
    hash256: string;
    signedBy: string;
    thumbprint: string;
}

export interface ContentInventory {
    contentFormatVersion: '1.0.0';
    datetime: string;
    status: 'healthy' | 'unhealthy';
    nestedPackage: null;
    packageContent: ContentEntry[];
    defaultManifest: null;
}

/** File kinds WAC expects to be signed. */
const MUST_BE_SIGNED = new Set(['.js', '.psd1', '.psm1', '.dll', '.exe']);

/** Lists every file below `root` (the staging folder), for the folders the feed inventories. */
export function buildContentInventory(root: string, folders: string[], now: Date): ContentInventory {
    const packageContent: ContentEntry[] = [];
    let healthy = true;
    for (const folder of folders) {
        for (const file of listFiles(path.join(root, folder))) {
            const content = readFileSync(file);
            if (MUST_BE_SIGNED.has(path.extname(file).toLowerCase())) {
                healthy = false;
            }
            packageContent.push({
                // The SDK's script writes Windows separators.
                path: path.relative(root, file).split(path.sep).join('\\'),
                size: content.length,
                hash256: createHash('sha256').update(content).digest('hex').toUpperCase(),
                signedBy: 'None',
                thumbprint: 'None'
            });
        }
    }
    return {
        contentFormatVersion: '1.0.0',
        datetime: now.toISOString().slice(0, 19),
        status: healthy ? 'healthy' : 'unhealthy',
        nestedPackage: null,
        packageContent,
        defaultManifest: null
    };
}

function listFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}
