import { NgModule } from '@angular/core';
import { RouterModule, Routes } from '@angular/router';
import { IdleComponent } from '@microsoft/windows-admin-center-sdk/angular';
import { DEPLOY_ROUTE } from './deploy/deploy-route';

/** Whether the page is the top window, that is, opened directly rather than inside the WAC shell's frame. */
export function isTopWindow(): boolean {
    try {
        return window.self === window.top;
    } catch {
        // A cross-origin parent throws on access: we are framed.
        return false;
    }
}

const routes: Routes = [
    { path: 'idle', component: IdleComponent },
    { path: DEPLOY_ROUTE, loadChildren: () => import('./deploy/deploy.module').then(m => m.DeployModule) },
    { path: '', loadChildren: () => import('./overview/overview.module').then(m => m.OverviewModule) },
    { path: '**', redirectTo: '' }
];

@NgModule({
    imports: [RouterModule.forRoot(routes, { initialNavigation: isTopWindow() ? 'enabledNonBlocking' : 'disabled' })],
    exports: [RouterModule]
})
export class AppRoutingModule {}
