/** The few Linux commands the product runs in the VM: cat, grep, uname, hostname, df -h, free -m. */
import { guestTotalMemMb } from '../handlers/eflow/vm-view';
import { readVmFile } from './vm-files';
import { failure, type ShellCommand, success } from './shell-types';

export const cat: ShellCommand = (args, context) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    for (const path of args.filter(arg => !arg.startsWith('-'))) {
        const lines = readVmFile(context.vm, path);
        if (lines === null) {
            stderr.push(`cat: ${path}: No such file or directory`);
        } else {
            stdout.push(...lines);
        }
    }
    return { stdout, stderr, exitCode: stderr.length > 0 ? 1 : 0 };
};

/** Basic regular expressions treat + ? | ( ) { } as literals; escape them for a JS RegExp. */
function basicToJs(pattern: string): string {
    return pattern.replace(/[+?|(){}]/g, character => `\\${character}`);
}

export const grep: ShellCommand = (args, context) => {
    let extended = false;
    let ignoreCase = false;
    let invert = false;
    let maxCount: number | null = null;
    const operands: string[] = [];
    for (let index = 0; index < args.length; index++) {
        const arg = args[index] ?? '';
        if (arg === '-E') {
            extended = true;
        } else if (arg === '-i') {
            ignoreCase = true;
        } else if (arg === '-v') {
            invert = true;
        } else if (arg === '-m') {
            maxCount = Number(args[++index]);
        } else if (/^-m\d+$/.test(arg)) {
            maxCount = Number(arg.slice(2));
        } else if (arg.startsWith('-') && operands.length === 0) {
            return failure([`grep: invalid option -- '${arg.slice(1)}'`], 2);
        } else {
            operands.push(arg);
        }
    }
    const [pattern, ...files] = operands;
    if (pattern === undefined || files.length === 0 || maxCount !== null && !Number.isInteger(maxCount)) {
        return failure(['Usage: grep [OPTION]... PATTERNS [FILE]...'], 2);
    }
    let expression: RegExp;
    try {
        expression = new RegExp(extended ? pattern : basicToJs(pattern), ignoreCase ? 'i' : '');
    } catch {
        return failure(['grep: Invalid regular expression'], 2);
    }
    const stdout: string[] = [];
    const stderr: string[] = [];
    for (const file of files) {
        const lines = readVmFile(context.vm, file);
        if (lines === null) {
            stderr.push(`grep: ${file}: No such file or directory`);
            continue;
        }
        const matched = lines.filter(line => expression.test(line) !== invert);
        const limited = maxCount === null ? matched : matched.slice(0, maxCount);
        stdout.push(...limited.map(line => files.length > 1 ? `${file}:${line}` : line));
    }
    return { stdout, stderr, exitCode: stderr.length > 0 ? 2 : stdout.length > 0 ? 0 : 1 };
};

export const uname: ShellCommand = (args, context) => {
    const [release, ...version] = context.vm.runtime.kernelVersion.split(' ');
    const machine = context.host.windows.architecture === 'ARM64' ? 'aarch64' : 'x86_64';
    if (args.includes('-r')) {
        return success([release ?? '']);
    }
    if (args.includes('-a')) {
        return success([`Linux ${context.vm.name} ${release ?? ''} ${version.join(' ')} ${machine} GNU/Linux`]);
    }
    if (args.includes('-m')) {
        return success([machine]);
    }
    return success(['Linux']);
};

/** `echo [words...]`: the words joined by one space (no options, as the scripts need no more). */
export const echo: ShellCommand = args => success([args.join(' ')]);

export const hostname: ShellCommand = (_args, context) => success([context.vm.name]);

/** df -h style size: 9.6G, 38G, 974M. */
function humanSize(mb: number): string {
    if (mb >= 1024) {
        const gb = mb / 1024;
        return gb < 10 ? `${gb.toFixed(1)}G` : `${Math.round(gb)}G`;
    }
    return mb < 10 ? `${mb.toFixed(1)}M` : `${Math.round(mb)}M`;
}

export const df: ShellCommand = (_args, context) => {
    const vm = context.vm;
    const logMb = vm.logSize === 'Large' ? 6 * 1024 : 1024;
    const rows: [string, number, number, string][] = [
        ['/dev/root', 1946, 1402, '/'],
        ['/dev/sda3', vm.totalStorageMb, vm.usedStorageMb, '/var'],
        ['/dev/sda4', logMb - 50, Math.round(logMb * 0.04), '/var/log']
    ];
    const line = (fs: string, size: string, used: string, available: string, percent: string, mount: string): string =>
        `${fs.padEnd(15)}${size.padStart(5)}${used.padStart(6)}${available.padStart(6)}${percent.padStart(5)} ${mount}`;
    return success([
        line('Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'),
        ...rows.map(([fs, size, used, mount]) => line(fs, humanSize(size), humanSize(used), humanSize(size - used),
            `${Math.round(used * 100 / size)}%`, mount))
    ]);
};

export const free: ShellCommand = (_args, context) => {
    const total = guestTotalMemMb(context.vm);
    const used = context.vm.usedMemMb;
    const cache = Math.round(total * 0.2);
    const freeMb = Math.max(0, total - used - cache);
    const row = (label: string, values: number[]): string =>
        label + values.map((value, index) => String(value).padStart(index === 0 ? 20 - label.length : 12)).join('');
    return success([
        ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h, i) => h.padStart(i === 0 ? 20 : 12)).join(''),
        row('Mem:', [total, used, freeMb, 2, cache, Math.max(0, total - used - 150)]),
        row('Swap:', [0, 0, 0])
    ]);
};
