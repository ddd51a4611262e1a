import { ContractViolation } from './contract-reader';
import { parseDeploymentState } from './deployment-state.parse';
import { bareStateOutput, deployedStateOutput } from './testing/deploy-read-outputs';

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

describe('parseDeploymentState', () => {
    it('reads a bare host and a deployed, unprovisioned one', () => {
        expect(parseDeploymentState(bareStateOutput())).toEqual(expect.objectContaining({ product: null, vmExists: null, switchNames: ['Default Switch'] }));
        const deployed = parseDeploymentState(deployedStateOutput());
        expect(deployed.product?.productName).toBe('Azure IoT Edge LTS');
        expect(deployed.provisioning).toEqual({ state: 'NotProvisioned', source: null });
        expect(deployed.configuration).toEqual({ dnsServers: null, dpsTpm: false, defender: false, optionalTelemetry: false });
    });

    it('refuses an unknown provisioning state and a missing field', () => {
        const output = bareStateOutput();
        output['provisioning'] = { state: 'Maybe', source: null };
        expect(violation(() => parseDeploymentState(output))).toBe('provisioning.state: expected one of "Provisioned", "NotProvisioned", "Unknown", got "Maybe"');
        const missing = bareStateOutput();
        delete missing['vmExists'];
        expect(violation(() => parseDeploymentState(missing))).toBe('vmExists: expected a value or null, got nothing (the field is missing)');
    });
});
