import { allByTest, textOf } from '../../../testing/render-component';
import { validationError, validationWarning } from '../../domain/validation-message';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { FieldMessagesComponent } from './field-messages.component';

describe('FieldMessagesComponent', () => {
    const messages = [
        validationError('network.dnsServers.1', 'dnsInvalid', '"x" is not an IPv4 address.'),
        validationWarning('network.dnsServers', 'dnsMissingForStatic', 'Add at least one.'),
        validationError('network.staticIp.ip4Address', 'ip4AddressInvalid', 'Not an address.')
    ];

    it('shows the messages of the field and of its parts, in the rule\'s own words, marked by severity', () => {
        const fixture = renderDeployComponent(FieldMessagesComponent, { messages, field: 'network.dnsServers' });
        const shown = allByTest(fixture, 'field-message');
        expect(shown.map(item => [item.getAttribute('data-code'), item.getAttribute('data-severity'), textOf(item)])).toEqual([
            ['dnsInvalid', 'error', '"x" is not an IPv4 address.'],
            ['dnsMissingForStatic', 'warning', 'Add at least one.']
        ]);
        expect(shown[0].getAttribute('role')).toBe('alert');
    });

    it('shows nothing for a field without messages, even one whose name starts the same', () => {
        const fixture = renderDeployComponent(FieldMessagesComponent, { messages, field: 'network.dns' });
        expect(allByTest(fixture, 'field-message')).toEqual([]);
    });
});
