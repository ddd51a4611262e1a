import { loadAzureEflowSpec, loadWindowsSpec } from '../../eflow-spec/load';
import { AZURE_EFLOW_HANDLERS, findHandler, IMPORT_MODULE_COMMAND, WINDOWS_HANDLERS, WINDOWS_INSTALLER_HANDLERS } from './handler-map';

describe('handler tables', () => {
    it('have exactly one handler per AzureEFLOW cmdlet of the spec, plus the Import-Module check', () => {
        const specNames = loadAzureEflowSpec().cmdlets.map(c => c.name).sort();
        const handlerNames = [...AZURE_EFLOW_HANDLERS.keys()].filter(n => n !== IMPORT_MODULE_COMMAND).sort();
        expect(handlerNames).toEqual(specNames);
        expect(AZURE_EFLOW_HANDLERS.has(IMPORT_MODULE_COMMAND)).toBe(true);
    });

    it('have exactly one handler per Windows cmdlet of the spec', () => {
        expect([...WINDOWS_HANDLERS.keys()].sort()).toEqual(loadWindowsSpec().cmdlets.map(c => c.name).sort());
    });

    it('resolve commands case-insensitively, as PowerShell does, and only within their module', () => {
        expect(findHandler('azureeflow', 'get-eflowvm')).toBe(AZURE_EFLOW_HANDLERS.get('Get-EflowVm'));
        expect(findHandler('Windows', 'Get-EflowVm')).toBeUndefined();
        expect(findHandler('AzureEFLOW', 'Remove-EflowVm')).toBeUndefined();
    });

    it('answer the WindowsInstaller COM stand-in only under its own module, never as a cmdlet', () => {
        expect(findHandler('WindowsInstaller', 'Get-MsiDatabase')).toBe(WINDOWS_INSTALLER_HANDLERS.get('Get-MsiDatabase'));
        expect(findHandler('Windows', 'Get-MsiDatabase')).toBeUndefined();
        expect([...WINDOWS_INSTALLER_HANDLERS.keys()]).toEqual(['Get-MsiDatabase']);
    });
});
