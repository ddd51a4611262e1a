import { CommonModule } from '@angular/common';
import { NgModule } from '@angular/core';
import { RouterModule } from '@angular/router';
import { AdminCommandsComponent } from './components/admin-commands/admin-commands.component';
import { AlertsListComponent } from './components/alerts-list/alerts-list.component';
import { DeployEntryComponent } from './components/deploy-entry/deploy-entry.component';
import { EflowInstallCardComponent } from './components/eflow-install-card/eflow-install-card.component';
import { GatewayErrorPanelComponent } from './components/gateway-error-panel/gateway-error-panel.component';
import { HostFactsCardComponent } from './components/host-facts-card/host-facts-card.component';
import { ModulesTableComponent } from './components/modules-table/modules-table.component';
import { NetworkCardComponent } from './components/network-card/network-card.component';
import { OverviewToolbarComponent } from './components/overview-toolbar/overview-toolbar.component';
import { ReadinessChecklistComponent } from './components/readiness-checklist/readiness-checklist.component';
import { RuntimeCardComponent } from './components/runtime-card/runtime-card.component';
import { VmCardComponent } from './components/vm-card/vm-card.component';
import { OverviewPageComponent } from './containers/overview-page/overview-page.component';
import { OVERVIEW_SDK_MODULES } from './overview-sdk-modules';

/** The presentational components of the overview, declared together so that tests can render the page whole. */
export const OVERVIEW_COMPONENTS = [
    OverviewPageComponent,
    OverviewToolbarComponent,
    HostFactsCardComponent,
    ReadinessChecklistComponent,
    AdminCommandsComponent,
    EflowInstallCardComponent,
    VmCardComponent,
    RuntimeCardComponent,
    ModulesTableComponent,
    NetworkCardComponent,
    AlertsListComponent,
    GatewayErrorPanelComponent,
    DeployEntryComponent
];

/** The host overview dashboard (product capability 1), the tool's start page. */
@NgModule({
    declarations: OVERVIEW_COMPONENTS,
    imports: [CommonModule, ...OVERVIEW_SDK_MODULES, RouterModule.forChild([{ path: '', component: OverviewPageComponent }])]
})
export class OverviewModule {}
