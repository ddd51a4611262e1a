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
        expect(parseDeploymentState(bareStateOutput())).toEqual(expect.objectContaining({ product: null, vmExists: null,
            switches: [{ name: 'Default Switch', switchType: 'Internal', hostAddresses: ['172.17.96.1/20'], natPrefix: null }] }));
        const deployed = parseDeploymentState(deployedStateOutput());
        expect(deployed.product?.productName).toBe('Azure IoT Edge LTS');
        expect(deployed.provisioning).toEqual({ state: 'NotProvisioned', source: null });
        expect(deployed.configuration).toEqual({ dnsServers: null, dpsTpm: false, defender: false, optionalTelemetry: false });
    });

    it('reads each switch\'s type, and an Internal switch\'s host addresses and NAT (null when not read)', () => {
        const output = bareStateOutput();
        output['switches'] = [
            { name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: ['172.22.0.1/24'], natPrefix: '172.22.0.0/24' },
            { name: 'LAN', switchType: 'External', hostAddresses: null, natPrefix: null }
        ];
        expect(parseDeploymentState(output).switches).toEqual(output['switches']);
        output['switches'] = [{ name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: '172.22.0.1/24', natPrefix: null }];
        expect(violation(() => parseDeploymentState(output))).toMatch(/^switches\.0\.hostAddresses|^switches\[0\]\.hostAddresses/);
        const old = bareStateOutput();
        old['schemaVersion'] = 1;
        expect(violation(() => parseDeploymentState(old))).toBe('schemaVersion: unsupported version 1 (this extension reads version 2)');
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
