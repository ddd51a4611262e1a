import { ChangeDetectionStrategy, Component, NgModule } from '@angular/core';
import { RouterModule } from '@angular/router';

@Component({
    selector: 'em-overview-placeholder',
    template: '<h2>Overview</h2>',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class OverviewPlaceholderComponent {}

@NgModule({
    declarations: [OverviewPlaceholderComponent],
    imports: [RouterModule.forChild([{ path: '', component: OverviewPlaceholderComponent }])]
})
export class OverviewModule {}
