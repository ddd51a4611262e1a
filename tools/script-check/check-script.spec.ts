import type { ModuleSpec } from '../eflow-spec/spec';
import { checkScript, type CheckContext } from './check-script';
import type { AstCommand, AstCommandParameter, AstParameter, ScriptAnalysisJson } from './script-analysis';

/** A command parameter as the tests write it: `nextElement` only where it matters. */
type TestParameter = Omit<AstCommandParameter, 'nextElement'> & { nextElement?: AstCommandParameter['nextElement'] };
type TestCommand = Omit<Partial<AstCommand>, 'parameters'> & { parameters?: TestParameter[] };

const modules: ModuleSpec[] = [{
    module: 'AzureEFLOW',
    description: 'test subset',
    cmdlets: [
        {
            name: 'Set-EflowVmFeature', synopsis: '', sources: [], output: '',
            parameters: [
                { name: 'feature', type: 'string', values: ['DpsTpm', 'Defender'], mandatory: true, position: 0, description: '' },
                { name: 'enable', type: 'switch', description: '' }
            ]
        },
        {
            name: 'Get-EflowVm', synopsis: '', sources: [], output: '', parameters: []
        },
        {
            name: 'Deploy-Eflow', synopsis: '', sources: [], output: '',
            parameters: [
                { name: 'vmDiskSize', type: 'int', min: 21, max: 2000, description: '' },
                { name: 'vmDataSize', type: 'int', min: 2, max: 2000, description: '' },
                { name: 'ip4Address', type: 'string', description: '' },
                { name: 'ip4PrefixLength', type: 'int', description: '' },
                { name: 'ip4GatewayAddress', type: 'string', description: '' }
            ],
            mutuallyExclusive: [['vmDiskSize', 'vmDataSize']],
            together: [['ip4Address', 'ip4PrefixLength', 'ip4GatewayAddress']]
        },
        {
            name: 'Invoke-EflowVmCommand', synopsis: '', sources: [], output: '',
            parameters: [
                { name: 'command', type: 'string', position: 0, description: '' },
                { name: 'ignoreError', type: 'switch', description: '' }
            ]
        },
        {
            name: 'Get-EflowLogs', synopsis: '', sources: [], output: '', parameters: []
        }
    ]
}];

const context: CheckContext = { modules, builtInCommands: new Set(['foreach-object', 'write-error', 'import-module']) };

function command(name: string | null, extra: TestCommand = {}): AstCommand {
    const parameters = (extra.parameters ?? []).map(p => ({ ...p, nextElement: p.nextElement ?? null }));
    return { name, line: 7, column: 1, invocationOperator: null, positional: [], splats: [], ...extra, parameters };
}

function param(name: string, extra: Partial<AstParameter> = {}): AstParameter {
    return {
        name, type: 'string', mandatory: false, validateSet: null, validatePattern: null, validateRange: null,
        validateLength: null, validateNotNullOrEmpty: false, ...extra
    };
}

function script(commands: AstCommand[], extra: Partial<ScriptAnalysisJson> = {}): ScriptAnalysisJson {
    return {
        file: 'src/resources/scripts/x/Set-Something.ps1',
        parseErrors: [],
        help: { synopsis: 'Does it.', description: 'Does it well.', role: 'Administrators' },
        parameters: [],
        commands,
        functions: [],
        ...extra
    };
}

const rules = (s: ScriptAnalysisJson): string[] => checkScript(s, context).map(f => f.rule);

describe('checkScript', () => {
    it('passes a clean script that uses documented names and accepted values', () => {
        const clean = script([
            command('Set-EflowVmFeature', { parameters: [{ name: 'feature', argument: { kind: 'constant', value: 'DpsTpm' } }, { name: 'enable', argument: null }] }),
            command('ForEach-Object')
        ]);
        expect(checkScript(clean, context)).toEqual([]);
    });

    it('requires .SYNOPSIS, .DESCRIPTION and a known .ROLE', () => {
        expect(rules(script([], { help: null }))).toEqual(['help', 'help', 'help']);
        const badRole = checkScript(script([], { help: { synopsis: 's', description: 'd', role: 'Operators' } }), context);
        expect(badRole.map(f => f.message)).toEqual(['.ROLE is "Operators"; expected one of Readers, Administrators, Hyper-V-Administrators.']);
    });

    it('reports parse errors with their line', () => {
        const findings = checkScript(script([], { parseErrors: [{ message: 'Missing closing }', line: 12, column: 3 }] }), context);
        expect(findings).toEqual([{ file: expect.any(String), line: 12, rule: 'parse', message: 'Missing closing }' }]);
    });

    it('rejects a script named like a cmdlet it would shadow', () => {
        expect(rules(script([], { file: 'scripts/Get-EflowVm.ps1' }))).toEqual(['name']);
    });

    it('rejects unknown parameters and values outside the accepted set', () => {
        const findings = checkScript(script([
            command('Set-EflowVmFeature', { parameters: [{ name: 'feature', argument: { kind: 'constant', value: 'Tpm' } }, { name: 'turnOn', argument: null }] })
        ]), context);
        expect(findings.map(f => f.message)).toEqual([
            'Set-EflowVmFeature has no documented parameter -turnOn.',
            'Set-EflowVmFeature -feature accepts DpsTpm, Defender; got "Tpm".'
        ]);
    });

    it('accepts common parameters and compares accepted values case-insensitively', () => {
        expect(rules(script([command('Set-EflowVmFeature', {
            parameters: [{ name: 'feature', argument: { kind: 'constant', value: 'defender' } }, { name: 'ErrorAction', argument: { kind: 'constant', value: 'Stop' } }]
        })]))).toEqual([]);
    });

    it('asks for the documented case of a parameter name', () => {
        expect(rules(script([command('Set-EflowVmFeature', { parameters: [{ name: 'Feature', argument: { kind: 'constant', value: 'DpsTpm' } }] })])))
            .toEqual(['parameter-case']);
    });

    it('binds positional arguments by the documented position and flags a missing mandatory parameter', () => {
        expect(rules(script([command('Set-EflowVmFeature', { positional: [{ kind: 'constant', value: 'Nope' }] })]))).toEqual(['accepted-values']);
        expect(rules(script([command('Set-EflowVmFeature')]))).toEqual(['missing-parameter']);
        expect(rules(script([command('Get-EflowVm', { positional: [{ kind: 'constant', value: 'x' }] })]))).toEqual(['positional']);
    });

    it('checks that a script parameter passed through keeps within the accepted values', () => {
        const through = (set: string[]) => script(
            [command('Set-EflowVmFeature', { parameters: [{ name: 'feature', argument: { kind: 'variable', name: 'Feature' } }] })],
            { parameters: [param('Feature', { validateSet: set })] });
        expect(rules(through(['DpsTpm']))).toEqual([]);
        expect(checkScript(through(['DpsTpm', 'Usb']), context).map(f => f.message))
            .toEqual(['$Feature allows Usb, which Set-EflowVmFeature -feature does not accept.']);
    });

    it('resolves splatted keys and checks ranges, exclusive and together groups', () => {
        const findings = checkScript(script([command('Deploy-Eflow', {
            splats: [{
                variable: 'deploy', keys: [
                    { name: 'vmDiskSize', argument: { kind: 'constant', value: 20 } },
                    { name: 'vmDataSize', argument: { kind: 'constant', value: 10 } },
                    { name: 'ip4Address', argument: { kind: 'variable', name: 'Ip' } },
                    { name: 'cpus', argument: { kind: 'constant', value: 2 } }
                ]
            }]
        })]), context);
        expect(findings.map(f => f.rule).sort()).toEqual(['exclusive', 'range', 'together', 'unknown-parameter']);
    });

    it('flags a splat it cannot follow', () => {
        expect(rules(script([command('Deploy-Eflow', { splats: [{ variable: 'p', keys: null }] })]))).toEqual(['unresolved-splat']);
    });

    it('forbids commands that run text as code, computed command names and commands that do not exist here', () => {
        expect(rules(script([command('Invoke-Expression'), command(null), command('Get-Process')])))
            .toEqual(['forbidden', 'dynamic-command', 'unknown-command']);
    });

    it('treats the element after a switch as positional, as PowerShell binds it', () => {
        const after = (value: string) => rules(script([command('Set-EflowVmFeature', {
            parameters: [{ name: 'enable', argument: { kind: 'constant', value }, nextElement: { kind: 'constant', value } }]
        })]));
        expect(after('Defender')).toEqual([]);
        expect(after('Usb')).toEqual(['accepted-values']);
    });

    it('lets a script call its own functions', () => {
        expect(rules(script([command('Get-Thing')], { functions: ['Get-Thing'] }))).toEqual([]);
    });

    it('keeps Readers scripts to reading', () => {
        const reader = (name: string) => script([command(name, {
            parameters: name === 'Set-EflowVmFeature' ? [{ name: 'feature', argument: { kind: 'constant', value: 'DpsTpm' } }] : []
        })], { help: { synopsis: 's', description: 'd', role: 'Readers' } });
        expect(rules(reader('Set-EflowVmFeature'))).toEqual(['readers-change']);
        expect(rules(reader('Get-EflowVm'))).toEqual([]);
    });

    describe('keeps Readers scripts to reading in the VM', () => {
        const readerCalling = (commands: AstCommand[], parameters: AstParameter[] = []) =>
            script(commands, { help: { synopsis: 's', description: 'd', role: 'Readers' }, parameters });
        const vmCommand = (argument: AstCommandParameter['argument']) =>
            command('Invoke-EflowVmCommand', { parameters: [{ name: 'ignoreError', argument: null }, { name: 'command', argument }] });
        /** The rules a Readers script with this VM command line breaks, each once. */
        const readerVm = (argument: AstCommandParameter['argument']) => [...new Set(rules(readerCalling([vmCommand(argument)])))];

        it('refuses VM commands that change the VM, named or positional', () => {
            expect(readerVm({ kind: 'constant', value: 'sudo iotedge system restart' })).toEqual(['readers-vm-command']);
            expect(rules(readerCalling([command('Invoke-EflowVmCommand', { positional: [{ kind: 'constant', value: 'sudo reboot' }] })])))
                .toEqual(['readers-vm-command']);
            const findings = checkScript(readerCalling([vmCommand({ kind: 'constant', value: 'sudo iotedge system restart' })]), context);
            expect(findings[0]?.message).toContain('"sudo iotedge system restart" is not one of the read-only VM commands');
        });

        it('refuses Get-EflowLogs, which writes eflowlogs.zip although its verb is Get', () => {
            const findings = checkScript(readerCalling([command('Get-EflowLogs')]), context);
            expect(findings.map(f => [f.rule, f.message])).toEqual([
                ['readers-change', 'A Readers script must not call Get-EflowLogs, which writes eflowlogs.zip on the host.']
            ]);
            expect(rules(script([command('Get-EflowLogs')]))).toEqual([]);
        });

        it('accepts the command lines the Readers scripts send (constants joined with +)', () => {
            const overview = "('sudo iotedge list; echo @@EFLOW-MANAGER-SECTION@@; ' +\n" +
                "                'sudo iotedge system status; echo @@EFLOW-MANAGER-SECTION@@; ' +\n" +
                "                'sudo grep -m 1 -E \"^source *=\" /etc/aziot/config.toml')";
            const deploymentState = "('sudo grep -m 1 -E \"^source *=\" /etc/aziot/config.toml; ' +\n" +
                "                'echo @@EFLOW-MANAGER-SECTION@@; cat /run/systemd/resolve/resolv.conf')";
            expect(readerVm({ kind: 'expression', text: overview })).toEqual([]);
            expect(readerVm({ kind: 'expression', text: deploymentState })).toEqual([]);
            expect(readerVm({ kind: 'constant', value: 'sudo iotedge list' })).toEqual([]);
        });

        it('refuses a read-only command joined to a writing one, redirections and expansions', () => {
            expect(readerVm({ kind: 'constant', value: 'sudo iotedge list && sudo iotedge system restart' })).toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'constant', value: 'sudo grep -m 1 x /etc/aziot/config.toml | sudo tee /etc/aziot/config.toml' }))
                .toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'constant', value: 'cat /etc/aziot/config.toml > /tmp/copy' })).toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'constant', value: 'echo $(sudo reboot)' })).toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'constant', value: "grep -E 'unclosed /etc/aziot/config.toml" })).toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'constant', value: 'grep -E "$(sudo reboot)" /etc/aziot/config.toml' })).toEqual(['readers-vm-command']);
        });

        it('refuses a command line that is not a constant, even from a validated parameter', () => {
            const parameters = [param('Sub', { validateSet: ['list', 'system restart'] })];
            expect(rules(readerCalling([vmCommand({ kind: 'expression', text: '"sudo iotedge $Sub"' })], parameters)))
                .toEqual(['readers-vm-command']);
            expect(readerVm({ kind: 'expression', text: "('sudo iotedge ' + 'list').Replace('list', 'system restart')" }))
                .toEqual(['readers-vm-command']);
        });

        it('leaves Administrators scripts free to change the VM', () => {
            expect(rules(script([vmCommand({ kind: 'constant', value: 'sudo iotedge system restart' })]))).toEqual([]);
        });
    });

    it('only lets validated script parameters into a VM command line', () => {
        const vm = (argument: AstCommandParameter['argument'], parameters: AstParameter[] = []) => rules(script(
            [command('Invoke-EflowVmCommand', { parameters: [{ name: 'command', argument }] })], { parameters }));
        expect(vm({ kind: 'constant', value: 'sudo iotedge list' })).toEqual([]);
        expect(vm({ kind: 'expression', text: "('sudo iotedge list; ' + 'echo x')" })).toEqual([]);
        expect(vm({ kind: 'expression', text: '"sudo iotedge logs $Module"' }, [param('Module', { validatePattern: '^[A-Za-z0-9_-]+$' })])).toEqual([]);
        expect(vm({ kind: 'expression', text: '"sudo iotedge logs $Module"' }, [param('Module', { validateLength: [1, 64] })]))
            .toEqual(['vm-command-injection']);
        expect(vm({ kind: 'variable', name: 'line' })).toEqual(['vm-command-injection']);
    });

    it('requires a validation attribute on every script parameter except switches and booleans', () => {
        const findings = checkScript(script([], {
            parameters: [param('Name'), param('Force', { type: 'switch' }), param('Size', { type: 'int', validateRange: [1, 4] })]
        }), context);
        expect(findings.map(f => f.message)).toEqual(['Parameter $Name has no validation attribute.']);
    });
});
