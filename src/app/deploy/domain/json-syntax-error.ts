/**
 * Where a JSON text stops being JSON, as a line and column only. The engine's own JSON.parse message is not shown:
 * V8 quotes the text around the error (`Unexpected token 'c', ..."symmKey": c2VjcmV0LW"...`), and an imported file
 * may hold a secret there. This scanner follows the JSON grammar (RFC 8259) and reports the offset of the first
 * character that breaks it, never a character of the text itself.
 */

/** The first syntax error of a text: 1-based line and column, and whether the text simply ended too early. */
export interface JsonSyntaxError {
    line: number;
    column: number;
    endOfText: boolean;
}

class Stop extends Error {
    constructor(public readonly offset: number) {
        super('JSON syntax error');
    }
}

const WHITESPACE = ' \t\n\r';
const DIGITS = '0123456789';
const HEX = '0123456789abcdefABCDEF';
const ESCAPES = '"\\/bfnrtu';

class Scanner {
    private at = 0;

    constructor(private readonly text: string) {}

    /** Scans the whole text; returns the offset of the first error, or null when it is JSON. */
    scan(): number | null {
        try {
            this.value();
            this.space();
            if (this.at < this.text.length) {
                throw new Stop(this.at);
            }
            return null;
        } catch (error: unknown) {
            if (error instanceof Stop) {
                return error.offset;
            }
            throw error;
        }
    }

    private peek(): string {
        return this.text.charAt(this.at);
    }

    private expect(characters: string): void {
        if (this.at >= this.text.length || !characters.includes(this.peek())) {
            throw new Stop(this.at);
        }
        this.at++;
    }

    private space(): void {
        while (this.at < this.text.length && WHITESPACE.includes(this.peek())) {
            this.at++;
        }
    }

    private value(): void {
        this.space();
        const next = this.peek();
        if (next === '{') {
            this.members('}', () => {
                this.space();
                this.string();
                this.space();
                this.expect(':');
                this.value();
            });
        } else if (next === '[') {
            this.members(']', () => this.value());
        } else if (next === '"') {
            this.string();
        } else if (next === '-' || DIGITS.includes(next) && next !== '') {
            this.number();
        } else {
            this.literal();
        }
    }

    /** An object or array: the opening bracket, members separated by commas, the closing bracket. */
    private members(close: string, member: () => void): void {
        this.at++;
        this.space();
        if (this.peek() === close) {
            this.at++;
            return;
        }
        for (;;) {
            member();
            this.space();
            if (this.peek() === close) {
                this.at++;
                return;
            }
            this.expect(',');
        }
    }

    private string(): void {
        this.expect('"');
        for (;;) {
            if (this.at >= this.text.length) {
                throw new Stop(this.at);
            }
            const next = this.peek();
            if (next === '"') {
                this.at++;
                return;
            }
            if (next < ' ') {
                throw new Stop(this.at);
            }
            this.at++;
            if (next === '\\') {
                const escape = this.peek();
                this.expect(ESCAPES);
                if (escape === 'u') {
                    for (let i = 0; i < 4; i++) {
                        this.expect(HEX);
                    }
                }
            }
        }
    }

    private digits(): void {
        this.expect(DIGITS);
        while (this.at < this.text.length && DIGITS.includes(this.peek())) {
            this.at++;
        }
    }

    private number(): void {
        if (this.peek() === '-') {
            this.at++;
        }
        if (this.peek() === '0') {
            this.at++;
        } else {
            this.digits();
        }
        if (this.peek() === '.') {
            this.at++;
            this.digits();
        }
        if (this.peek() === 'e' || this.peek() === 'E') {
            this.at++;
            if (this.peek() === '+' || this.peek() === '-') {
                this.at++;
            }
            this.digits();
        }
    }

    private literal(): void {
        for (const word of ['true', 'false', 'null']) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return;
            }
        }
        // Report the first character that departs from every literal it could still be.
        let matched = 0;
        while (['true', 'false', 'null'].some(word => word.startsWith(this.text.substring(this.at, this.at + matched + 1)) &&
            this.at + matched < this.text.length)) {
            matched++;
        }
        throw new Stop(this.at + matched);
    }
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
    const offset = new Scanner(text).scan();
    if (offset === null) {
        return null;
    }
    const before = text.substring(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, endOfText: offset >= text.length };
}
