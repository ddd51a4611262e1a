import { rendered } from '../testing/rendered-text';
import { describeDeployFailure, splitCodedMessage } from './deploy-failure';

describe('splitCodedMessage', () => {
    it('splits a code prefix and leaves uncoded messages whole', () => {
        expect(splitCodedMessage('[InvalidStaticIp] 10.0.0.300 is not valid.')).toEqual({ code: 'InvalidStaticIp', message: '10.0.0.300 is not valid.' });
        expect(splitCodedMessage('The pipeline has been stopped.')).toEqual({ code: null, message: 'The pipeline has been stopped.' });
        expect(splitCodedMessage('[not a code here] x').code).toBeNull();
    });
});

describe('describeDeployFailure', () => {
    it('explains a known code in plain words, keeps the underlying message and names the recovery', () => {
        expect(rendered(describeDeployFailure('installMsi', '[MsiInstallInProgress] Another installation is in progress (msiexec 1618).'))).toEqual({
            step: 'installMsi', code: 'MsiInstallInProgress',
            explanation: 'Another installation (often Windows Update) is running on the host. Wait a few minutes, then retry.',
            underlyingMessage: 'Another installation is in progress (msiexec 1618).',
            underlyingText: null,
            blockedBy: [],
            recovery: { kind: 'rerun' }
        });
    });

    it('sends refused input back to its page', () => {
        expect(describeDeployFailure('deployVm', '[NotEnoughMemory] Only 900 MB free.').recovery).toEqual({ kind: 'editSettings', page: 'vmSize' });
    });

    it('sends an MSI that is not the chosen product back to the Product page, saying nothing was installed', () => {
        const cases: [string, RegExp][] = [
            ['[MsiProductMismatch] C:\\i\\cr.msi is Azure IoT Edge 1.3.1.02092 (CR), but the LTS channel was chosen.', /other EFLOW release/],
            ['[MsiArchitectureMismatch] C:\\i\\a.msi is Azure IoT Edge LTS 1.5.6.08025 for ARM64, but x64 was chosen.', /another processor architecture/],
            ['[MsiNotEflow] C:\\i\\p.msi installs PowerShell 7-x64 7.4.6.0, not Azure IoT Edge for Linux on Windows.', /not an Azure IoT Edge/]
        ];
        for (const [message, words] of cases) {
            const failure = describeDeployFailure('installMsi', message);
            expect(failure.recovery).toEqual({ kind: 'editSettings', page: 'product' });
            expect(rendered(failure.explanation)).toMatch(words);
            expect(rendered(failure.explanation)).toContain('nothing was installed');
            expect(failure.underlyingMessage).toBe(message.replace(/^\[\w+\] /, ''));
        }
    });

    it('never reruns Deploy-Eflow blindly: a failure or an existing VM means reading the host again', () => {
        expect(describeDeployFailure('deployVm', '[DeployEflowFailed] Unable to create virtual machine').recovery).toEqual({ kind: 'refreshFirst' });
        expect(describeDeployFailure('deployVm', '[VmAlreadyExists] The EFLOW VM exists already.').recovery).toEqual({ kind: 'refreshFirst' });
        // Deploy-Eflow never runs again on that disk: no retry, the uninstall instead.
        expect(describeDeployFailure('deployVm', '[PartialDeploymentFound] left a VM disk').recovery).toEqual({ kind: 'uninstall' });
    });

    it('offers the VM size page besides a retry after reading the host again for Deploy-Eflow\'s own memory, disk and processor refusals', () => {
        const cases: [string, string, RegExp][] = [
            ['[DeployNotEnoughMemory] Deploy-Eflow: Not enough memory available.', 'Not enough memory available.', /less memory/],
            ['[DeployNotEnoughDisk] Deploy-Eflow: Not enough disk space is available on drive \'C:\'', 'Not enough disk space is available on drive \'C:\'', /smaller disk/],
            ['[DeployNotEnoughCpu] Deploy-Eflow: Not enough CPU cores available.', 'Not enough CPU cores available.', /fewer virtual processors/]
        ];
        for (const [message, underlying, advice] of cases) {
            const failure = describeDeployFailure('deployVm', message);
            expect(failure.recovery).toEqual({ kind: 'refreshFirst', editPage: 'vmSize' });
            expect(failure.underlyingMessage).toBe(`Deploy-Eflow: ${underlying}`);
            expect(rendered(failure.explanation)).toMatch(advice);
            expect(rendered(failure.explanation)).toContain('VM size page');
        }
    });

    it('falls back on the step\'s retry rule and a general explanation for uncoded or unknown failures', () => {
        expect(describeDeployFailure('deployVm', 'The pipeline has been stopped.').recovery).toEqual({ kind: 'refreshFirst' });
        expect(rendered(describeDeployFailure('deployVm', '[SomethingNew] x').explanation))
            .toBe('The step did not complete. The message below is what the host reported.');
        expect(describeDeployFailure('configureVm', '[SomethingNew] x').recovery).toEqual({ kind: 'rerun' });
    });
});
