import { enableProdMode } from '@angular/core';
import { platformBrowserDynamic } from '@angular/platform-browser-dynamic';
import { CoreEnvironment } from '@microsoft/windows-admin-center-sdk/core';
import { AppModule } from './app/app.module';
import { environment } from './environments/environment';
import { PowerShellScripts } from './generated/powershell-scripts';
import { RuntimeVersion } from './version';

if (environment.production) {
    enableProdMode();
}

CoreEnvironment.initialize(
    {
        name: 'eflowmanager.iot-edge-eflow',
        version: RuntimeVersion.version,
        powerShellModuleName: PowerShellScripts.module,
        isProduction: environment.production,
        shellOrigin: '*'
    },
    { resourcesPath: 'assets/strings' },
    { cssV2: true })
    .then(() => platformBrowserDynamic().bootstrapModule(AppModule))
    .catch((error: unknown) => {
        // Nothing else can report a failed bootstrap: the shell shows an empty frame otherwise.
        document.body.textContent = `IoT Edge for Linux on Windows failed to start: ${String(error)}`;
    });
