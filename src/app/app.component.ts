import { ChangeDetectionStrategy, Component, OnDestroy, OnInit } from '@angular/core';
import { AppContextService, NavigationService } from '@microsoft/windows-admin-center-sdk/angular';
import { isTopWindow } from './app-routing.module';

/** The extension's root: hands routing to the shell's NavigationService when hosted in a frame. */
@Component({
    selector: 'em-root',
    template: '<sme-ux><router-outlet></router-outlet></sme-ux>',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class AppComponent implements OnInit, OnDestroy {
    constructor(private readonly appContext: AppContextService, private readonly navigationService: NavigationService) {}

    public ngOnInit(): void {
        // Outside a shell (opened directly) there is no one to send Open, so the router navigates by itself.
        this.appContext.ngInit(isTopWindow() ? {} : { navigationService: this.navigationService });
    }

    public ngOnDestroy(): void {
        this.appContext.ngDestroy();
    }
}
