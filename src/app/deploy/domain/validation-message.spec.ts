import { rendered } from '../testing/rendered-text';
import { messageOf } from './message-text';
import { hasErrors, validationError, validationWarning } from './validation-message';

describe('validation messages', () => {
    it('tells errors from warnings', () => {
        expect(hasErrors([validationWarning('a', 'dnsMissingForStatic')])).toBe(false);
        expect(hasErrors([validationWarning('a', 'dnsMissingForStatic'), validationError('b', 'cpuRequired')])).toBe(true);
        expect(hasErrors([])).toBe(false);
    });

    it('takes the text named like the code, or a text of its own, with the values it shows', () => {
        expect(validationError('vmSize.memoryInMB', 'memoryOdd', { value: 1025 })).toEqual({
            field: 'vmSize.memoryInMB', code: 'memoryOdd', severity: 'error', text: { key: 'memoryOdd', params: { value: 1025 } }
        });
        const own = validationError('product.source.msiPath', 'pathInvalid', messageOf('pathInvalidMsi'));
        expect(own.text.key).toBe('pathInvalidMsi');
        expect(rendered(validationError('vmSize.memoryInMB', 'memoryOdd', { value: 1048577 })).text)
            .toBe('Deploy-Eflow accepts only an even number of MB; 1,048,577 is odd.');
    });
});
