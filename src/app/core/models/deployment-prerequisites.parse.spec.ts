import { ContractViolation } from './contract-reader';
import { parseDeploymentPrerequisites } from './deployment-prerequisites.parse';
import { prerequisitesOutput, serverPrerequisitesOutput } from './testing/deploy-read-outputs';

function violation(read: () => unknown): string {
    try {
        read();
    } catch (error: unknown) {
        if (error instanceof ContractViolation) {
            return error.message;
        }
        throw error;
    }
    throw new Error('no violation');
}

describe('parseDeploymentPrerequisites', () => {
    it('reads what the script returns for a client and a server host', () => {
        const client = parseDeploymentPrerequisites(prerequisitesOutput());
        expect(client.checks.map(c => c.id)).toContain('hyperv-feature');
        expect(client.checks.find(c => c.id === 'openssh-client')).toEqual({ id: 'openssh-client', status: 'warning', reason: 'openSshMissing', params: {} });
        expect(client.checks.find(c => c.id === 'os-edition')?.params).toEqual({ caption: 'Microsoft Windows 11 IoT Enterprise', build: 22631 });
        expect(client.host).toEqual(expect.objectContaining({ isServerSku: false, logicalProcessors: 8, freeMemoryMB: 9011, isAzureVm: false, eflow: null }));
        expect(client.host.switches).toEqual([{ name: 'Default Switch', switchType: 'Internal', netAdapterInterfaceDescription: null }]);
        const server = parseDeploymentPrerequisites(serverPrerequisitesOutput());
        expect(server.host.gpus).toEqual([{ name: 'NVIDIA Tesla T4', count: 1, supportedPassthroughTypes: ['DirectDeviceAssignment'] }]);
        expect(server.host.eflow).toEqual({ productName: 'Azure IoT Edge LTS', version: '1.5.6.08025', vmDeployed: true });
    });

    it('names the field that breaks the contract', () => {
        const output = prerequisitesOutput() as { checks: { status: string }[] };
        output.checks[2].status = 'ok';
        expect(violation(() => parseDeploymentPrerequisites(output))).toBe('checks[2].status: expected one of "pass", "warning", "fail", got "ok"');
        const noHost = { ...prerequisitesOutput(), host: { ...(prerequisitesOutput()['host'] as object), switches: 'Default Switch' } };
        expect(violation(() => parseDeploymentPrerequisites(noHost))).toBe('host.switches: expected an array, got string');
    });

    it('refuses a reason it cannot word: unknown, another check\'s, or with another status', () => {
        const output = prerequisitesOutput() as { checks: { id: string; status: string; reason: string }[] };
        output.checks[0].reason = 'serverTooShiny';
        expect(violation(() => parseDeploymentPrerequisites(output))).toBe('checks[0].reason: expected a reason of check "os-edition" ' +
            '(serverSupported, serverBuildTooOld, serverNotListed, homeEdition, clientBuildTooOld, clientSupported, clientEditionNotListed), got "serverTooShiny"');
        output.checks[0].reason = 'memoryEnough';
        expect(violation(() => parseDeploymentPrerequisites(output))).toContain('checks[0].reason: expected a reason of check "os-edition"');
        output.checks[0].reason = 'serverBuildTooOld';
        expect(violation(() => parseDeploymentPrerequisites(output))).toBe('checks[0].status: reason "serverBuildTooOld" is reported as "fail", got "pass"');
        delete (output.checks[0] as { reason?: string }).reason;
        expect(violation(() => parseDeploymentPrerequisites(output))).toBe('checks[0].reason: expected a string, got nothing (the field is missing)');
    });

    it('refuses missing or ill-typed params, and keeps only those the reason names', () => {
        const withParams = (index: number, params: unknown): unknown => {
            const output = prerequisitesOutput() as { checks: { params: unknown }[] };
            output.checks[index].params = params;
            return output;
        };
        // checks[0]: os-edition clientSupported (caption, build); checks[7]: memory memoryEnough (freeMB).
        expect(violation(() => parseDeploymentPrerequisites(withParams(0, { caption: 'Windows 11 Pro' }))))
            .toBe('checks[0].params.build: expected a number, got nothing (the field is missing)');
        expect(violation(() => parseDeploymentPrerequisites(withParams(0, { caption: 'Windows 11 Pro', build: '22631' }))))
            .toBe('checks[0].params.build: expected a number, got string');
        expect(violation(() => parseDeploymentPrerequisites(withParams(7, { freeMB: null }))))
            .toBe('checks[7].params.freeMB: expected a number, got null');
        expect(violation(() => parseDeploymentPrerequisites(withParams(7, null)))).toBe('checks[7].params: expected an object, got null');
        expect(violation(() => parseDeploymentPrerequisites(withParams(7, [9011])))).toBe('checks[7].params: expected an object, got array');
        expect(parseDeploymentPrerequisites(withParams(7, { freeMB: 9011, extra: true })).checks[7].params).toEqual({ freeMB: 9011 });
        const stopped = prerequisitesOutput() as { checks: unknown[] };
        stopped.checks[3] = { id: 'hyperv-services', status: 'fail', reason: 'hyperVServicesStopped', params: { services: 'vmms' } };
        expect(violation(() => parseDeploymentPrerequisites(stopped))).toBe('checks[3].params.services: expected an array, got string');
        stopped.checks[3] = { id: 'hyperv-services', status: 'fail', reason: 'hyperVServicesStopped', params: { services: ['vmms', 2] } };
        expect(violation(() => parseDeploymentPrerequisites(stopped))).toBe('checks[3].params.services[1]: expected a string, got number');
    });

    it('reads whether the host is an Azure VM, null when that could not be read, and nothing else', () => {
        const output = (isAzureVm: unknown): unknown => ({ ...prerequisitesOutput(), host: { ...(prerequisitesOutput()['host'] as object), isAzureVm } });
        expect(parseDeploymentPrerequisites(output(true)).host.isAzureVm).toBe(true);
        expect(parseDeploymentPrerequisites(output(null)).host.isAzureVm).toBeNull();
        expect(violation(() => parseDeploymentPrerequisites(output('yes')))).toBe('host.isAzureVm: expected a boolean, got string');
        expect(violation(() => parseDeploymentPrerequisites(output(undefined)))).toBe('host.isAzureVm: expected a value or null, got nothing (the field is missing)');
    });

    it('reads a Hyper-V state that could not be read as Unknown (Get-EflowDeploymentPrerequisites lists the error)', () => {
        const output = prerequisitesOutput() as { host: { hyperV: { featureState: string } } };
        output.host.hyperV.featureState = 'Unknown';
        expect(parseDeploymentPrerequisites(output).host.hyperV.featureState).toBe('Unknown');
    });

    it('refuses another schema version before reading anything else', () => {
        expect(violation(() => parseDeploymentPrerequisites({ schemaVersion: 1 }))).toBe('schemaVersion: unsupported version 1 (this extension reads version 2)');
    });
});
