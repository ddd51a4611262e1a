/**
 * The host's own implementations of Microsoft.PowerShell.Utility / .Management cmdlets (README.md lists them).
 */
import { PwshHost } from './client';
import type { RunResult } from './run-types';
import { HOST_START_TIMEOUT_MS, noStandInCalls } from './spec-support';

jest.setTimeout(60_000);

describe('compat cmdlets', () => {
    let host: PwshHost;

    beforeAll(async () => {
        host = await PwshHost.start({ runspaces: 2 });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    const ps = (...lines: string[]): Promise<RunResult> =>
        host.run({ host: 'host-a', script: lines.join('\n') }, noStandInCalls()).done;

    it('has no Invoke-Expression', async () => {
        const result = await ps('iex \'1\'', 'Invoke-Expression \'1\'');

        expect(result.outputs).toEqual([]);
        expect(result.errors.map((e) => e.fullyQualifiedErrorId)).toEqual(['CommandNotFoundException', 'CommandNotFoundException']);
    });

    it('rejects a parameter it does not implement like any unknown parameter', async () => {
        const result = await ps('Get-Date -UFormat \'%Y\'');

        expect(result.errors[0].message).toContain('A parameter cannot be found that matches parameter name \'UFormat\'');
    });

    it('Write-Output enumerates unless -NoEnumerate', async () => {
        const result = await ps('Write-Output 1 2', 'Write-Output @(3, 4)', '(Write-Output @(5, 6) -NoEnumerate).Count', 'echo 7');

        expect(result.outputs).toEqual([1, 2, 3, 4, 2, 7]);
    });

    it('Write-Error builds the record from its parameters', async () => {
        const result = await ps(
            'Write-Error -Message \'disk full\' -ErrorId DiskFull -Category ResourceUnavailable -TargetObject C: -RecommendedAction \'free space\'',
            'Write-Error -Exception ([System.IO.IOException]::new(\'io broke\'))',
            'try { throw \'original\' } catch { Write-Error -ErrorRecord $_ }',
            'try { Write-Error \'stop\' -ErrorAction Stop } catch { "caught $($_.Exception.Message)" }',
            'Write-Error \'hidden\' -ErrorAction SilentlyContinue');

        expect(result.errors.map((e) => [e.message, e.fullyQualifiedErrorId, e.category, e.exceptionType])).toEqual([
            ['disk full', 'DiskFull', 'ResourceUnavailable', 'Microsoft.PowerShell.Commands.WriteErrorException'],
            ['io broke', 'Microsoft.PowerShell.Commands.WriteErrorException', 'NotSpecified', 'System.IO.IOException'],
            ['original', 'original', 'OperationStopped', 'System.Management.Automation.RuntimeException']
        ]);
        expect(result.outputs).toEqual(['caught stop']);
    });

    it('Write-Error inside a function blames the function', async () => {
        const result = await ps('function Test-Thing { [CmdletBinding()] param() Write-Error \'bad thing\' }', 'Test-Thing');

        expect(result.errors[0].fullyQualifiedErrorId).toBe('Microsoft.PowerShell.Commands.WriteErrorException,Test-Thing');
    });

    it('Write-Warning, -Verbose, -Debug and -Information honour their preferences', async () => {
        const result = await ps(
            'Write-Warning \'w\'', 'Write-Verbose \'hidden\'', 'Write-Verbose \'shown\' -Verbose', 'Write-Debug \'hidden\'',
            '$DebugPreference = \'Continue\'', 'Write-Debug \'d\'', 'Write-Warning \'quiet\' -WarningAction SilentlyContinue',
            'Write-Information -MessageData @{ a = 1 } -Tags T1', 'Write-Information \'ignored\' -InformationAction Ignore');

        expect(result.streams).toEqual([
            { stream: 'warning', message: 'w' },
            { stream: 'verbose', message: 'shown' },
            { stream: 'debug', message: 'd' },
            { stream: 'information', message: 'System.Collections.Hashtable' }
        ]);
    });

    it('Write-Host joins its objects and goes to the information stream', async () => {
        const result = await ps('Write-Host \'a\' 1 $true -ForegroundColor Red', 'Write-Host @(1, 2, 3) -Separator \', \' -NoNewline',
            '$out = Write-Host \'not output\'', '$null -eq $out');

        expect(result.streams.map((s) => s.message)).toEqual(['a 1 True', '1, 2, 3', 'not output']);
        expect(result.outputs).toEqual([true]);
    });

    it('Write-Progress writes complete progress records', async () => {
        const result = await ps(
            'Write-Progress -Activity \'Deploy\' -Status \'Copying\' -Id 2 -ParentId 1 -PercentComplete 40 -SecondsRemaining 30 -CurrentOperation \'vhdx\'',
            'Write-Progress -Activity \'Deploy\' -Id 2 -Completed',
            'Write-Progress -Status \'no activity\'');

        expect(result.progress).toEqual([
            { activityId: 2, parentActivityId: 1, activity: 'Deploy', statusDescription: 'Copying', currentOperation: 'vhdx',
              percentComplete: 40, secondsRemaining: 30, recordType: 'Processing' },
            { activityId: 2, parentActivityId: -1, activity: 'Deploy', statusDescription: 'Processing', currentOperation: null,
              percentComplete: -1, secondsRemaining: -1, recordType: 'Completed' }
        ]);
        expect(result.errors[0].fullyQualifiedErrorId).toMatch(/^ActivityParameterRequired/);
    });

    describe('ConvertFrom-Json', () => {
        it('makes ordered PSCustomObjects, ints, longs and doubles, and enumerates arrays', async () => {
            const result = await ps(
                '$o = \'{"z":1,"a":{"deep":[1,2]},"big":9007199254740991,"r":1.5,"s":"2024-01-01T00:00:00Z","n":null,"t":true}\' | ConvertFrom-Json',
                '$o.PSObject.Properties.Name -join \',\'',
                '$o.z.GetType().Name; $o.big.GetType().Name; $o.r.GetType().Name; $o.s.GetType().Name',
                '$o -is [pscustomobject]; $o.a.deep.Count; $null -eq $o.n; $o.t',
                '(ConvertFrom-Json \'[1,2,3]\' | Measure-Object).Count',
                '(ConvertFrom-Json \'[1,2,3]\' -NoEnumerate | Measure-Object).Count',
                '(ConvertFrom-Json \'{"A":1,"b":2}\' -AsHashtable).GetType().Name',
                '$lines = \'{\', \'"x": 5\', \'}\'; ($lines | ConvertFrom-Json).x');

            expect(result.errors).toEqual([]);
            expect(result.outputs).toEqual([
                'z,a,big,r,s,n,t', 'Int32', 'Int64', 'Double', 'String', true, 2, true, true, 3, 1, 'OrderedHashtable', 5
            ]);
        });

        it('fails with PowerShell\'s messages on invalid JSON and duplicate keys', async () => {
            const result = await ps('ConvertFrom-Json \'{"a":\'', '\'after\'', 'ConvertFrom-Json \'{"a":1,"a":2}\'',
                'ConvertFrom-Json \'{"":1}\'');

            expect(result.outputs).toEqual(['after']);
            expect(result.errors.map((e) => e.message)).toEqual([
                expect.stringMatching(/^Conversion from JSON failed with error: /),
                'Cannot convert the JSON string because a dictionary that was converted from the string contains the duplicated key \'a\'.',
                expect.stringContaining('property whose name is an empty string')
            ]);
        });
    });

    describe('ConvertTo-Json', () => {
        it('renders objects with depth 2 by default, warning when it cuts', async () => {
            const result = await ps(
                '[pscustomobject]@{ b = 1; a = @{ c = @{ d = @{ e = 1 } } } } | ConvertTo-Json -Compress',
                '@{ x = \'it\'\'s "q" <tag> é\' } | ConvertTo-Json -Compress',
                '1, \'two\' | ConvertTo-Json -Compress',
                'ConvertTo-Json -InputObject @(1) -Compress',
                '[pscustomobject]@{ a = [DayOfWeek]::Monday; n = $null } | ConvertTo-Json',
                '@{ a = @{ b = @{ c = 1 } } } | ConvertTo-Json -Depth 5 -Compress');

            expect(result.outputs).toEqual([
                '{"b":1,"a":{"c":{"d":"System.Collections.Hashtable"}}}',
                '{"x":"it\'s \\"q\\" <tag> é"}',
                '[1,"two"]',
                '[1]',
                '{\n  "a": "Monday",\n  "n": null\n}',
                '{"a":{"b":{"c":1}}}'
            ]);
            expect(result.streams).toEqual([
                { stream: 'warning', message: 'Resulting JSON is truncated as serialization has exceeded the set depth of 2.' }
            ]);
        });
    });

    it('Select-Object projects, expands and picks by position', async () => {
        const result = await ps(
            '$items = 1..5 | ForEach-Object { [pscustomobject]@{ id = $_; name = "n$_"; tags = @("t$_", "u$_") } }',
            '$items | Select-Object -First 2 -Property id, @{ Name = \'double\'; Expression = { $_.id * 2 } }, @{ l = \'alias\'; e = \'name\' } | ConvertTo-Json -Compress',
            '$items | Select-Object -Last 2 -ExpandProperty id',
            '$items | Select-Object -Skip 3 -ExpandProperty name',
            '$items | Select-Object -Last 1 -Skip 1 -ExpandProperty id',
            '($items | Select-Object -First 1 -ExpandProperty tags) -join \'+\'',
            '$items[0] | Select-Object na* | ConvertTo-Json -Compress',
            '1, 1, 2, \'a\', \'A\' | Select-Object -Unique',
            '$items[0] | Select-Object -ExpandProperty missing');

        expect(result.outputs).toEqual([
            '[{"id":1,"double":2,"alias":"n1"},{"id":2,"double":4,"alias":"n2"}]',
            4, 5, 'n4', 'n5', 4, 't1+u1', '{"name":"n1"}', 1, 2, 'a', 'A'
        ]);
        expect(result.errors.map((e) => e.message)).toEqual(['Property "missing" cannot be found.']);
    });

    it('Sort-Object sorts stably by names, script blocks and directions', async () => {
        const result = await ps(
            '$rows = @([pscustomobject]@{ n = \'b\'; v = 2 }, [pscustomobject]@{ n = \'A\'; v = 2 }, [pscustomobject]@{ n = \'c\'; v = 1 })',
            '($rows | Sort-Object v, n | ForEach-Object n) -join \',\'',
            '($rows | Sort-Object -Property v -Descending | ForEach-Object n) -join \',\'',
            '($rows | Sort-Object { $_.n.ToLower() } -Descending | ForEach-Object n) -join \',\'',
            '($rows | Sort-Object @{ Expression = \'v\'; Descending = $true }, @{ Expression = \'n\'; Ascending = $true } | ForEach-Object n) -join \',\'',
            '(10, 9, 100, $null | sort) -join \',\'',
            '(\'b\', \'a\', \'B\' | Sort-Object -Unique) -join \',\'');

        expect(result.outputs).toEqual(['c,A,b', 'b,A,c', 'c,b,A', 'A,b,c', ',9,10,100', 'a,b']);
    });

    it('Measure-Object counts and computes statistics', async () => {
        const result = await ps(
            '1, 2, 3, 4 | Measure-Object -Sum -Average -Maximum -Minimum | ConvertTo-Json -Compress',
            '@([pscustomobject]@{ s = 10 }, [pscustomobject]@{ s = 30 }, [pscustomobject]@{ t = 1 }) | Measure-Object -Property s -Sum | ConvertTo-Json -Compress',
            '(\'a\', \'b\' | Measure-Object).Count',
            '1 | Measure-Object -Property nothere');

        expect(result.outputs).toEqual([
            '{"Count":4,"Average":2.5,"Sum":10,"Maximum":4,"Minimum":1,"Property":null}',
            '{"Count":2,"Average":null,"Sum":40,"Maximum":null,"Minimum":null,"Property":"s"}',
            2
        ]);
        expect(result.errors[0].message).toBe('The property "nothere" cannot be found in the input for any objects.');
    });

    it('Group-Object groups case-insensitively in order of appearance', async () => {
        const result = await ps(
            '$g = \'b\', \'a\', \'B\', \'c\' | Group-Object',
            '($g | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join \',\'',
            '$byLength = \'aa\', \'b\', \'cc\' | Group-Object { $_.Length }',
            '($byLength | ForEach-Object { "$($_.Name):$($_.Group -join \'+\')" }) -join \',\'',
            '([pscustomobject]@{ k = 1; v = \'x\' }, [pscustomobject]@{ k = 1; v = \'y\' } | Group-Object -Property k).Group.v -join \'\'');

        expect(result.outputs).toEqual(['b=2,a=1,c=1', '2:aa+cc,1:b', 'xy']);
    });

    it('Get-Date returns dates and formats them', async () => {
        const result = await ps(
            '(Get-Date) -is [datetime]',
            'Get-Date -Date \'2024-02-29T13:14:15\' -Format \'yyyy-MM-dd HH:mm:ss\'',
            '(Get-Date -Date \'2024-02-29\').DayOfWeek.ToString()');

        expect(result.outputs).toEqual([true, '2024-02-29 13:14:15', 'Thursday']);
    });

    it('Start-Sleep accepts seconds and milliseconds', async () => {
        const result = await ps('Start-Sleep -Milliseconds 5', 'Start-Sleep -Seconds 0.01', 'Start-Sleep 0', 'sleep -ms 1', '\'slept\'');

        expect(result.errors).toEqual([]);
        expect(result.outputs).toEqual(['slept']);
    });

    it('New-Object creates .NET objects and PSCustomObjects', async () => {
        const result = await ps(
            '$list = New-Object System.Collections.Generic.List[string]; $list.Add(\'x\'); $list.Count',
            '(New-Object -TypeName System.Text.StringBuilder -ArgumentList \'abc\').ToString()',
            '(New-Object Version 1, 2, 3).ToString()',
            'New-Object PSObject -Property ([ordered]@{ b = 1; a = 2 }) | ConvertTo-Json -Compress',
            '(New-Object System.Text.StringBuilder -Property @{ Capacity = 64 }).Capacity',
            'New-Object No.Such.Type');

        expect(result.outputs).toEqual([1, 'abc', '1.2.3', '{"b":1,"a":2}', 64]);
        expect(result.errors[0].message).toContain('Cannot find type [No.Such.Type]');
    });

    it('Add-Member adds note properties', async () => {
        const result = await ps(
            '$o = [pscustomobject]@{ a = 1 }',
            '$o | Add-Member -MemberType NoteProperty -Name b -Value 2',
            'Add-Member -InputObject $o -NotePropertyName c -NotePropertyValue 3',
            '$o | Add-Member NoteProperty d 4',
            '$o | Add-Member -NotePropertyName a -NotePropertyValue 9',
            '$o | Add-Member -NotePropertyName a -NotePropertyValue 10 -Force',
            '$o | ConvertTo-Json -Compress',
            '($o | Add-Member -NotePropertyName e -NotePropertyValue 5 -PassThru).e',
            'Add-Member -InputObject $o -MemberType ScriptMethod -Name m -Value { 1 }');

        expect(result.outputs).toEqual(['{"b":2,"c":3,"d":4,"a":10}', 5]);
        expect(result.errors.map((e) => e.fullyQualifiedErrorId.split(',')[0])).toEqual(['MemberAlreadyExists', 'UnsupportedMemberType']);
    });

    it('Out-String renders objects as text', async () => {
        const result = await ps('1, \'two\' | Out-String', '\'a\', \"b`nc\" | Out-String -Stream', '@() | Out-String');

        expect(result.outputs).toEqual(['1\ntwo\n', 'a', 'b', 'c', '']);
    });

    it('Join-Path and Split-Path work with Windows paths', async () => {
        const result = await ps(
            'Join-Path \'C:\\ProgramData\\\' \'\\Eflow\\config.json\'',
            'Join-Path -Path \'C:\\a\', \'D:\\b\' -ChildPath \'c/d\'',
            'Split-Path \'C:\\EFLOW\\vm\\disk.vhdx\'',
            'Split-Path \'C:\\EFLOW\\vm\\disk.vhdx\' -Leaf',
            'Split-Path \'C:\\EFLOW\' -Parent',
            'Split-Path \'C:\\\' -Parent',
            'Split-Path \'\\\\server\\share\\file.txt\'',
            'Split-Path \'relative\\child\\\' -Leaf');

        expect(result.outputs).toEqual([
            'C:\\ProgramData\\Eflow\\config.json', 'C:\\a\\c\\d', 'D:\\b\\c\\d', 'C:\\EFLOW\\vm', 'disk.vhdx', 'C:\\', '',
            '\\\\server\\share', 'child'
        ]);
    });

    it('New-Guid and Get-Random produce values in range', async () => {
        const result = await ps(
            '(New-Guid) -is [guid]',
            '$r = 1..50 | ForEach-Object { Get-Random -Minimum 3 -Maximum 6 }',
            '($r | Where-Object { $_ -lt 3 -or $_ -ge 6 }).Count',
            '(Get-Random -Maximum 10) -is [int]',
            '$d = Get-Random -Minimum 0.5 -Maximum 0.6; $d -is [double] -and $d -ge 0.5 -and $d -lt 0.6',
            'Get-Random -Minimum 5 -Maximum 5');

        expect(result.outputs).toEqual([true, 0, true, true]);
        expect(result.errors[0].message).toBe('The Minimum value (5) cannot be greater than or equal to the Maximum value (5).');
    });
});
