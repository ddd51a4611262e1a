/**
 * New-Object -ComObject: the WindowsInstaller.Installer stand-in (ComStandIns/WindowsInstallerStandIn.cs) reached as
 * scripts reach the real object through IDispatch (Type.InvokeMember), one simulator call per OpenDatabase, and
 * Windows' error for a ProgID that names no registered class.
 */
import { PwshHost } from './client';
import type { CallMessage, CallOutcome } from './protocol';
import { HOST_START_TIMEOUT_MS, noStandInCalls } from './spec-support';

jest.setTimeout(60_000);

const PACKAGE: CallOutcome = { ok: true, value: {
    properties: { ProductName: 'Azure IoT Edge LTS', ProductVersion: '1.5.6.08025' },
    summaryInformation: { '7': 'Arm64;1033' }
} };

/** Reads a property and the Template the way Read-MsiPackage.ps1 does. */
const READ = [
    '$invoke = { param ($Target, $Member, $Kind, $Arguments) $Target.GetType().InvokeMember($Member, $Kind, $null, $Target, $Arguments) }',
    '$installer = New-Object -ComObject WindowsInstaller.Installer',
    '$database = & $invoke $installer \'OpenDatabase\' \'InvokeMethod\' @(\'C:\\x.msi\', 0)',
    'foreach ($name in \'ProductVersion\', \'Manufacturer\') {',
    '    $view = & $invoke $database \'OpenView\' \'InvokeMethod\' @("SELECT `Value` FROM `Property` WHERE `Property` = \'$name\'")',
    '    & $invoke $view \'Execute\' \'InvokeMethod\' $null | Out-Null',
    '    $record = & $invoke $view \'Fetch\' \'InvokeMethod\' $null',
    '    if ($null -eq $record) { "no $name" } else { & $invoke $record \'StringData\' \'GetProperty\' @(1) }',
    '    & $invoke $view \'Close\' \'InvokeMethod\' $null | Out-Null',
    '}',
    '$summary = & $invoke $database \'SummaryInformation\' \'GetProperty\' @(0)',
    '& $invoke $summary \'Property\' \'GetProperty\' @(7)',
    '$null -eq (& $invoke $summary \'Property\' \'GetProperty\' @(9))'
].join('\n');

describe('COM stand-ins', () => {
    let host: PwshHost;

    beforeAll(async () => {
        host = await PwshHost.start({ runspaces: 1 });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    it('answers WindowsInstaller.Installer\'s package reads from one simulator call', async () => {
        const calls: CallMessage[] = [];
        const result = await host.run({ host: 'host-a', script: READ }, { onCall: async call => { calls.push(call); return PACKAGE; } }).done;

        expect(result.errors).toEqual([]);
        expect(result.outputs).toEqual(['1.5.6.08025', 'no Manufacturer', 'Arm64;1033', true]);
        expect(calls).toEqual([expect.objectContaining({ host: 'host-a', module: 'WindowsInstaller', command: 'Get-MsiDatabase',
            parameters: { DatabasePath: 'C:\\x.msi', OpenMode: 0 } })]);
    });

    it('raises the simulator\'s refusal as the COM error a script catches, and refuses other queries as bad SQL', async () => {
        const refused = await host.run({ host: 'host-a', script: `try { ${READ} } catch { $_.Exception.Message }` }, {
            onCall: async () => ({ ok: false, error: { message: 'OpenDatabase,DatabasePath,OpenMode', errorId: 'COMException',
                category: 'OpenError', terminating: true } })
        }).done;
        expect(refused.outputs).toEqual(['Exception calling "InvokeMember" with "5" argument(s): "OpenDatabase,DatabasePath,OpenMode"']);

        const badSql = await host.run({ host: 'host-a', script: [
            '$installer = New-Object -ComObject WindowsInstaller.Installer',
            '$database = $installer.GetType().InvokeMember(\'OpenDatabase\', \'InvokeMethod\', $null, $installer, @(\'C:\\x.msi\', 0))',
            'try { $database.GetType().InvokeMember(\'OpenView\', \'InvokeMethod\', $null, $database, @(\'SELECT * FROM File\')) } catch { $_.Exception.Message }'
        ].join('\n') }, { onCall: async () => PACKAGE }).done;
        expect(badSql.outputs).toEqual(['Exception calling "InvokeMember" with "5" argument(s): "OpenView,Sql"']);
    });

    it('fails for a ProgID without a stand-in as for an unregistered class', async () => {
        const result = await host.run({ host: 'host-a', script: '$ErrorActionPreference = \'Stop\'\nNew-Object -ComObject Shell.Application' },
            noStandInCalls()).done;
        expect(result.state).toBe('Failed');
        expect(result.errors).toEqual([expect.objectContaining({
            message: expect.stringContaining('80040154 Class not registered'),
            fullyQualifiedErrorId: expect.stringMatching(/^NoCOMClassIdentified,/)
        })]);
    });
});
