import {
    hostInputChecksFor, noHostCheckAnswers, pendingHostCheckQuestion, withHostCheckReply
} from './host-input-checks';
import { validWizardModel } from './testing/deploy-fixtures';
import type { WizardModel } from './wizard-model';

function x509Model(): WizardModel {
    const model = validWizardModel();
    model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\AzureIoTEdge.msi' };
    model.provisioning = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: 'C:\\certs\\id.pem', identityPrivKeyPath: 'C:\\certs\\id.key', globalEndpoint: '' };
    return model;
}

describe('host input checks', () => {
    it('ask about the MSI, the identity files and the static address and gateway of an External switch', () => {
        expect(pendingHostCheckQuestion(x509Model(), noHostCheckAnswers())).toEqual({
            paths: ['C:\\Temp\\AzureIoTEdge.msi', 'C:\\certs\\id.pem', 'C:\\certs\\id.key'],
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
            paths: [{ path: 'C:\\Temp\\AzureIoTEdge.msi', exists: true }, { path: 'C:\\certs\\id.pem', exists: false }, { path: 'C:\\certs\\id.key', exists: true }],
            addressInUse: true, gatewayReachable: true
        });
        expect(pendingHostCheckQuestion(model, answers)).toBeNull();
        expect(hostInputChecksFor(model, answers)).toEqual({
            msiExists: true, identityCertExists: false, identityPrivKeyExists: true, addressInUse: true, gatewayReachable: true
        });
        model.network.staticIp.ip4Address = '192.168.10.51';
        expect(hostInputChecksFor(model, answers).addressInUse).toBeNull();
        expect(pendingHostCheckQuestion(model, answers)).toEqual({ paths: [], ip4Address: '192.168.10.51', ip4GatewayAddress: null });
    });
});
