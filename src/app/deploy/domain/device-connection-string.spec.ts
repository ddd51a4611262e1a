import { rendered } from '../testing/rendered-text';
import { deviceConnectionStringProblem } from './device-connection-string';
import { base64Key } from './testing/deploy-fixtures';

const key = base64Key(32);
const valid = `HostName=myhub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=${key}`;
const codeOf = (text: string): string | undefined => deviceConnectionStringProblem(text)?.code;

describe('deviceConnectionStringProblem', () => {
    it('accepts a device connection string in any field order, with a trailing semicolon or a gateway', () => {
        expect(deviceConnectionStringProblem(valid)).toBeNull();
        expect(deviceConnectionStringProblem(`SharedAccessKey=${key};DeviceId=edge-01;HostName=myhub.azure-devices.net;`)).toBeNull();
        expect(deviceConnectionStringProblem(`${valid};GatewayHostName=parent.local.lan`)).toBeNull();
    });

    it('tells service, module and X.509 strings apart from device strings', () => {
        expect(codeOf(`HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${key}`)).toBe('connectionStringIsServiceString');
        expect(codeOf(`${valid};ModuleId=filter`)).toBe('connectionStringIsModuleString');
        expect(codeOf('HostName=myhub.azure-devices.net;DeviceId=edge-01;x509=true')).toBe('connectionStringIsX509');
    });

    it('names the missing or broken field', () => {
        expect(rendered(deviceConnectionStringProblem('HostName=myhub.azure-devices.net;DeviceId=edge-01')?.text)).toContain('no SharedAccessKey=');
        expect(codeOf(`HostName=myhub;DeviceId=edge-01;SharedAccessKey=${key}`)).toBe('connectionStringBadHostName');
        expect(codeOf(`HostName=myhub.azure-devices.net;DeviceId=edge 01;SharedAccessKey=${key}`)).toBe('connectionStringWhitespace');
        expect(codeOf(`HostName=myhub.azure-devices.net;DeviceId=edge#01;SharedAccessKey=${key}`)).toBe('connectionStringBadDeviceId');
        expect(codeOf(`HostName=myhub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=${base64Key(15)}`)).toBe('connectionStringBadKey');
        expect(codeOf(`${valid};Foo=bar`)).toBe('connectionStringUnknownField');
        expect(codeOf(`${valid};GatewayHostName=-bad`)).toBe('connectionStringBadGatewayHostName');
        expect(codeOf('just some text')).toBe('connectionStringWhitespace');
        expect(codeOf('justsometext')).toBe('connectionStringMalformed');
        expect(codeOf('')).toBe('connectionStringRequired');
        // The script takes at most 1024 characters; stray separators make a well-formed string longer than that.
        expect(codeOf(`${valid}${';'.repeat(1024 - valid.length)}`)).toBeUndefined();
        expect(codeOf(`${valid}${';'.repeat(1025 - valid.length)}`)).toBe('connectionStringTooLong');
    });

    it('never quotes the key in any message', () => {
        const secret = 'c2VjcmV0c2VjcmV0c2VjcmV0';
        for (const text of [`HostName=h.net;DeviceId=d;SharedAccessKey=${secret}!`, `HostName=h.net;SharedAccessKeyName=o;SharedAccessKey=${secret}`,
            `${secret}`, `HostName=h.net;DeviceId=d;SharedAccessKey=${secret};Other=${secret}`]) {
            expect(rendered(deviceConnectionStringProblem(text)?.text) ?? '').not.toContain(secret);
        }
    });
});
