/**
 * The VM's shell for Invoke-EflowVmCommand: simple commands (each optionally prefixed by `sudo`), run in sequence
 * when separated by `;` (a bash list: every command runs, the exit status is the last one's); no pipes.
 * Unknown commands answer as bash does (`bash: line 1: <cmd>: command not found`, exit 127).
 */
import { iotedge } from './iotedge';
import { cat, df, echo, free, grep, hostname, uname } from './linux-tools';
import { failure, type ShellCommand, type ShellContext, type ShellResult } from './shell-types';
import { tokenize } from './tokenize';

const COMMANDS: ReadonlyMap<string, ShellCommand> = new Map<string, ShellCommand>([
    ['iotedge', iotedge],
    ['cat', cat],
    ['echo', echo],
    ['grep', grep],
    ['uname', uname],
    ['hostname', hostname],
    ['df', df],
    ['free', free]
]);

/** Runs `commandLine` in the VM. */
export function runShell(commandLine: string, context: ShellContext): ShellResult {
    const segments = splitList(commandLine);
    if (segments.length === 1) {
        return runSimpleCommand(segments[0] ?? '', context);
    }
    const merged: string[] = [];
    let last: ShellResult = { stdout: [], stderr: [], exitCode: 0 };
    for (const segment of segments) {
        last = runSimpleCommand(segment, context);
        merged.push(...last.stdout, ...last.stderr);
    }
    return { stdout: merged, stderr: last.stderr, exitCode: last.exitCode, merged };
}

/** Splits a bash list on `;` outside quotes (a trailing `;` ends the list). */
export function splitList(commandLine: string): string[] {
    const segments: string[] = [];
    let current = '';
    let quote: string | null = null;
    for (let index = 0; index < commandLine.length; index++) {
        const character = commandLine[index] ?? '';
        if (quote === null && character === '\\' && index + 1 < commandLine.length) {
            current += character + (commandLine[index + 1] ?? '');
            index++;
            continue;
        }
        if (quote === null && (character === "'" || character === '"')) {
            quote = character;
        } else if (quote === character) {
            quote = null;
        } else if (quote === null && character === ';') {
            segments.push(current);
            current = '';
            continue;
        }
        current += character;
    }
    if (current.trim() !== '' || segments.length === 0) {
        segments.push(current);
    }
    return segments;
}

function runSimpleCommand(commandLine: string, context: ShellContext): ShellResult {
    const tokenized = tokenize(commandLine);
    if ('unsupported' in tokenized) {
        // The simulator's own message: pipes and lists are not modelled (README).
        return failure([`bash: line 1: the simulator does not model '${tokenized.unsupported}' in commands`], 2);
    }
    const words = tokenized.words[0] === 'sudo' ? tokenized.words.slice(1) : tokenized.words;
    const [name, ...args] = words;
    if (name === undefined) {
        return { stdout: [], stderr: [], exitCode: 0 };
    }
    const command = COMMANDS.get(name);
    if (!command) {
        return failure([`bash: line 1: ${name}: command not found`], 127);
    }
    return command(args, context);
}
