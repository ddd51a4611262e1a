import { DEPLOY_STEP_ORDER, DEPLOY_STEPS, stepOfProgressActivity } from './deploy-steps';

describe('deploy steps', () => {
    it('attributes each script progress activity to its step', () => {
        expect(stepOfProgressActivity('Deploying the EFLOW virtual machine')).toBe('deployVm');
        expect(stepOfProgressActivity('Downloading the EFLOW installer')).toBe('downloadMsi');
        expect(stepOfProgressActivity('Something else')).toBeNull();
    });

    it('gives every step a distinct activity, and only Deploy-Eflow and provisioning need a refresh before a retry', () => {
        const activities = DEPLOY_STEP_ORDER.map(id => DEPLOY_STEPS[id].progressActivity);
        expect(new Set(activities).size).toBe(activities.length);
        expect(DEPLOY_STEP_ORDER.filter(id => DEPLOY_STEPS[id].retry === 'refreshFirst')).toEqual(['deployVm', 'provision']);
    });
});
