import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { HealthAlertSeverity, PageAlert } from '@microsoft/windows-admin-center-sdk/angular';
import { SystemServiceStatus } from '../../../core/domain/system-status';
import { EflowVm, SectionError } from '../../../core/models/host-overview';
import { extensionStrings } from '../../../shared/extension-strings';
import { serviceStateIcon, StatusIconName } from '../../view-model/status-icons';

/** A service row, ready to render. */
interface ServiceRow {
    name: string;
    state: string;
    icon: StatusIconName;
    text: string;
}

/** The IoT Edge runtime in the VM: IoT Edge and Moby versions, and the state of the IoT Edge system services. */
@Component({
    selector: 'em-runtime-card',
    templateUrl: './runtime-card.component.html',
    styleUrls: ['../overview-card.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class RuntimeCardComponent implements OnChanges {
    /** Runtime versions, `null` when not read. */
    @Input() public runtime: EflowVm['runtime'] = null;
    /** Parsed `iotedge system status`, `null` when not read. */
    @Input() public services: readonly SystemServiceStatus[] | null = null;
    /** Errors of the sections this card shows. */
    @Input() public errors: readonly SectionError[] = [];

    protected readonly strings = extensionStrings().Overview.Runtime;
    protected rows: ServiceRow[] = [];
    protected errorAlerts: PageAlert[] = [];

    public ngOnChanges(): void {
        this.rows = (this.services ?? []).map((service: SystemServiceStatus) => ({
            name: service.name,
            state: service.state,
            icon: serviceStateIcon(service.state),
            text: service.reason ? `${this.strings.States[service.state]}: ${service.reason}` : this.strings.States[service.state]
        }));
        this.errorAlerts = this.errors.map((error: SectionError) => ({
            severity: HealthAlertSeverity.Error,
            message: `${error.source}: ${error.message} (${error.code})`
        }));
    }
}
