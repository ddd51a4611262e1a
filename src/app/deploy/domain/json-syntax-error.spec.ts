import { findJsonSyntaxError } from './json-syntax-error';

describe('findJsonSyntaxError', () => {
    it('finds nothing wrong with JSON, whatever JSON.parse accepts', () => {
        for (const text of ['{}', ' [1, -2.5e+3, 0, "a\\"b\\u00e9", true, false, null, {"k": []}] ', '"x"', '0', '-0.1E5']) {
            expect(() => JSON.parse(text)).not.toThrow();
            expect(findJsonSyntaxError(text)).toBeNull();
        }
    });

    it('gives the line and column of the first character that breaks the grammar, as JSON.parse refuses it', () => {
        const cases: [string, { line: number; column: number; endOfText: boolean }][] = [
            ['{"a": secret}', { line: 1, column: 7, endOfText: false }],
            ['{\n  "a": 1,\n  "b": tru }', { line: 3, column: 11, endOfText: false }],
            ['{"a": 1,}', { line: 1, column: 9, endOfText: false }],
            ['{"a" 1}', { line: 1, column: 6, endOfText: false }],
            ['[01]', { line: 1, column: 3, endOfText: false }],
            ['{"a": "line\nbreak"}', { line: 1, column: 12, endOfText: false }],
            ['{"a": "\\x"}', { line: 1, column: 9, endOfText: false }],
            ['{"a": 1} x', { line: 1, column: 10, endOfText: false }],
            ['{"a": "open', { line: 1, column: 12, endOfText: true }],
            ['{"a": nul', { line: 1, column: 10, endOfText: true }],
            ['', { line: 1, column: 1, endOfText: true }]
        ];
        for (const [text, expected] of cases) {
            expect(() => JSON.parse(text)).toThrow();
            expect({ text, error: findJsonSyntaxError(text) }).toEqual({ text, error: expected });
        }
    });
});
