/**
 * Get-Service over the services the product reads (Hyper-V core services, wssdagent, EFLOWProxy, WinRM, and on an
 * Azure VM the WindowsAzureGuestAgent).
 */
import type { JsonValue } from '../../../pwsh-host/protocol';
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import type { HostState, ServiceStatus } from '../../state/host-state';
import { hasWildcards, wildcardMatch } from './paths';

interface ServiceView {
    Name: string;
    DisplayName: string;
    Status: ServiceStatus;
    StartType: 'Automatic' | 'Manual' | 'Disabled';
}

/**
 * The services present on the host now. Status and StartType are strings here; on Windows they are enums that
 * ConvertTo-Json writes as numbers, so scripts must cast them ([string]$service.Status) to be portable.
 */
export function servicesOf(host: HostState): ServiceView[] {
    const services: ServiceView[] = [
        { Name: 'WinRM', DisplayName: 'Windows Remote Management (WS-Management)', Status: 'Running', StartType: 'Automatic' },
        { Name: 'W32Time', DisplayName: 'Windows Time', Status: 'Running', StartType: 'Manual' }
    ];
    if (host.windows.isAzureVm) {
        services.push({ Name: 'WindowsAzureGuestAgent', DisplayName: 'Windows Azure Guest Agent', Status: 'Running', StartType: 'Automatic' });
    }
    if (host.windows.hyperV === 'Enabled') {
        services.push(
            { Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management', Status: 'Running', StartType: 'Automatic' },
            { Name: 'vmcompute', DisplayName: 'Hyper-V Host Compute Service', Status: 'Running', StartType: 'Manual' },
            { Name: 'hvhost', DisplayName: 'HV Host Service', Status: 'Running', StartType: 'Manual' },
            { Name: 'hns', DisplayName: 'Host Network Service', Status: 'Running', StartType: 'Manual' });
    }
    if (host.eflow) {
        services.push(
            { Name: 'wssdagent', DisplayName: 'WSSD Agent Service', Status: host.eflow.wssdAgent, StartType: 'Automatic' },
            { Name: 'EFLOWProxy', DisplayName: 'EFLOW Proxy Service', Status: host.eflow.eflowProxy, StartType: 'Automatic' });
    }
    return services;
}

export const getService: CmdletHandler = context => {
    const all = servicesOf(context.host);
    const names = context.params.strings('Name');
    if (names.length === 0) {
        return ok(all as unknown as JsonValue[]);
    }
    const found: ServiceView[] = [];
    const missing: string[] = [];
    for (const name of names) {
        const matches = all.filter(service => wildcardMatch(name, service.Name));
        if (matches.length === 0 && !hasWildcards(name)) {
            missing.push(name);
        }
        for (const match of matches) {
            if (!found.includes(match)) {
                found.push(match);
            }
        }
    }
    const value = found as unknown as JsonValue[];
    if (missing.length > 0) {
        return windowsError(`Cannot find any service with service name '${missing[0]}'.`,
            'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand', 'ObjectNotFound', { value });
    }
    return ok(value);
};
