import { validWizardModel } from '../domain/testing/deploy-fixtures';
import { messageOf } from '../domain/message-text';
import { emptyProvisioningSecrets } from '../domain/provisioning-secrets';
import { validationError, validationWarning } from '../domain/validation-message';
import type { WizardModel } from '../domain/wizard-model';
import { revealedMessages } from './revealed-messages';

describe('revealedMessages', () => {
    const staticEmpty: WizardModel = {
        ...validWizardModel(),
        network: { ...validWizardModel().network, staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' } }
    };
    const values = { model: staticEmpty, secrets: emptyProvisioningSecrets() };
    const errors = [
        validationError('network.staticIp.ip4Address', 'staticIpMissingAddress'),
        validationError('network.staticIp.ip4PrefixLength', 'staticIpMissingPrefix'),
        validationError('network.staticIp.ip4GatewayAddress', 'staticIpMissingGateway')
    ];
    const codes = (messages: { code: string }[]): string[] => messages.map(message => message.code);

    it('holds back the errors of empty fields nobody has left yet: choosing Static raises no three alerts at once', () => {
        expect(revealedMessages(errors, values, new Set())).toEqual([]);
    });

    it('shows an empty field\'s error once the field was left, and only that field\'s', () => {
        expect(codes(revealedMessages(errors, values, new Set(['network.staticIp.ip4Address'])))).toEqual(['staticIpMissingAddress']);
    });

    it('shows at once the error of a field holding a value: typed, imported or remembered', () => {
        const filled = { ...values, model: { ...staticEmpty, network: { ...staticEmpty.network,
            staticIp: { ip4Address: '192.168.1.300', ip4PrefixLength: null, ip4GatewayAddress: '' } } } };
        expect(codes(revealedMessages([validationError('network.staticIp.ip4Address', 'ip4AddressInvalid', messageOf('addressInvalid', { address: '192.168.1.300' })), ...errors.slice(1)], filled, new Set())))
            .toEqual(['ip4AddressInvalid']);
    });

    it('counts a list item under its list, and a secret under secrets', () => {
        const dns = validationError('network.dnsServers.1', 'dnsInvalid');
        const secret = validationError('secrets.symmKey', 'symmKeyRequired');
        expect(revealedMessages([dns, secret], values, new Set(['network.dnsServers', 'secrets.symmKey']))).toEqual([dns, secret]);
        expect(revealedMessages([secret], values, new Set())).toEqual([]);
    });

    it('always shows warnings and messages about no single field (a failed prerequisite)', () => {
        const warning = validationWarning('network.dnsServers', 'dnsMissingForStatic');
        const blocker = validationError('prerequisites.deploymentRunning', 'deploymentRunning', messageOf('resumeDeploymentRunning'));
        expect(revealedMessages([warning, blocker], { ...values, model: { ...staticEmpty, network: { ...staticEmpty.network, dnsServers: [] } } },
            new Set())).toEqual([warning, blocker]);
    });
});
