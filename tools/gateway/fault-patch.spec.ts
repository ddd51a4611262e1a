import { parseFaultPatch } from './fault-patch';

describe('parseFaultPatch', () => {
    it('accepts every fault the simulator knows, including clearing with null', () => {
        expect(parseFaultPatch({
            offline: true, latencyMs: 4000, failureRate: 0.25, getEflowVmThrows: 'boom',
            msiInstallFailure: 'once', deployNotEnoughMemory: 'sticky', deployNotEnoughDisk: null, switchCreationFailure: 'once',
            provisioningFailure: null, vmCreationFailure: { step: 'vnic', mode: 'once' }, deployNotEnoughCpu: 'once',
            provisioningEchoesSecrets: 'sticky', hyperVReadFailure: 'Access is denied.'
        })).toEqual({
            offline: true, latencyMs: 4000, failureRate: 0.25, getEflowVmThrows: 'boom',
            msiInstallFailure: 'once', deployNotEnoughMemory: 'sticky', deployNotEnoughDisk: null, switchCreationFailure: 'once',
            provisioningFailure: null, vmCreationFailure: { step: 'vnic', mode: 'once' }, deployNotEnoughCpu: 'once',
            provisioningEchoesSecrets: 'sticky', hyperVReadFailure: 'Access is denied.'
        });
        expect(parseFaultPatch({ vmCreationFailure: null })).toEqual({ vmCreationFailure: null });
        expect(parseFaultPatch({ msiUninstallFailure: { exitCode: 1603, mode: 'sticky' } }))
            .toEqual({ msiUninstallFailure: { exitCode: 1603, mode: 'sticky' } });
    });

    it.each([
        [{ offline: 'yes' }, 'offline must be true or false.'],
        [{ latencyMs: -1 }, 'latencyMs must be a number >= 0.'],
        [{ failureRate: 1.5 }, 'failureRate must be a number from 0 to 1.'],
        [{ getEflowVmThrows: 3 }, 'getEflowVmThrows must be a string or null.'],
        [{ hyperVReadFailure: false }, 'hyperVReadFailure must be a string or null.'],
        [{ deployNotEnoughCpu: true }, "deployNotEnoughCpu must be 'once', 'sticky' or null."],
        [{ msiInstallFailure: 'always' }, "msiInstallFailure must be 'once', 'sticky' or null."],
        [{ vmCreationFailure: { step: 'boot', mode: 'once' } }, 'vmCreationFailure must be null or {step: storage|vnic|instantiate, mode: once|sticky}.'],
        [{ vmCreationFailure: { step: 'vnic', mode: 'once', extra: 1 } }, 'vmCreationFailure must be null or {step: storage|vnic|instantiate, mode: once|sticky}.'],
        [{ msiUninstallFailure: { exitCode: 0, mode: 'once' } }, 'msiUninstallFailure must be null or {exitCode: 1..65535, mode: once|sticky}.'],
        [{ msiUninstallFailure: 'once' }, 'msiUninstallFailure must be null or {exitCode: 1..65535, mode: once|sticky}.'],
        [{ ofline: true }, "Unknown fault 'ofline'."]
    ])('refuses %j with a message naming the field', (body, message) => {
        expect(parseFaultPatch(body)).toBe(message);
    });
});
