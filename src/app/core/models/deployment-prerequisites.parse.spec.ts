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
        expect(client.checks.find(c => c.id === 'openssh-client')).toEqual(expect.objectContaining({ status: 'warning', fix: expect.stringContaining('OpenSSH') }));
        expect(client.host).toEqual(expect.objectContaining({ isServerSku: false, logicalProcessors: 8, freeMemoryMB: 9011, eflow: null }));
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

    it('reads a Hyper-V state that could not be read as Unknown (Get-EflowDeploymentPrerequisites lists the error)', () => {
        const output = prerequisitesOutput() as { host: { hyperV: { featureState: string } } };
        output.host.hyperV.featureState = 'Unknown';
        expect(parseDeploymentPrerequisites(output).host.hyperV.featureState).toBe('Unknown');
    });

    it('refuses another schema version before reading anything else', () => {
        expect(violation(() => parseDeploymentPrerequisites({ schemaVersion: 2 }))).toBe('schemaVersion: unsupported version 2 (this extension reads version 1)');
    });
});
