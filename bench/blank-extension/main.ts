/**
 * A blank WAC tool extension built with the same SDK, Angular and build settings as EFLOW Manager: the baseline
 * `npm run bench` compares the extension's initial JavaScript against. It boots the SDK exactly as the product
 * does and shows one static component.
 */
import { ChangeDetectionStrategy, Component, ErrorHandler, NgModule } from '@angular/core';
import { BrowserModule } from '@angular/platform-browser';
import { platformBrowserDynamic } from '@angular/platform-browser-dynamic';
import { RouterModule } from '@angular/router';
import { CoreEnvironment } from '@microsoft/windows-admin-center-sdk/core';
import {
    AppContextService, AppErrorHandler, CoreServiceModule, IdleComponent, IdleModule, NavigationService, ResourceService,
    SmeUxModule
} from '@microsoft/windows-admin-center-sdk/angular';

@Component({ selector: 'blank-home', template: '<p>Blank tool</p>', changeDetection: ChangeDetectionStrategy.OnPush })
export class BlankHomeComponent {}

@Component({ selector: 'blank-root', template: '<sme-ux><router-outlet></router-outlet></sme-ux>' })
export class BlankRootComponent {}

@NgModule({
    declarations: [BlankRootComponent, BlankHomeComponent],
    imports: [
        BrowserModule, CoreServiceModule, SmeUxModule, IdleModule,
        RouterModule.forRoot([{ path: 'idle', component: IdleComponent }, { path: '', component: BlankHomeComponent }],
            { initialNavigation: 'disabled' })
    ],
    providers: [NavigationService, ResourceService, { provide: ErrorHandler, useClass: AppErrorHandler }],
    bootstrap: [BlankRootComponent]
})
export class BlankModule {
    constructor(appContextService: AppContextService) {
        appContextService.initializeModule({});
    }
}

CoreEnvironment.initialize(
    { name: 'blank.tool', version: '1.0.0', powerShellModuleName: 'Blank', isProduction: true, shellOrigin: '*' },
    { resourcesPath: 'assets/strings' },
    { cssV2: true })
    .then(() => platformBrowserDynamic().bootstrapModule(BlankModule));
