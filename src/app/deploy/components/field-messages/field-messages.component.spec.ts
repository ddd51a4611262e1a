import { allByTest, textOf } from '../../../testing/render-component';
import { messageOf } from '../../domain/message-text';
import { validationError, validationWarning } from '../../domain/validation-message';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { FieldMessagesComponent } from './field-messages.component';

describe('FieldMessagesComponent', () => {
    const messages = [
        validationError('network.dnsServers.1', 'dnsInvalid', { server: 'x' }),
        validationWarning('network.dnsServers', 'dnsMissingForStatic'),
        validationError('network.staticIp.ip4Address', 'ip4AddressInvalid', messageOf('addressInvalid', { address: 'y' })),
        validationError('vmSize.memoryInMB', 'memoryAboveFree', { free: 16385, max: 16384 })
    ];

    it('shows the messages of the field and of its parts, in the rule\'s own words, marked by severity', () => {
        const fixture = renderDeployComponent(FieldMessagesComponent, { messages, field: 'network.dnsServers' });
        const shown = allByTest(fixture, 'field-message');
        expect(shown.map(item => [item.getAttribute('data-code'), item.getAttribute('data-severity'), textOf(item)])).toEqual([
            ['dnsInvalid', 'error', '"x" is not an IPv4 address; Set-EflowVmDNSServers takes IPv4 addresses only.'],
            ['dnsMissingForStatic', 'warning',
                'With a static address the VM gets no DNS server from DHCP; without one it cannot resolve your IoT Hub. Add at least one.']
        ]);
        expect(shown[0].getAttribute('role')).toBe('alert');
    });

    it('formats the values of a message for display: numbers with the locale\'s grouping', () => {
        const fixture = renderDeployComponent(FieldMessagesComponent, { messages, field: 'vmSize.memoryInMB' });
        expect(allByTest(fixture, 'field-message-text').map(textOf))
            .toEqual(['Only 16,385 MB of memory is free on the host; choose at most 16,384 MB.']);
    });

    it('shows nothing for a field without messages, even one whose name starts the same', () => {
        const fixture = renderDeployComponent(FieldMessagesComponent, { messages, field: 'network.dns' });
        expect(allByTest(fixture, 'field-message')).toEqual([]);
    });
});
