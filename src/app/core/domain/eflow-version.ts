/**
 * EFLOW version numbers as the MSI reports them (ARP DisplayVersion): `1.5.7.01026`, `1.4.12.05024`,
 * `1.1.2212.12122`. The first two parts are the IoT Edge train; the rest is not documented, so every part is
 * compared as a number (leading zeros do not count: `01026` is 1026).
 */

/** A parsed EFLOW version. */
export interface EflowVersion {
    /** The numeric parts, e.g. `[1, 5, 7, 1026]`. */
    parts: number[];
    /** The text it was read from, trimmed. */
    text: string;
}

const versionPattern = /^\d+(\.\d+){1,3}$/;

/** Parses `major.minor[.build[.revision]]`; returns `null` for anything else (empty, letters, five parts). */
export function parseEflowVersion(text: string): EflowVersion | null {
    const trimmed = text.trim();
    if (!versionPattern.test(trimmed)) {
        return null;
    }
    return { parts: trimmed.split('.').map((part: string) => Number(part)), text: trimmed };
}

/**
 * Compares two versions part by part: negative when `a` is older, positive when newer, 0 when equal. Missing
 * parts count as 0, so `1.4` equals `1.4.0.0`.
 */
export function compareEflowVersions(a: EflowVersion, b: EflowVersion): number {
    const length = Math.max(a.parts.length, b.parts.length);
    for (let index = 0; index < length; index++) {
        const difference = (a.parts[index] ?? 0) - (b.parts[index] ?? 0);
        if (difference !== 0) {
            return difference < 0 ? -1 : 1;
        }
    }
    return 0;
}

/** The IoT Edge train of a version, `major.minor`, e.g. `1.5` for `1.5.7.01026`. */
export function trainOf(version: EflowVersion): string {
    return `${version.parts[0]}.${version.parts[1]}`;
}
