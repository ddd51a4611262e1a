import {
    hostInputChecksFor, noHostCheckAnswers, pendingHostCheckQuestion, withHostCheckReply
} from './host-input-checks';
import type { MsiPackageReading } from './msi-package-rules';
import { validWizardModel } from './testing/deploy-fixtures';
import type { WizardModel } from './wizard-model';

const LTS_MSI: MsiPackageReading = { path: 'C:\\Temp\\AzureIoTEdge.msi', status: 'eflow', productName: 'Azure IoT Edge LTS',
    productVersion: '1.5.6.08025', architecture: 'x64', channel: 'LTS', error: null };

function x509Model(): WizardModel {
    const model = validWizardModel();
    model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\AzureIoTEdge.msi' };
    model.provisioning = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: 'C:\\certs\\id.pem', identityPrivKeyPath: 'C:\\certs\\id.key', globalEndpoint: '' };
    return model;
}

describe('host input checks', () => {
    it('ask which product the MSI is, whether the identity files exist, and about the static address and gateway of an External switch', () => {
        expect(pendingHostCheckQuestion(x509Model(), noHostCheckAnswers())).toEqual({
            paths: ['C:\\certs\\id.pem', 'C:\\certs\\id.key'], msiPath: 'C:\\Temp\\AzureIoTEdge.msi',
            ip4Address: '192.168.10.50', ip4GatewayAddress: '192.168.10.1'
        });
    });

    it('ask nothing for a download, DHCP and no provisioning', () => {
        const model = validWizardModel();
        model.network.addressing = 'dhcp';
        model.provisioning = { type: 'skip' };
        expect(pendingHostCheckQuestion(model, noHostCheckAnswers())).toBeNull();
    });

    it('do not ask about half-typed values', () => {
        const model = x509Model();
        model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\Azure' };
        model.network.staticIp.ip4Address = '192.168.10.';
        model.provisioning = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: 'certs', identityPrivKeyPath: '', globalEndpoint: '' };
        expect(pendingHostCheckQuestion(model, noHostCheckAnswers())).toBeNull();
    });

    it('ask each value once and apply an answer only to the value it was about', () => {
        const model = x509Model();
        const question = pendingHostCheckQuestion(model, noHostCheckAnswers());
        if (question === null) {
            throw new Error('expected a question');
        }
        const answers = withHostCheckReply(noHostCheckAnswers(), question, {
            paths: [{ path: 'C:\\certs\\id.pem', exists: false }, { path: 'C:\\certs\\id.key', exists: true }], msi: LTS_MSI,
            addressInUse: true, gatewayReachable: true
        });
        expect(pendingHostCheckQuestion(model, answers)).toBeNull();
        expect(hostInputChecksFor(model, answers)).toEqual({
            msiPackage: LTS_MSI, identityCertExists: false, identityPrivKeyExists: true, addressInUse: true, gatewayReachable: true
        });
        model.network.staticIp.ip4Address = '192.168.10.51';
        expect(hostInputChecksFor(model, answers).addressInUse).toBeNull();
        expect(pendingHostCheckQuestion(model, answers)).toEqual({ paths: [], msiPath: null, ip4Address: '192.168.10.51', ip4GatewayAddress: null });
    });

    it('keep each MSI\'s reading by path: another path is asked about, the first one\'s answer stays for going back', () => {
        const model = validWizardModel();
        model.network.addressing = 'dhcp';
        model.provisioning = { type: 'skip' };
        model.product.source = { kind: 'hostPath', msiPath: LTS_MSI.path };
        const question = pendingHostCheckQuestion(model, noHostCheckAnswers());
        expect(question).toEqual({ paths: [], msiPath: LTS_MSI.path, ip4Address: null, ip4GatewayAddress: null });
        if (question === null) {
            throw new Error('expected a question');
        }
        const answers = withHostCheckReply(noHostCheckAnswers(), question, { paths: [], msi: LTS_MSI, addressInUse: null, gatewayReachable: null });
        model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\Other.msi' };
        expect(hostInputChecksFor(model, answers).msiPackage).toBeNull();
        expect(pendingHostCheckQuestion(model, answers)?.msiPath).toBe('C:\\Temp\\Other.msi');
        model.product.source = { kind: 'hostPath', msiPath: LTS_MSI.path };
        expect(hostInputChecksFor(model, answers).msiPackage).toBe(LTS_MSI);
        expect(pendingHostCheckQuestion(model, answers)).toBeNull();
    });
});
