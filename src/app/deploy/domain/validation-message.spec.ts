import { formatCount, hasErrors, validationError, validationWarning } from './validation-message';

describe('validation messages', () => {
    it('tells errors from warnings', () => {
        expect(hasErrors([validationWarning('a', 'w', 'x')])).toBe(false);
        expect(hasErrors([validationWarning('a', 'w', 'x'), validationError('b', 'e', 'y')])).toBe(true);
        expect(hasErrors([])).toBe(false);
    });

    it('formats counts with thousands separators', () => {
        expect(formatCount(1048576)).toBe('1,048,576');
        expect(formatCount(512)).toBe('512');
    });
});
