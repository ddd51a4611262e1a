/**
 * What a Readers script may run in the EFLOW VM. Invoke-EflowVmCommand hands its -command to bash in the VM, where
 * anything can happen (`sudo iotedge system restart`, `sudo reboot`). A Readers script must change nothing, so its
 * command line must be known when the script is written (a constant, or constants joined with `+`) and consist only
 * of the read-only commands below, joined by `;`, `&&`, `||` or `|`, with no redirection and no expansion.
 */
import type { AstArgument } from './script-analysis';

/**
 * The commands the Readers scripts run in the VM, each optionally after `sudo` (Get-EflowHostOverview,
 * Test-EflowDeployment, Get-EflowDeploymentState): none of them writes. Add a command here only when a Readers
 * script needs it and it only reads.
 */
export const READ_ONLY_VM_COMMANDS: ReadonlyArray<{ pattern: RegExp; example: string }> = [
    { pattern: /^iotedge list$/, example: 'iotedge list' },
    { pattern: /^iotedge system status$/, example: 'iotedge system status' },
    // The marker between the sections of one SSH round trip.
    { pattern: /^echo [A-Za-z0-9@_.-]+$/, example: 'echo @@EFLOW-MANAGER-SECTION@@' },
    // grep with options, one pattern and one file.
    { pattern: /^grep( -[A-Za-z]+( \d+)?)* ("[^"]*"|'[^']*'|[^\s'"]+) \/[\w./-]+$/, example: 'grep -m 1 -E "^source *=" /etc/aziot/config.toml' },
    { pattern: /^cat \/[\w./-]+$/, example: 'cat /run/systemd/resolve/resolv.conf' }
];

/**
 * The text of an argument that is a string constant, or string literals joined with `+` (parentheses allowed), as
 * PowerShell would build it; null for anything else (variables, expansions in double quotes, method calls).
 */
export function constantCommandText(argument: AstArgument): string | null {
    if (argument.kind === 'constant') {
        return typeof argument.value === 'string' ? argument.value : null;
    }
    return argument.kind === 'expression' ? concatenatedLiterals(argument.text) : null;
}

function concatenatedLiterals(text: string): string | null {
    const parts: string[] = [];
    let expectLiteral = true;
    let index = 0;
    while (index < text.length) {
        const char = text[index];
        if (/\s/.test(char) || char === '(' || char === ')') {
            index++;
        } else if (expectLiteral && (char === "'" || char === '"')) {
            const literal = readLiteral(text, index);
            if (!literal) return null;
            parts.push(literal.value);
            index = literal.end;
            expectLiteral = false;
        } else if (!expectLiteral && char === '+') {
            index++;
            expectLiteral = true;
        } else {
            return null;
        }
    }
    return parts.length > 0 && !expectLiteral ? parts.join('') : null;
}

/** A PowerShell string literal at `start`: single-quoted ('' escapes a quote) or double-quoted without expansion. */
function readLiteral(text: string, start: number): { value: string; end: number } | null {
    const quote = text[start];
    let value = '';
    for (let index = start + 1; index < text.length; index++) {
        const char = text[index];
        if (char === quote) {
            if (text[index + 1] === quote) {
                value += quote;
                index++;
                continue;
            }
            return { value, end: index + 1 };
        }
        if (quote === '"' && (char === '$' || char === '`')) {
            return null;
        }
        value += char;
    }
    return null;
}

/**
 * Why a command line is not read-only (empty when it is): bash syntax that could write or run other code
 * (redirections, expansions, unbalanced quotes) and simple commands outside READ_ONLY_VM_COMMANDS.
 */
export function readOnlyProblems(commandLine: string): string[] {
    const problems = new Set<string>();
    const segments: string[] = [];
    let current = '';
    let quote: string | null = null;
    for (const char of commandLine) {
        if (quote !== null) {
            if (char === quote) {
                quote = null;
            } else if (quote === '"' && (char === '$' || char === '`')) {
                problems.add(`it expands ${char} inside double quotes`);
            }
            current += char;
        } else if (char === "'" || char === '"') {
            quote = char;
            current += char;
        } else if (char === ';' || char === '&' || char === '|' || char === '\n') {
            segments.push(current);
            current = '';
        } else {
            if (char === '>' || char === '<') problems.add(`it redirects with ${char}`);
            if (char === '$' || char === '`') problems.add(`it expands ${char}`);
            current += char;
        }
    }
    if (quote !== null) problems.add('a quote is not closed');
    segments.push(current);
    for (const segment of segments.map(s => s.trim().replace(/\s+/g, ' ')).filter(s => s !== '')) {
        const command = segment.replace(/^sudo /, '');
        if (!READ_ONLY_VM_COMMANDS.some(known => known.pattern.test(command))) {
            problems.add(`"${segment}" is not one of the read-only VM commands (${READ_ONLY_VM_COMMANDS.map(k => k.example).join('; ')})`);
        }
    }
    return [...problems];
}
