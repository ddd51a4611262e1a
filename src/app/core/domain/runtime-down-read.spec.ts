import { aRunningVm, aStoppedVm } from '../../testing/host-overview.fixtures';
import type { SectionError } from '../models/host-overview';
import { isRuntimeDownRead } from './runtime-down-read';

const documented: SectionError = { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: "Unexpected return from 'sudo iotedge list'" };

describe('isRuntimeDownRead', () => {
    it('recognises Get-EflowVm\'s documented failure on a VM still read as running', () => {
        expect(isRuntimeDownRead(documented, aRunningVm())).toBe(true);
    });

    it('leaves every other failure an error: another message, another read, a VM not known to run', () => {
        expect(isRuntimeDownRead({ ...documented, message: 'Unexpected return stats from virtual machine' }, aRunningVm())).toBe(false);
        expect(isRuntimeDownRead({ ...documented, code: 'EflowEndpointsUnavailable' }, aRunningVm())).toBe(false);
        expect(isRuntimeDownRead(documented, { ...aRunningVm(), powerState: 'Unknown' })).toBe(false);
        expect(isRuntimeDownRead(documented, aStoppedVm())).toBe(false);
        expect(isRuntimeDownRead(documented, null)).toBe(false);
    });
});
