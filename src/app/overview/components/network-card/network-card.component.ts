import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { HealthAlertSeverity, PageAlert } from '@microsoft/windows-admin-center-sdk/angular';
import { SectionError, VmEndpoint, VmNetwork } from '../../../core/models/host-overview';
import { extensionStrings } from '../../../shared/extension-strings';

/** The VM's network endpoints (NICs, addresses, switch, health) and the EFLOW networks. */
@Component({
    selector: 'em-network-card',
    templateUrl: './network-card.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class NetworkCardComponent implements OnChanges {
    /** The VM's endpoints. */
    @Input() public endpoints: readonly VmEndpoint[] = [];
    /** The EFLOW networks. */
    @Input() public networks: readonly VmNetwork[] = [];
    /** Errors of the sections this card shows. */
    @Input() public errors: readonly SectionError[] = [];

    protected readonly strings = extensionStrings().Overview.Network;
    protected errorAlerts: PageAlert[] = [];

    public ngOnChanges(): void {
        this.errorAlerts = this.errors.map((error: SectionError) => ({
            severity: HealthAlertSeverity.Error,
            message: `${error.source}: ${error.message} (${error.code})`
        }));
    }

    /** An address with its prefix, e.g. `172.20.0.2/24`. */
    protected address(endpoint: VmEndpoint): string {
        if (!endpoint.ipAddress) {
            return this.strings.none;
        }
        return endpoint.prefixLength === null ? endpoint.ipAddress : `${endpoint.ipAddress}/${endpoint.prefixLength}`;
    }
}
