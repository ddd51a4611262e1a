import { TEST_TEXTS, textOf } from '../testing/rendered-text';
import { DEPLOY_TEXT_KEYS } from './deploy-text-keys';
import { messageOf } from './message-text';
import type { PrerequisiteCheck, PrerequisiteParam } from './deployment-prerequisites';
import {
    PREREQUISITE_REASON_CODES, PREREQUISITE_REASONS, PREREQUISITE_TEXT_KEYS, type PrerequisiteParamKind, type PrerequisiteReason
} from './prerequisite-reasons';
import { prerequisiteDetail, prerequisiteFix, prerequisiteSummary } from './prerequisite-text';

const SAMPLES: Readonly<Record<PrerequisiteParamKind, PrerequisiteParam>> = {
    text: 'sample', number: 4096, buildNumber: 22631, names: ['vmms', 'hvhost']
};

/** A check of `reason` with a sample value of the right kind for every param. */
function checkOf(reason: PrerequisiteReason): PrerequisiteCheck {
    const spec = PREREQUISITE_REASONS[reason];
    const params = Object.fromEntries(Object.entries(spec.params).map(([name, kind]) => [name, SAMPLES[kind]]));
    return { id: spec.check, status: spec.status, reason, params };
}

describe('the prerequisite checks\' sentences', () => {
    it('are registered keys of Deploy.Text, a detail for every reason and a fix for every warning and failure', () => {
        expect(PREREQUISITE_TEXT_KEYS.filter(key => !DEPLOY_TEXT_KEYS.includes(key))).toEqual([]);
        const withFix = PREREQUISITE_REASON_CODES.filter(reason => PREREQUISITE_REASONS[reason].status !== 'pass');
        expect(PREREQUISITE_TEXT_KEYS).toHaveLength(PREREQUISITE_REASON_CODES.length + withFix.length);
        expect(PREREQUISITE_TEXT_KEYS).toContain('prereqServerBuildTooOldFix');
        expect(PREREQUISITE_TEXT_KEYS).not.toContain('prereqServerSupportedFix');
        // No string is left over from a reason that no longer exists (or was misnamed).
        const strings = Object.keys(TEST_TEXTS).filter(key => /^prereq[A-Z]/.test(key));
        expect(strings.filter(key => !(PREREQUISITE_TEXT_KEYS as readonly string[]).includes(key))).toEqual([]);
    });

    it.each(PREREQUISITE_REASON_CODES)('word %s with every placeholder filled', reason => {
        const check = checkOf(reason);
        const texts = [textOf(prerequisiteDetail(check)), ...[prerequisiteFix(check)].flatMap(fix => fix === null ? [] : [textOf(fix)])];
        expect(texts.filter(text => /[{}]/.test(text) || text.startsWith('prereq') || text.trim() === '')).toEqual([]);
        expect(texts).toHaveLength(check.status === 'pass' ? 1 : 2);
    });

    it('show numbers in the display locale, a build number as it is, and a list of names as a list', () => {
        expect(textOf(prerequisiteDetail({ id: 'os-edition', status: 'fail', reason: 'serverBuildTooOld',
            params: { caption: 'Microsoft Windows Server 2016 Standard', build: 14393 } }))).toBe('Microsoft Windows Server 2016 Standard, build 14393.');
        const disk: PrerequisiteCheck = { id: 'disk', status: 'warning', reason: 'diskBelowDefaultVm', params: { drive: 'D:', freeGB: 1012.5, defaultVmGB: 18 } };
        expect(textOf(prerequisiteSummary(disk))).toBe('1,012.5 GB free on D:. The default VM needs about 18 GB free; choose a smaller disk or free some space.');
        const stopped = (services: string[]): string => textOf(prerequisiteDetail({ id: 'hyperv-services', status: 'fail',
            reason: 'hyperVServicesStopped', params: { services } }));
        expect([stopped(['vmms']), stopped(['vmms', 'hvhost']), stopped(['vmms', 'vmcompute', 'hvhost'])]).toEqual([
            'Not running: vmms.', 'Not running: vmms and hvhost.', 'Not running: vmms, vmcompute and hvhost.'
        ]);
    });

    it('tell an Azure VM what it needs: a nested-capable size and no External switch', () => {
        const hidden = checkOf('virtualizationHiddenFromAzureVm');
        expect(textOf(prerequisiteSummary(hidden))).toBe('This Azure VM does not see virtualization extensions: its size offers no nested virtualization. ' +
            'Resize the VM to a size that supports nested virtualization (Azure documents the support per size), then check the host again.');
        expect(textOf(prerequisiteSummary(checkOf('azureVmNoInternalSwitch')))).toBe('Windows Server has no Default Switch, no Internal switch exists, ' +
            'and an Azure VM cannot use an External switch. Create an Internal switch on the Network page and give the VM a static address; ' +
            'the wizard sets up the switch\'s NAT.');
    });

    it('give no "enable Hyper-V" advice on an edition without Hyper-V: the Hyper-V check says what to do there', () => {
        const dependent = ['hyperVServicesAwaitHyperV', 'hypervisorAwaitsHyperV', 'defaultSwitchMissing'] as const;
        for (const reason of dependent) {
            expect(prerequisiteFix(checkOf(reason), 'NotAvailable')).toBeNull();
            expect(prerequisiteFix(checkOf(reason), 'Disabled')).not.toBeNull();
            expect(prerequisiteFix(checkOf(reason))).not.toBeNull();
        }
        expect(textOf(prerequisiteFix(checkOf('hyperVNotAvailable'), 'NotAvailable') ?? messageOf('listAnd')))
            .toBe('Use Windows Pro, Enterprise, IoT Enterprise or Windows Server.');
        expect(prerequisiteFix(checkOf('openSshMissing'), 'NotAvailable')).not.toBeNull();
    });
});
