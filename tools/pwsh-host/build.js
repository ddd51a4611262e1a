#!/usr/bin/env node
/**
 * Builds the PowerShell host (tools/pwsh-host) in Release: `node tools/pwsh-host/build.js` from any folder.
 * npm's postinstall runs it. Exits non-zero, printing dotnet's output, when the build fails.
 */
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const project = path.join('tools', 'pwsh-host', 'PwshHost.csproj');

const result = spawnSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'q'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' }
});

if (result.error) {
    console.error(`pwsh-host build: could not run dotnet: ${result.error.message}`);
    process.exit(1);
}
if (result.status !== 0) {
    process.stderr.write(result.stdout || '');
    process.stderr.write(result.stderr || '');
    console.error(`pwsh-host build: dotnet build failed (exit ${result.status}).`);
    process.exit(result.status || 1);
}
