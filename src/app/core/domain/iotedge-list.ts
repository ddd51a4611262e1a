/**
 * Parsing of `sudo iotedge list` output (IoT Edge 1.4/1.5, edgelet `list.rs`). The command has no JSON mode: it
 * prints a TabWriter table, header `NAME  STATUS  DESCRIPTION  Config`, one row per module sorted by name. Cells
 * are padded with spaces to the widest cell of their column, so columns are found by whitespace: the name and the
 * status never contain spaces, the image (the `Config` column) is the last word, and the description is whatever
 * lies between.
 */

/** Module statuses `iotedge list` prints (edgelet-core `ModuleStatus`). */
export type ModuleStatus = 'running' | 'stopped' | 'failed' | 'dead' | 'unknown';

const MODULE_STATUSES: readonly ModuleStatus[] = ['running', 'stopped', 'failed', 'dead', 'unknown'];

/** One row of `iotedge list`. */
export interface IotEdgeModule {
    name: string;
    status: ModuleStatus;
    /** The humanized description, e.g. `Up 3 minutes`, `Failed (137) 5 minutes ago`; empty if the row had none. */
    description: string;
    /** The exit code in a `Failed (<code>) ...` description, otherwise `null`. */
    exitCode: number | null;
    /** The image the module runs (the `Config` column). */
    image: string;
}

/** The parsed table plus the lines that were neither the header, blank nor a module row. */
export interface IotEdgeListParseResult {
    modules: IotEdgeModule[];
    /** Lines that could not be read as a row, e.g. `sudo` warnings mixed into the output. Kept for diagnostics. */
    unreadLines: string[];
}

/** The system modules every IoT Edge device runs; when they are down, nothing else works. */
export const SYSTEM_MODULES: readonly string[] = ['edgeAgent', 'edgeHub'];

/** Whether `name` is a status word that `iotedge list` prints (case-insensitive). */
export function isModuleStatus(name: string): boolean {
    return (MODULE_STATUSES as readonly string[]).includes(name.toLowerCase());
}

/**
 * Parses the lines of `iotedge list`. Robust to extra or collapsed padding, tabs, CRLF line ends, an empty
 * output and garbage lines (which end up in `unreadLines`, never as modules).
 */
export function parseIotEdgeList(lines: readonly string[]): IotEdgeListParseResult {
    const modules: IotEdgeModule[] = [];
    const unreadLines: string[] = [];
    for (const line of lines) {
        const words = line.trim().split(/\s+/).filter((word: string) => word.length > 0);
        if (words.length === 0 || isHeader(words)) {
            continue;
        }
        const module = readRow(words);
        if (module) {
            modules.push(module);
        } else {
            unreadLines.push(line);
        }
    }
    return { modules, unreadLines };
}

function isHeader(words: readonly string[]): boolean {
    return words[0] === 'NAME' && words[1] === 'STATUS';
}

function readRow(words: readonly string[]): IotEdgeModule | null {
    // A row has at least a name, a status and an image; the description may be empty.
    if (words.length < 3 || !isModuleStatus(words[1])) {
        return null;
    }
    const description = words.slice(2, -1).join(' ');
    return {
        name: words[0],
        status: words[1].toLowerCase() as ModuleStatus,
        description,
        exitCode: readExitCode(description),
        image: words[words.length - 1]
    };
}

function readExitCode(description: string): number | null {
    const match = /^Failed \((-?\d+)\)/i.exec(description);
    return match ? Number(match[1]) : null;
}
