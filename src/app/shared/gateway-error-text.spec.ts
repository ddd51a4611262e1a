import stringsFile from '../../assets/strings/strings.json';
import type { Strings } from '../../generated/strings';
import { GatewayError, GATEWAY_TEXT_KEYS } from '../core/gateway/gateway-error';
import { gatewayErrorText, type GatewayTexts } from './gateway-error-text';

const texts: GatewayTexts = (stringsFile as unknown as { Strings: Strings }).Strings.EflowManager.Gateway.Message;

describe('gatewayErrorText', () => {
    it('has a non-empty string in Gateway.Message (strings.resjson) for every message the app words itself', () => {
        expect(GATEWAY_TEXT_KEYS.filter(key => typeof texts[key] !== 'string' || texts[key].trim() === '')).toEqual([]);
    });

    it('words the app\'s own messages from the strings, numbers formatted for display', () => {
        const timeout = new GatewayError('timeout', 'English for the log',
            { text: { key: 'commandTimedOut', params: { command: 'Get-EflowHostOverview', seconds: 1800 } } });
        expect(gatewayErrorText(timeout, texts)).toBe('Get-EflowHostOverview did not finish within 1,800 s and was cancelled.');
        expect(gatewayErrorText(new GatewayError('gateway-unreachable', 'x', { text: { key: 'gatewayNoAnswer', params: {} } }), texts))
            .toBe('The gateway did not answer.');
    });

    it('shows a message from the gateway or the host as it is', () => {
        expect(gatewayErrorText(new GatewayError('script-error', 'Verify-EflowVm: the VM is off.'), texts)).toBe('Verify-EflowVm: the VM is off.');
    });
});
