/** Types shared by the VM shell's commands. */
import type { HostState, VmState } from '../state/host-state';

export interface ShellResult {
    stdout: string[];
    stderr: string[];
    exitCode: number;
    /**
     * stdout and stderr in the order an SSH session returns them, when that differs from stdout-then-stderr
     * (a `;` list interleaves its commands' output).
     */
    merged?: string[];
}

export interface ShellContext {
    host: HostState;
    vm: VmState;
    now: Date;
    /** Marks the state changed (iotedge restart and friends). */
    changed: () => void;
}

export type ShellCommand = (args: string[], context: ShellContext) => ShellResult;

export function success(stdout: string[]): ShellResult {
    return { stdout, stderr: [], exitCode: 0 };
}

export function failure(stderr: string[], exitCode: number, stdout: string[] = []): ShellResult {
    return { stdout, stderr, exitCode };
}
