import { TEST_TEXTS, textOf } from '../testing/rendered-text';
import { DEPLOY_ERROR_CODES } from './deploy-error-codes';
import { DEPLOY_STEP_ORDER, DEPLOY_STEPS } from './deploy-steps';
import { DEPLOY_TEXT_KEYS } from './deploy-text-keys';
import { messageOf } from './message-text';

describe('the strings of the domain\'s messages', () => {
    it('has a non-empty string in Deploy.Text (strings.resjson) for every key the domain can use', () => {
        const missing = DEPLOY_TEXT_KEYS.filter(key => typeof TEST_TEXTS[key] !== 'string' || TEST_TEXTS[key].trim() === '');
        expect(missing).toEqual([]);
    });

    it('names no key twice', () => {
        expect(new Set(DEPLOY_TEXT_KEYS).size).toBe(DEPLOY_TEXT_KEYS.length);
    });

    it('explains every deploy error code and warns with a string before cancelling a risky step', () => {
        const keys = [
            ...Object.values(DEPLOY_ERROR_CODES).map(code => code.explanation),
            ...DEPLOY_STEP_ORDER.map(step => DEPLOY_STEPS[step].cancelWarning).filter((key): key is NonNullable<typeof key> => key !== null)
        ];
        expect(keys.filter(key => !DEPLOY_TEXT_KEYS.includes(key) || !TEST_TEXTS[key])).toEqual([]);
        expect(Object.keys(DEPLOY_ERROR_CODES).filter(code => DEPLOY_ERROR_CODES[code].explanation !== `error${code}`)).toEqual([]);
    });

    it('fills placeholders, formats numbers for display and formats nested messages', () => {
        expect(textOf(messageOf('memoryAboveFree', { free: 16385, max: 16384 })))
            .toBe('Only 16,385 MB of memory is free on the host; choose at most 16,384 MB.');
        expect(textOf(messageOf('sizeRequired', { label: messageOf('labelVmDiskSize') }))).toBe('Enter the VM disk size in GB.');
        expect(textOf(messageOf('dnsDuplicate', { server: '10.0.0.1' }))).toBe('10.0.0.1 is listed twice.');
    });
});
