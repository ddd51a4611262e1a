import { messageOf } from './message-text';
import { validationError, validationWarning } from './validation-message';
import { canLeavePage, canOpenPage, chooseStartPage, nextPage, previousPage } from './wizard-navigation';
import type { ResumeDecision } from './resume-detection';
import type { WizardPageId } from './wizard-pages';

function decision(startPage: ResumeDecision['startPage'], blocked = false): ResumeDecision {
    return {
        phase: blocked ? 'blocked' : 'fresh', startPage, lockedPages: [], lockedFields: [], doneSteps: [],
        blockers: blocked ? [{ code: 'deploymentRunning', text: messageOf('resumeDeploymentRunning') }] : [], summary: messageOf('resumeFresh')
    };
}

describe('wizard navigation', () => {
    it('moves over the form pages; Deploy is reached only from the review', () => {
        expect(nextPage('prerequisites')).toBe('product');
        expect(nextPage('provisioning')).toBe('review');
        expect(nextPage('review')).toBeNull();
        expect(previousPage('product')).toBe('prerequisites');
        expect(previousPage('prerequisites')).toBeNull();
        expect(previousPage('deploy')).toBe('review');
    });

    it('lets warnings through and stops at errors', () => {
        expect(canLeavePage([validationWarning('x', 'dnsMissingForStatic')])).toBe(true);
        expect(canLeavePage([validationError('x', 'cpuRequired')])).toBe(false);
    });

    it('opens earlier pages always and later ones only past valid pages', () => {
        const validation = new Map<WizardPageId, ReturnType<typeof validationError>[]>([['vmSize', [validationError('vmSize.memoryInMB', 'memoryOdd', { value: 1025 })]]]);
        expect(canOpenPage('prerequisites', 'network', validation)).toBe(true);
        expect(canOpenPage('vmSize', 'product', validation)).toBe(true);
        expect(canOpenPage('network', 'product', validation)).toBe(false);
        expect(canOpenPage('review', 'product', new Map())).toBe(true);
        expect(canOpenPage('deploy', 'review', new Map())).toBe(false);
    });

    it('opens where the host says, or later where the admin was or was sent, never past failed prerequisites', () => {
        expect(chooseStartPage(decision('prerequisites'), true, null, null)).toBe('prerequisites');
        expect(chooseStartPage(decision('prerequisites'), true, 'network', null)).toBe('network');
        expect(chooseStartPage(decision('prerequisites'), false, 'network', null)).toBe('prerequisites');
        expect(chooseStartPage(decision('network'), true, 'product', 'provisioning')).toBe('provisioning');
        expect(chooseStartPage(decision('review'), true, 'deploy', null)).toBe('review');
        expect(chooseStartPage(decision('done'), true, 'network', null)).toBe('done');
        expect(chooseStartPage(decision('prerequisites', true), true, 'network', null)).toBe('prerequisites');
    });
});
