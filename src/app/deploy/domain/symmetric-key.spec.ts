import { rendered } from '../testing/rendered-text';
import { base64Key } from './testing/deploy-fixtures';
import { base64DecodedLength, symmetricKeyProblem } from './symmetric-key';

describe('symmetricKeyProblem', () => {
    it('accepts keys of 16 and 64 bytes and refuses 15 and 65', () => {
        expect(symmetricKeyProblem(base64Key(16))).toBeNull();
        expect(symmetricKeyProblem(base64Key(64))).toBeNull();
        expect(rendered(symmetricKeyProblem(base64Key(15)))).toContain('decodes to 15 bytes');
        expect(rendered(symmetricKeyProblem(base64Key(65)))).toContain('decodes to 65 bytes');
    });

    it('asks for a key and refuses text that is not base64, without quoting it', () => {
        expect(rendered(symmetricKeyProblem(''))).toBe('Enter the symmetric key.');
        const problem = rendered(symmetricKeyProblem('not-base64!secretvalue'));
        expect(problem).toContain('base64');
        expect(problem).not.toContain('secretvalue');
    });
});

describe('base64DecodedLength', () => {
    it('counts padding', () => {
        expect(base64DecodedLength('QUJD')).toBe(3);
        expect(base64DecodedLength('QUI=')).toBe(2);
        expect(base64DecodedLength('QQ==')).toBe(1);
    });
});
