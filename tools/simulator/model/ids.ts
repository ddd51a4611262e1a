/**
 * Deterministic identifiers: fleet hosts derive theirs from their names (stable across runs and resets); objects
 * created at run time (a deployed VM) derive theirs from the injected random().
 */

/** FNV-1a 32-bit hash of `text`, as 8 hex digits. */
export function hash32(text: string): string {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index++) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}

/** `length` hex digits derived from `seed`. */
export function hexFromSeed(seed: string, length: number): string {
    let text = '';
    for (let round = 0; text.length < length; round++) {
        text += hash32(`${seed}#${round}`);
    }
    return text.slice(0, length);
}

/** `length` hex digits from random(). */
export function hexFromRandom(random: () => number, length: number): string {
    let text = '';
    while (text.length < length) {
        text += Math.floor(random() * 16).toString(16);
    }
    return text;
}

/** A GUID in braces, upper case, as the Uninstall key names show product codes. */
export function productCodeFromSeed(seed: string): string {
    const hex = hexFromSeed(seed, 32).toUpperCase();
    return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** A Hyper-V style MAC (00:15:5d prefix, lower case, colon separated) from 6 hex digits. */
export function hyperVMac(sixHexDigits: string): string {
    const pairs = sixHexDigits.padEnd(6, '0').slice(0, 6).match(/../g) ?? [];
    return ['00', '15', '5d', ...pairs].join(':');
}

/** The same MAC in Windows notation (00-15-5D-...). */
export function windowsMac(mac: string): string {
    return mac.toUpperCase().replace(/:/g, '-');
}
