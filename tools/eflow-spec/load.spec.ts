import { findCmdlet, findParameter, loadAzureEflowSpec, loadWindowsSpec, SpecValidationError, validateModuleSpec } from './load';

describe('cmdlet description files', () => {
    it('describe every AzureEFLOW cmdlet of eflow.md section 2, Deploy-Eflow, Provision-EflowVm and migration', () => {
        const names = loadAzureEflowSpec().cmdlets.map(c => c.name).sort();
        expect(names).toEqual([
            'Add-EflowNetwork', 'Add-EflowVmEndpoint', 'Add-EflowVmSharedFolder', 'Confirm-EflowMigration',
            'Connect-EflowVm', 'Copy-EflowVmFile', 'Deploy-Eflow', 'Get-EflowHostConfiguration', 'Get-EflowLogs',
            'Get-EflowNetwork', 'Get-EflowVm', 'Get-EflowVmAddr', 'Get-EflowVmEndpoint', 'Get-EflowVmFeature',
            'Get-EflowVmName', 'Get-EflowVmSharedFolder', 'Get-EflowVmTelemetryOption', 'Get-EflowVmTpmProvisioningInfo',
            'Invoke-EflowVmCommand', 'Provision-EflowVm', 'Remove-EflowNetwork', 'Remove-EflowVmEndpoint',
            'Remove-EflowVmSharedFolder', 'Restore-EflowPriorToMigration', 'Set-EflowVM', 'Set-EflowVmDNSServers',
            'Set-EflowVmFeature', 'Set-EflowVmTelemetryOption', 'Start-EflowMigration', 'Start-EflowVm', 'Stop-EflowVm',
            'Verify-EflowVm'
        ].sort());
    });

    it('declares the Deploy-Eflow parameters of section 3 with their accepted values and groups', () => {
        const deploy = findCmdlet(loadAzureEflowSpec(), 'deploy-eflow');
        expect(deploy?.parameters.map(p => p.name)).toEqual(['acceptEula', 'acceptOptionalTelemetry', 'cpuCount',
            'memoryInMB', 'vmDiskSize', 'vmDataSize', 'vmLogSize', 'vswitchName', 'vswitchType', 'ip4Address',
            'ip4PrefixLength', 'ip4GatewayAddress', 'gpuName', 'gpuPassthroughType', 'gpuCount', 'customSsh',
            'sharedFoldersJsonPath']);
        expect(deploy && findParameter(deploy, 'vswitchType')?.values).toEqual(['Internal', 'External']);
        expect(deploy && findParameter(deploy, 'customSsh')?.type).toBe('switch');
        expect(deploy?.mutuallyExclusive).toEqual([['vmDiskSize', 'vmDataSize']]);
        expect(deploy?.together).toEqual([['ip4Address', 'ip4PrefixLength', 'ip4GatewayAddress']]);
        expect(deploy?.parameters.some(p => p.mandatory)).toBe(false);
    });

    it('marks the provisioning secrets and keeps run-time checked features out of ValidateSet', () => {
        const provision = findCmdlet(loadAzureEflowSpec(), 'Provision-EflowVm');
        const secrets = provision?.parameters.filter(p => p.secret).map(p => p.name);
        expect(secrets).toEqual(['devConnString', 'symmKey']);
        const feature = findParameter(findCmdlet(loadAzureEflowSpec(), 'Set-EflowVmFeature') ?? { name: '', synopsis: '',
            sources: [], parameters: [], output: '' }, 'feature');
        expect(feature?.values).toBeUndefined();
        expect(feature?.knownValues).toEqual(['DpsTpm', 'Defender']);
    });

    it('keeps documented error strings verbatim', () => {
        const errors = loadAzureEflowSpec().cmdlets.flatMap(c => c.errors ?? []);
        expect(errors).toEqual(expect.arrayContaining([
            'Virtual machine does not exist, deploy it first',
            'An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and re-install $eflowProductName.',
            "Not enough disk space is available on drive '$drive'",
            'Cannot set Static IP on ICS type virtual switch (Default Switch)',
            "Unknown feature '$feature' is provided.",
            'Aborting, iotedge was previously provisioned (headless mode)!'
        ]));
    });

    it('uses Windows PowerShell 5.1 parameter names for the Windows cmdlets', () => {
        const windows = loadWindowsSpec();
        const parameters = (name: string): string[] => findCmdlet(windows, name)?.parameters.map(p => p.name) ?? [];
        expect(parameters('Get-CimInstance')).toEqual(['ClassName', 'Namespace', 'Filter', 'Property']);
        expect(parameters('New-NetIPAddress')).toEqual(['IPAddress', 'PrefixLength', 'InterfaceIndex', 'InterfaceAlias',
            'DefaultGateway']);
        expect(parameters('Start-Process')).toEqual(['FilePath', 'ArgumentList', 'Wait', 'PassThru', 'NoNewWindow']);
        expect(windows.cmdlets).toHaveLength(20);
    });
});

describe('validateModuleSpec', () => {
    const valid = {
        module: 'Demo', description: 'd',
        cmdlets: [{ name: 'Get-Thing', synopsis: 's', sources: ['X'], output: 'o',
            parameters: [{ name: 'a', type: 'string', description: 'd' }, { name: 'b', type: 'int', description: 'd' }] }]
    };

    it('accepts a well-formed description', () => {
        expect(validateModuleSpec(valid, 'demo.json').cmdlets[0]?.name).toBe('Get-Thing');
    });

    it.each([
        ['an unknown key', { ...valid, extra: 1 }, "unknown key 'extra'"],
        ['a bad parameter type', { ...valid, cmdlets: [{ ...valid.cmdlets[0], parameters: [
            { name: 'a', type: 'uint', description: 'd' }] }] }, 'type must be one of'],
        ['values on an int', { ...valid, cmdlets: [{ ...valid.cmdlets[0], parameters: [
            { name: 'a', type: 'int', values: ['1'], description: 'd' }] }] }, 'values only applies to string parameters'],
        ['a case-insensitive duplicate parameter', { ...valid, cmdlets: [{ ...valid.cmdlets[0], parameters: [
            { name: 'a', type: 'string', description: 'd' }, { name: 'A', type: 'int', description: 'd' }] }] },
        "parameter 'A' is declared twice"],
        ['a group naming an unknown parameter', { ...valid, cmdlets: [{ ...valid.cmdlets[0], together: [['a', 'c']] }] },
            "names unknown parameter 'c'"],
        ['a name PowerShell cannot declare', { ...valid, cmdlets: [{ ...valid.cmdlets[0], parameters: [
            { name: "a'b", type: 'string', description: 'd' }] }] }, 'name must be a PowerShell parameter name']
    ])('rejects %s', (_case, spec, problem) => {
        let thrown: unknown;
        try {
            validateModuleSpec(spec, 'demo.json');
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBeInstanceOf(SpecValidationError);
        expect((thrown as SpecValidationError).problems.join('\n')).toContain(problem);
    });
});
