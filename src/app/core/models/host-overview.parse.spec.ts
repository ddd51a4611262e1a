import { aHealthyOverview, aHostWithoutEflow, aHostWithUnverifiableVm, anInstallation, aStoppedVm } from '../../testing/host-overview.fixtures';
import { ContractViolation, parseHostOverview } from './host-overview.parse';

/** A deep copy as plain JSON, the way the gateway delivers it, that a test may then break. */
function wire(value: unknown): Record<string, unknown> {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Sets a value at a dotted path (`eflow.vm.powerState`) in a wire object. */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
    const keys = path.split('.');
    let node: Record<string, unknown> = target;
    for (const key of keys.slice(0, -1)) {
        node = node[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) {
        delete node[last];
    } else {
        node[last] = value;
    }
}

function violationOf(value: unknown): string {
    try {
        parseHostOverview(value);
    } catch (error: unknown) {
        if (error instanceof ContractViolation) {
            return error.message;
        }
        throw error;
    }
    throw new Error('expected a ContractViolation, but the value parsed');
}

describe('parseHostOverview', () => {
    describe('valid data', () => {
        it('returns a provisioned host unchanged', () => {
            const payload = aHealthyOverview();
            expect(parseHostOverview(wire(payload))).toEqual(payload);
        });

        it('accepts a host without EFLOW', () => {
            expect(parseHostOverview(wire(aHostWithoutEflow())).eflow).toBeNull();
        });

        it('accepts an MSI-only install (no VM) and a missing install date', () => {
            const payload = { ...aHealthyOverview(), eflow: { ...anInstallation(null), installDate: null } };
            const parsed = parseHostOverview(wire(payload));
            expect(parsed.eflow?.vm).toBeNull();
            expect(parsed.eflow?.installDate).toBeNull();
        });

        it('keeps vmExists: true with a VM, false without one, null (unknown) without one', () => {
            expect(parseHostOverview(wire(aHealthyOverview())).eflow?.vmExists).toBe(true);
            expect(parseHostOverview(wire({ ...aHealthyOverview(), eflow: anInstallation(null) })).eflow?.vmExists).toBe(false);
            const unknown = parseHostOverview(wire(aHostWithUnverifiableVm()));
            expect(unknown.eflow?.vmExists).toBeNull();
            expect(unknown.eflow?.vm).toBeNull();
        });

        it('accepts a stopped VM whose runtime sections are null', () => {
            const payload = { ...aHealthyOverview(), eflow: anInstallation(aStoppedVm()) };
            const vm = parseHostOverview(wire(payload)).eflow?.vm;
            expect(vm?.runtime).toBeNull();
            expect(vm?.stats).toBeNull();
            expect(vm?.iotedgeList).toBeNull();
        });

        it('keeps section errors', () => {
            const payload = { ...aHealthyOverview(), errors: [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'boom' }] };
            expect(parseHostOverview(wire(payload)).errors).toEqual([{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'boom' }]);
        });

        it('drops fields the contract does not know, so newer scripts still parse', () => {
            const value = wire(aHealthyOverview());
            setAt(value, 'host.futureField', 'x');
            expect(parseHostOverview(value).host).not.toHaveProperty('futureField');
        });

        it('accepts a date and time with an offset instead of Z', () => {
            const value = wire(aHealthyOverview());
            setAt(value, 'collectedAt', '2026-11-22T11:00:00.123+01:00');
            expect(parseHostOverview(value).collectedAt).toBe('2026-11-22T11:00:00.123+01:00');
        });
    });

    describe('schema version', () => {
        it('refuses an unknown schemaVersion before reading anything else', () => {
            expect(violationOf({ schemaVersion: 1 })).toBe('schemaVersion: unsupported version 1 (this extension reads version 2)');
        });

        it('refuses a missing schemaVersion (the stub script output without it)', () => {
            expect(violationOf({})).toBe('schemaVersion: expected a number, got nothing (the field is missing)');
        });

        it('refuses a schemaVersion sent as a string', () => {
            expect(violationOf({ schemaVersion: '1' })).toBe('schemaVersion: expected a number, got string');
        });
    });

    describe('wrong types', () => {
        it.each([
            ['eflow.vm.powerState', 3, 'eflow.vm.powerState: expected a string, got number'],
            ['host.buildNumber', '22631', 'host.buildNumber: expected a number, got string'],
            ['host.isVirtualMachine', 'false', 'host.isVirtualMachine: expected a boolean, got string'],
            ['host.hyperV', [], 'host.hyperV: expected an object, got array'],
            ['host.systemDrive.freeGB', null, 'host.systemDrive.freeGB: expected a number, got null'],
            ['eflow.vm.endpoints', {}, 'eflow.vm.endpoints: expected an array, got object'],
            ['eflow.vm.stats.totalMemMb', 'NaN', 'eflow.vm.stats.totalMemMb: expected a number, got string'],
            ['eflow.services', 'Running', 'eflow.services: expected an object, got string'],
            ['eflow', 'Azure IoT Edge LTS', 'eflow: expected an object, got string'],
            ['errors', null, 'errors: expected an array, got null']
        ])('%s = %j is refused', (path: string, value: unknown, message: string) => {
            const payload = wire(aHealthyOverview());
            setAt(payload, path, value);
            expect(violationOf(payload)).toBe(message);
        });

        it('names the array index of a bad item', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.vm.iotedgeList', ['NAME STATUS', 42]);
            expect(violationOf(payload)).toBe('eflow.vm.iotedgeList[1]: expected a string, got number');
        });

        it('names the field inside an array item', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'errors', [{ source: 'Get-EflowVm', code: 7, message: 'x' }]);
            expect(violationOf(payload)).toBe('errors[0].code: expected a string, got number');
        });

        it('refuses a root that is not an object', () => {
            expect(violationOf([aHealthyOverview()])).toBe('expected an object, got array');
        });
    });

    describe('VM presence', () => {
        it.each([
            [false, 'eflow.vm: expected null when vmExists is false'],
            [null, 'eflow.vm: expected null when vmExists is null']
        ])('refuses a VM when vmExists is %s', (vmExists: boolean | null, message: string) => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.vmExists', vmExists);
            expect(violationOf(payload)).toBe(message);
        });

        it('refuses vmExists true without a VM', () => {
            const payload = wire({ ...aHealthyOverview(), eflow: anInstallation(null) });
            setAt(payload, 'eflow.vmExists', true);
            expect(violationOf(payload)).toBe('eflow.vm: expected an object when vmExists is true');
        });

        it('refuses a missing vmExists (an unknown VM must be sent as null) and one sent as a string', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.vmExists', undefined);
            expect(violationOf(payload)).toBe('eflow.vmExists: expected a value or null, got nothing (the field is missing)');
            setAt(payload, 'eflow.vmExists', 'True');
            expect(violationOf(payload)).toBe('eflow.vmExists: expected a boolean, got string');
        });
    });

    describe('deployment traces', () => {
        it('keeps deploymentInProgress and vhdxPresent: true, false or null (unknown)', () => {
            const payload = wire({ ...aHealthyOverview(), deploymentInProgress: null, eflow: { ...anInstallation(null), vhdxPresent: true } });
            const parsed = parseHostOverview(payload);
            expect(parsed.deploymentInProgress).toBeNull();
            expect(parsed.eflow?.vhdxPresent).toBe(true);
            expect(parseHostOverview(wire(aHealthyOverview())).deploymentInProgress).toBe(false);
        });

        it('refuses them missing or sent as strings', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'deploymentInProgress', undefined);
            expect(violationOf(payload)).toBe('deploymentInProgress: expected a value or null, got nothing (the field is missing)');
            const other = wire(aHealthyOverview());
            setAt(other, 'eflow.vhdxPresent', 'True');
            expect(violationOf(other)).toBe('eflow.vhdxPresent: expected a boolean, got string');
        });
    });

    describe('missing fields', () => {
        it('refuses a missing required field', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'host.architecture', undefined);
            expect(violationOf(payload)).toBe('host.architecture: expected a string, got nothing (the field is missing)');
        });

        it('refuses a missing nullable field: null must be sent explicitly', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.vm.runtime', undefined);
            expect(violationOf(payload)).toBe('eflow.vm.runtime: expected a value or null, got nothing (the field is missing)');
        });
    });

    describe('dates', () => {
        it('refuses a collectedAt that is not ISO 8601', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'collectedAt', '11/22/2026 10:00:00');
            expect(violationOf(payload)).toBe('collectedAt: expected an ISO 8601 date and time, got "11/22/2026 10:00:00"');
        });

        it('refuses a collectedAt without a time zone (it would be read in the browser\'s zone)', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'collectedAt', '2026-11-22T10:00:00');
            expect(violationOf(payload)).toContain('collectedAt: expected an ISO 8601 date and time');
        });

        it('refuses an ARP install date in registry form (yyyyMMdd)', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.installDate', '20260601');
            expect(violationOf(payload)).toBe('eflow.installDate: expected a date (yyyy-MM-dd), got "20260601"');
        });

        it('refuses an impossible calendar date', () => {
            const payload = wire(aHealthyOverview());
            setAt(payload, 'eflow.installDate', '2026-13-45');
            expect(violationOf(payload)).toBe('eflow.installDate: expected a date (yyyy-MM-dd), got "2026-13-45"');
        });
    });

    it('refuses non-finite numbers', () => {
        const payload = wire(aHealthyOverview());
        // JSON cannot carry Infinity; a script bug could still hand one over through a non-JSON path.
        (payload['host'] as Record<string, unknown>)['freeMemoryMB'] = Number.POSITIVE_INFINITY;
        expect(violationOf(payload)).toBe('host.freeMemoryMB: expected a number, got Infinity');
    });
});
