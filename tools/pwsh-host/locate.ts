/**
 * Where the built PowerShell host lives: `bin/Release/net10.0/PwshHost.dll` beside this file, as
 * `node tools/pwsh-host/build.js` (npm's postinstall) leaves it. `PWSH_HOST_DLL` overrides it.
 */
import { existsSync } from 'fs';
import * as path from 'path';

/** The path of PwshHost.dll; throws with the command that builds it when it is missing. */
export function pwshHostDllPath(): string {
    const dll = process.env['PWSH_HOST_DLL'] ?? path.join(__dirname, 'bin', 'Release', 'net10.0', 'PwshHost.dll');
    if (!existsSync(dll)) {
        throw new Error(`The PowerShell host is not built (${dll} is missing): run \`node tools/pwsh-host/build.js\`.`);
    }
    return dll;
}

/** The temp folder of the simulated Windows hosts' gateway sessions. */
export const SIMULATED_HOST_TEMP = 'C:\\Windows\\Temp';

/** The environment the host process runs with: the caller's, without telemetry or first-run banners. */
export function pwshHostEnvironment(): NodeJS.ProcessEnv {
    return {
        ...process.env,
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
        POWERSHELL_TELEMETRY_OPTOUT: '1',
        POWERSHELL_UPDATECHECK: 'Off',
        // What $env:TEMP is in a gateway session on a Windows host (the scripts put downloads there). .NET on Linux
        // reads TMPDIR, not TEMP, for its own temp files, so this changes only what the scripts see.
        TEMP: SIMULATED_HOST_TEMP
    };
}
