import { MsftSmeMock } from '@microsoft/windows-admin-center-sdk/core/base/msft-sme.mock';
import { PowerShellScripts } from '../../../generated/powershell-scripts';
import { sdkCommandScript } from '../../../../test/scripts/sdk-command';
import { createScriptCommand, quoteInsideSingleQuotes } from './script-command';

describe('createScriptCommand', () => {
    beforeEach(() => {
        MsftSmeMock.mockSelf({ Init: { powerShellModuleName: 'EflowManager', powerShellPrefix: '' } } as never);
    });

    const resource = { command: 'Get-Thing', script: '##Get-Thing##:Get-Thing.ps1\nparam([string]$Name)\n$Name\n' };

    it('wraps the script like the SDK and passes each value as JSON through cvt', () => {
        const command = createScriptCommand(resource, { Name: 'edge', Count: 3, Tags: ['a', 'b'], Nothing: null });
        expect(command.script.endsWith(
            `SmeSubmit -Name (cvt '"edge"') -Count (cvt '3') -Tags (cvt '["a","b"]') -Nothing $null`)).toBe(true);
        expect(command.script).toContain('function cvt($o){return ConvertFrom-Json $o}');
        expect(command.command).toBe('Get-Thing');
        expect(command.parameters).toEqual({ Name: 'edge', Count: 3, Tags: ['a', 'b'], Nothing: null });
    });

    it('doubles every character PowerShell reads as a single quote, not only the ASCII one', () => {
        const command = createScriptCommand(resource, { Name: "a'b\u2018c\u2019d\u201Ae\u201Bf" });
        expect(command.script.endsWith(`-Name (cvt '"a''b\u2018\u2018c\u2019\u2019d\u201A\u201Ae\u201B\u201Bf"')`)).toBe(true);
    });

    it('binds booleans with a colon, so that they set [switch] parameters too', () => {
        const command = createScriptCommand(resource, { Restart: true, DpsTpm: false });
        expect(command.script.endsWith(`SmeSubmit -Restart:(cvt 'true') -DpsTpm:(cvt 'false')`)).toBe(true);
    });

    it('builds exactly the text the script tests run as "what the gateway receives" (test/scripts/sdk-command.ts)', () => {
        const provisioning = PowerShellScripts.Deploy.Set_EflowVmProvisioning;
        const parameters = { ProvisioningType: 'ManualConnectionString', DevConnString: "HostName=h.example.net;DeviceId=it's\u2019", DpsTpm: true, Nothing: null };
        expect(createScriptCommand(provisioning, parameters).script).toBe(sdkCommandScript(provisioning, parameters));
    });

    it('refuses a parameter name that is not an identifier', () => {
        expect(() => createScriptCommand(resource, { 'Name) ; Get-Date ; (': 'x' })).toThrow(/not a valid PowerShell parameter name/);
    });
});

describe('quoteInsideSingleQuotes', () => {
    it('leaves text without quotes alone and doubles each quote character', () => {
        expect(quoteInsideSingleQuotes('plain $(text) `; "double"')).toBe('plain $(text) `; "double"');
        expect(quoteInsideSingleQuotes("''")).toBe("''''");
        expect(quoteInsideSingleQuotes('\u2019')).toBe('\u2019\u2019');
    });
});
