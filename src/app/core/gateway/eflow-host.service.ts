import { Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { PowerShellScripts } from '../../../generated/powershell-scripts';
import { HostOverviewPayload } from '../models/host-overview';
import { parseHostOverview } from '../models/host-overview.parse';
import { PowerShellRunner } from './powershell-runner';
import { singleParsedResult } from './script-output';

/**
 * Time limit of the overview read. It makes several SSH round trips into the VM (`iotedge list`, `system status`),
 * each of which can stall on an unhealthy VM; beyond a minute the dashboard is better off showing the failure.
 */
export const OVERVIEW_TIMEOUT_MS = 60_000;

/** Typed calls of the EFLOW host scripts: one method per script. */
@Injectable({ providedIn: 'root' })
export class EflowHostService {
    constructor(private readonly runner: PowerShellRunner) {}

    /**
     * Everything the host overview dashboard shows, in one gateway round trip (Get-EflowHostOverview). Emits once
     * and completes, or fails with a `GatewayError`; unsubscribing cancels the script on the gateway.
     */
    public getOverview(node: string): Observable<HostOverviewPayload> {
        const script = PowerShellScripts.Overview.Get_EflowHostOverview;
        return this.runner.run(node, script, {}, { timeoutMs: OVERVIEW_TIMEOUT_MS })
            .pipe(singleParsedResult(script.command, parseHostOverview));
    }
}
