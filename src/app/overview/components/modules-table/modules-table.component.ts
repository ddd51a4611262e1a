import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { IotEdgeModule } from '../../../core/domain/iotedge-list';
import { extensionStrings } from '../../../shared/extension-strings';
import { moduleStatusIcon, StatusIconName } from '../../view-model/status-icons';

/** A module row, ready to render. */
interface ModuleRow {
    module: IotEdgeModule;
    icon: StatusIconName;
    statusText: string;
}

/**
 * The IoT Edge modules (`iotedge list`): name, status with a status icon, description and image. A plain table
 * styled by the SDK's CSS: module lists are short, and every row carries a stable hook for browser tests.
 */
@Component({
    selector: 'em-modules-table',
    templateUrl: './modules-table.component.html',
    styleUrls: ['../overview-card.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class ModulesTableComponent implements OnChanges {
    /** The modules, `null` when the list could not be read. */
    @Input() public modules: readonly IotEdgeModule[] | null = null;

    protected readonly strings = extensionStrings().Overview.Modules;
    protected rows: ModuleRow[] = [];

    public ngOnChanges(): void {
        this.rows = (this.modules ?? []).map((module: IotEdgeModule) => ({
            module,
            icon: moduleStatusIcon(module.status),
            statusText: this.strings.Statuses[module.status]
        }));
    }

    protected trackByName(_index: number, row: ModuleRow): string {
        return row.module.name;
    }
}
