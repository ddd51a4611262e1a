import { prerequisitesPassed, type PrerequisiteCheck } from './deployment-prerequisites';

const check = (status: PrerequisiteCheck['status']): PrerequisiteCheck => ({ id: 'memory', status, reason: 'memoryEnough', params: { freeMB: 8192 } });

describe('prerequisitesPassed', () => {
    it('lets warnings through and stops at any failure', () => {
        expect(prerequisitesPassed([check('pass'), check('warning')])).toBe(true);
        expect(prerequisitesPassed([check('pass'), check('fail')])).toBe(false);
    });
});
