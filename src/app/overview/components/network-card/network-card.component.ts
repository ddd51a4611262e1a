import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { HealthAlertSeverity, PageAlert, StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { EndpointHealth, readEndpointHealth } from '../../../core/domain/endpoint-health';
import { SectionError, VmEndpoint, VmNetwork } from '../../../core/models/host-overview';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { StatusIconName } from '../../view-model/status-icons';

/** An endpoint's health, ready to render. */
interface HealthCell {
    state: EndpointHealth;
    icon: StatusIconName;
    text: string;
}

const HEALTH_ICONS: Record<EndpointHealth, StatusIconName> = {
    ok: StatusIconType.Success,
    degraded: StatusIconType.Warning,
    unknown: StatusIconType.Unknown
};

/** The VM's network endpoints (NICs, addresses, switch, health) and the EFLOW networks. */
@Component({
    selector: 'em-network-card',
    templateUrl: './network-card.component.html',
    styleUrls: ['../overview-card.css'],
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

    /** Health per endpoint name, computed once per change for the template. */
    private healthByEndpoint = new Map<string, HealthCell>();

    public ngOnChanges(): void {
        this.healthByEndpoint = new Map(this.endpoints.map((endpoint: VmEndpoint) => [endpoint.name, this.describeHealth(endpoint)]));
        this.errorAlerts = this.errors.map((error: SectionError) => ({
            severity: HealthAlertSeverity.Error,
            message: `${error.source}: ${error.message} (${error.code})`
        }));
    }

    /** The endpoint's health in words ("OK", "Degraded: Lost"), the raw HealthStatus as the cell's tooltip. */
    protected health(endpoint: VmEndpoint): HealthCell {
        return this.healthByEndpoint.get(endpoint.name) ?? this.describeHealth(endpoint);
    }

    /**
     * A network's type in the wizard's words: Get-EflowNetwork calls the Default Switch's kind `ICS` (Internet
     * Connection Sharing), which the wizard's Network page describes as Internal with NAT.
     */
    protected networkType(network: VmNetwork): string {
        const types: Readonly<Record<string, string>> = this.strings.Types;
        return types[network.type.toUpperCase()] ?? network.type;
    }

    private describeHealth(endpoint: VmEndpoint): HealthCell {
        const reading = readEndpointHealth(endpoint.healthStatus);
        return {
            state: reading.health,
            icon: HEALTH_ICONS[reading.health],
            text: formatText(this.strings.Health[reading.health], { state: reading.currentState })
        };
    }

    /** An address with its prefix, e.g. `172.20.0.2/24`. */
    protected address(endpoint: VmEndpoint): string {
        if (!endpoint.ipAddress) {
            return this.strings.none;
        }
        return endpoint.prefixLength === null ? endpoint.ipAddress : `${endpoint.ipAddress}/${endpoint.prefixLength}`;
    }
}
