import { ContractViolation } from './contract-reader';
import {
    parseDeploymentInputChecks, parseDeploymentVerification, parseEnableHyperVResult, parseInstallProductResult,
    parseNewVirtualMachineResult, parseNewVirtualSwitchResult, parseVmConfigurationResult, parseVmProvisioningResult
} from './deploy-results.parse';
import {
    configurationOutput, enableHyperVOutput, inputChecksOutput, installOutput, newVmOutput, provisioningOutput, verificationOutput
} from './testing/deploy-change-outputs';

describe('deployment script result parsers', () => {
    it('read what the scripts return during a deployment', () => {
        expect(parseDeploymentInputChecks(inputChecksOutput())).toEqual({
            paths: [{ path: 'C:\\certs\\device-identity.cert.pem', exists: true }, { path: 'C:\\x\\y.pem', exists: false }],
            msi: { path: 'C:\\Installers\\AzureIoTEdge-CR-x64.msi', status: 'eflow', productName: 'Azure IoT Edge', productVersion: '1.3.1.02092',
                architecture: 'x64', channel: 'CR', error: null },
            addressInUse: false, gatewayReachable: null
        });
        expect(parseEnableHyperVResult(enableHyperVOutput())).toEqual({ status: 'enabled', rebootRequired: true, restarting: false });
        expect(parseInstallProductResult(installOutput())).toEqual(expect.objectContaining({ status: 'installed', version: '1.5.6.08025', msiExitCode: 0 }));
        expect(parseNewVirtualMachineResult(newVmOutput()).result).toBe('OK');
        expect(parseVmConfigurationResult(configurationOutput()).changed).toEqual(['DnsServers']);
        expect(parseVmProvisioningResult(provisioningOutput())).toEqual({ status: 'provisioned', provisioningType: 'ManualConnectionString', source: 'manual' });
        const verification = parseDeploymentVerification(verificationOutput());
        expect(verification.verdict).toBe('healthy');
        expect(verification.modules).toEqual([{ name: 'edgeAgent', status: 'running' }]);
    });

    it('read a switch result, with the NAT of an Internal switch', () => {
        expect(parseNewVirtualSwitchResult({ switchName: 'EFLOW-Int', switchType: 'Internal', created: true, natName: 'EFLOW-Int-NAT', warnings: [] }))
            .toEqual({ switchName: 'EFLOW-Int', switchType: 'Internal', created: true, natName: 'EFLOW-Int-NAT', warnings: [] });
    });

    it('name the field that breaks a contract', () => {
        const verification = { ...verificationOutput(), verdict: 'fine' };
        expect(() => parseDeploymentVerification(verification)).toThrow(new ContractViolation('verdict',
            'expected one of "healthy", "starting", "notProvisioned", "vmStopped", "notDeployed", "unhealthy", got "fine"'));
        expect(() => parseInstallProductResult({ ...installOutput(), msiExitCode: '0' })).toThrow('msiExitCode: expected a number, got string');
        expect(() => parseDeploymentInputChecks({ paths: [{ path: 'C:\\a\\b', exists: 'yes' }], msi: null, addressInUse: null, gatewayReachable: null }))
            .toThrow('paths[0].exists: expected a boolean, got string');
        expect(() => parseDeploymentInputChecks({ ...inputChecksOutput(), msi: { ...(inputChecksOutput()['msi'] as object), channel: 'Preview' } }))
            .toThrow('msi.channel: expected one of "LTS", "CR"');
    });
});
