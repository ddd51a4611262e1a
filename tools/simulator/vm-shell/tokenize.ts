/**
 * Splits a command line into words like bash does for simple commands: whitespace separates, single quotes are
 * literal, double quotes group (backslash escapes " and \ inside them), a backslash outside quotes escapes the next
 * character. Pipes, lists and redirections are not
 * modelled: the caller gets `unsupported` with the operator found.
 */
export type Tokenized = { words: string[] } | { unsupported: string };

const OPERATORS = ['|', ';', '&', '>', '<', '`', '$('];

export function tokenize(line: string): Tokenized {
    const words: string[] = [];
    let current = '';
    let inWord = false;
    for (let index = 0; index < line.length; index++) {
        const character = line[index] ?? '';
        if (character === '\\' && index + 1 < line.length) {
            // Outside quotes a backslash makes the next character literal.
            current += line[index + 1];
            inWord = true;
            index++;
        } else if (character === "'") {
            const end = line.indexOf("'", index + 1);
            if (end < 0) {
                return { unsupported: "unterminated '" };
            }
            current += line.slice(index + 1, end);
            inWord = true;
            index = end;
        } else if (character === '"') {
            let closed = false;
            for (index++; index < line.length; index++) {
                const inner = line[index] ?? '';
                if (inner === '\\' && (line[index + 1] === '"' || line[index + 1] === '\\')) {
                    current += line[index + 1];
                    index++;
                } else if (inner === '"') {
                    closed = true;
                    break;
                } else {
                    current += inner;
                }
            }
            if (!closed) {
                return { unsupported: 'unterminated "' };
            }
            inWord = true;
        } else if (/\s/.test(character)) {
            if (inWord) {
                words.push(current);
                current = '';
                inWord = false;
            }
        } else {
            const operator = OPERATORS.find(op => line.startsWith(op, index));
            if (operator) {
                return { unsupported: operator };
            }
            current += character;
            inWord = true;
        }
    }
    if (inWord) {
        words.push(current);
    }
    return { words };
}
