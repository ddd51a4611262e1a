import { prerequisitesPassed, type PrerequisiteCheck } from './deployment-prerequisites';

const check = (status: PrerequisiteCheck['status']): PrerequisiteCheck => ({ id: 'memory', status, detail: 'd', fix: null });

describe('prerequisitesPassed', () => {
    it('lets warnings through and stops at any failure', () => {
        expect(prerequisitesPassed([check('pass'), check('warning')])).toBe(true);
        expect(prerequisitesPassed([check('pass'), check('fail')])).toBe(false);
    });
});
