import stringsFile from '../../assets/strings/strings.json';

/**
 * What the SDK expects of its page before its code runs, for Jest: the module's init data (PowerShell's
 * `createCommand` reads the JEA prefix from it) and the localized strings (every SDK component reads
 * `MsftSme.self().Resources.strings`). The strings are the generated `src/assets/strings/strings.json`, so run
 * `npx gulp generate` before the tests.
 */

interface SdkWindowContext {
    Init?: Record<string, unknown>;
    Resources?: Record<string, unknown>;
}

function sdkContext(): SdkWindowContext {
    return (window as unknown as { MsftSme: SdkWindowContext }).MsftSme;
}

/** Sets the module init data `PowerShell.createCommand` needs. */
export function initSdkModule(): void {
    const context = sdkContext();
    context.Init = { ...(context.Init ?? {}), powerShellModuleName: 'EflowManager', powerShellPrefix: '', isProduction: false };
}

/** Loads the extension's and the SDK's strings, as the shell would. */
export function loadSdkStrings(): void {
    sdkContext().Resources = {
        localeId: 'en-US',
        localeRegionalId: 'en-US',
        theme: 'light',
        accessibilityMode: false,
        assets: { css: [], cssV2: [], js: [] },
        moduleAssets: {},
        lib: null,
        strings: (stringsFile as { Strings: unknown }).Strings
    };
}
