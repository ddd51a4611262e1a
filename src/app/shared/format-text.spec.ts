import { formatText } from './format-text';

describe('formatText', () => {
    it('fills named placeholders, repeatedly and with numbers', () => {
        expect(formatText('{a} and {b}, {a} again: {n}', { a: 'x', b: 'y', n: 3 })).toBe('x and y, x again: 3');
    });

    it('leaves unknown placeholders visible and does not re-read inserted text', () => {
        expect(formatText('{a} {missing}', { a: '{missing}' })).toBe('{missing} {missing}');
    });

    it('does not use inherited properties as values', () => {
        expect(formatText('{toString}', {})).toBe('{toString}');
    });
});
