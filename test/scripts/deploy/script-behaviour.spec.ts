/**
 * The deploy scripts one by one on hosts of the default fleet: idempotency, coded refusals that change nothing,
 * and secrets that never come back out.
 */
import { callsOf, changingCalls, useDeployHarness, failureCode, outputOf, RUN_TIMEOUT_MS, type ScriptRun } from './deploy-harness';
import { visibleText } from './deploy-flow';

const KEY_32 = 'c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==';

const harness = useDeployHarness();

describe('Enable-EflowHostHyperV', () => {
    it('enables the client feature without restarting, then reports the pending restart', async () => {
        const first = await harness.run('hyperv-disabled', 'Enable-EflowHostHyperV');
        expect(outputOf(first)).toEqual({ status: 'enabled', rebootRequired: true, restarting: false });
        expect(callsOf(first, 'Enable-WindowsOptionalFeature')[0].parameters).toEqual({ Online: true, FeatureName: ['Microsoft-Hyper-V'], All: true, NoRestart: true });
        expect(callsOf(first, 'Restart-Computer')).toEqual([]);
        expect(outputOf(await harness.run('hyperv-disabled', 'Enable-EflowHostHyperV'))).toEqual({ status: 'restartPending', rebootRequired: true, restarting: false });
    }, RUN_TIMEOUT_MS);

    it('does nothing where Hyper-V is on, and refuses an edition without it', async () => {
        const enabled = await harness.run('ready-to-deploy', 'Enable-EflowHostHyperV', { Restart: true });
        expect(outputOf(enabled)).toEqual({ status: 'alreadyEnabled', rebootRequired: false, restarting: false });
        expect(changingCalls(enabled)).toEqual([]);
        const home = await harness.run('win10-home', 'Enable-EflowHostHyperV');
        expect(failureCode(home)).toBe('HyperVNotAvailable');
        expect(changingCalls(home)).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('changes nothing when the Hyper-V state cannot be read, and says why instead of "no Hyper-V"', async () => {
        const message = 'The requested operation requires elevation.';
        harness.sim.setFaults('hyperv-disabled', { hyperVReadFailure: message });
        const run = await harness.run('hyperv-disabled', 'Enable-EflowHostHyperV', { Restart: true });
        expect(failureCode(run)).toBe('HyperVStateUnreadable');
        expect(run.failure).toContain(message);
        expect(changingCalls(run)).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('installs the server role with its tools', async () => {
        const run = await harness.run('srv2019-new', 'Enable-EflowHostHyperV');
        expect(callsOf(run, 'Install-WindowsFeature')[0].parameters).toEqual({ Name: ['Hyper-V'], IncludeAllSubFeature: true, IncludeManagementTools: true });
        expect(outputOf(run)).toEqual(expect.objectContaining({ status: 'enabled', rebootRequired: true }));
    }, RUN_TIMEOUT_MS);
});

describe('Install-EflowProduct', () => {
    it('is idempotent for the installed channel and refuses another channel', async () => {
        const same = await harness.run('msi-installed', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64' });
        expect(outputOf(same)).toEqual(expect.objectContaining({ status: 'alreadyInstalled', productName: 'Azure IoT Edge LTS', downloaded: false }));
        expect(changingCalls(same)).toEqual([]);
        const other = await harness.run('msi-installed', 'Install-EflowProduct', { Channel: 'CR', Architecture: 'x64' });
        expect(failureCode(other)).toBe('DifferentProductInstalled');
        expect(changingCalls(other)).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('refuses the wrong architecture and a missing MSI before downloading or installing', async () => {
        const arm = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'ARM64' });
        expect(failureCode(arm)).toBe('ArchitectureMismatch');
        const missing = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64', MsiPath: 'C:\\nowhere\\AzureIoTEdge.msi' });
        expect(failureCode(missing)).toBe('MsiNotFound');
        for (const run of [arm, missing]) {
            expect(changingCalls(run)).toEqual([]);
        }
    }, RUN_TIMEOUT_MS);

    it('passes msiexec a silent, logged, no-restart install with quoted paths', async () => {
        const run = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'CR', Architecture: 'x64', InstallPath: 'D:\\Azure IoT Edge', VhdxPath: 'E:\\EFLOW VMs' });
        expect(outputOf(run)).toEqual(expect.objectContaining({ status: 'installed', productName: 'Azure IoT Edge', downloaded: true, rebootRequired: false }));
        expect(callsOf(run, 'Invoke-WebRequest')[0].parameters).toEqual(expect.objectContaining({ Uri: 'https://aka.ms/AzEFLOWMSI-CR-X64', UseBasicParsing: true }));
        const argumentList = callsOf(run, 'Start-Process')[0].parameters['ArgumentList'] as string[];
        expect(argumentList.slice(2, 5)).toEqual(['/qn', '/norestart', '/l*v']);
        expect(argumentList).toEqual(expect.arrayContaining(['INSTALLDIR="D:\\Azure IoT Edge"', 'VHDXDIR="E:\\EFLOW VMs"']));
        expect(run.progress.map(p => p.activity)).toEqual(expect.arrayContaining(['Downloading the EFLOW installer', 'Installing the EFLOW MSI']));
        // The download goes to the session's temp folder, as on Windows, and msiexec installs that very file.
        const msi = 'C:\\Windows\\Temp\\EflowManager-AzureIoTEdge-CR-x64.msi';
        expect(callsOf(run, 'Invoke-WebRequest')[0].parameters['OutFile']).toBe(msi);
        expect(argumentList[1]).toBe(`"${msi}"`);
        expect(outputOf(run)).toEqual(expect.objectContaining({ logPath: 'C:\\Windows\\Temp\\EflowManager-install.log' }));
    }, RUN_TIMEOUT_MS);

    it('maps msiexec 1603 to its code with the log path', async () => {
        harness.sim.setFaults('ready-to-deploy', { msiInstallFailure: 'once' });
        const run = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64' });
        expect(failureCode(run)).toBe('MsiInstallFailed');
        expect(run.failure).toContain('EflowManager-install.log');
    }, RUN_TIMEOUT_MS);
});

describe('New-EflowVirtualSwitch', () => {
    const internal = { SwitchName: 'EflowNat', SwitchType: 'Internal', PrefixLength: 24 };

    it('checks an Internal switch\'s gateway as the Network page does, and changes nothing when it is wrong', async () => {
        const cases: [{ [name: string]: string | number }, string][] = [
            [{ GatewayAddress: '10.9.0.0' }, 'is the network or broadcast address of 10.9.0.0/24'],
            [{ GatewayAddress: '10.9.0.255' }, 'is the network or broadcast address of 10.9.0.0/24'],
            [{ GatewayAddress: '127.0.0.1' }, 'loopback'],
            [{ GatewayAddress: '224.0.0.5' }, 'multicast'],
            [{ GatewayAddress: '240.0.0.1' }, 'reserved'],
            [{ GatewayAddress: '0.9.0.1' }, 'this network'],
            [{ GatewayAddress: '10.9.0.1', VmAddress: '10.9.1.2' }, 'is not in the VM\'s subnet 10.9.1.0/24'],
            [{ GatewayAddress: '10.9.0.1', VmAddress: '10.9.0.1' }, 'must differ']
        ];
        for (const [parameters, reason] of cases) {
            const run = await harness.run('srv2022-dps', 'New-EflowVirtualSwitch', { ...internal, ...parameters });
            expect({ parameters, code: failureCode(run), changes: changingCalls(run) })
                .toEqual({ parameters, code: 'InvalidGatewayAddress', changes: [] });
            expect(run.failure).toContain(reason);
        }
        const good = await harness.run('srv2022-dps', 'New-EflowVirtualSwitch', { ...internal, GatewayAddress: '10.9.0.1', VmAddress: '10.9.0.2' });
        expect(outputOf(good)).toEqual(expect.objectContaining({ switchName: 'EflowNat', created: true, natName: 'EflowNat-NAT' }));
        const external = await harness.run('ready-to-deploy', 'New-EflowVirtualSwitch', { SwitchName: 'X', SwitchType: 'External', AdapterName: 'Ethernet', VmAddress: '10.9.0.2' });
        expect(failureCode(external)).toBe('UnexpectedParameter');
    }, RUN_TIMEOUT_MS);
});

describe('Set-EflowVmConfiguration', () => {
    it('changes only what differs, so a second run changes nothing', async () => {
        const parameters = { DnsServers: ['10.0.0.53'], DpsTpm: true, Defender: false, OptionalTelemetry: false };
        const first = await harness.run('edge-unprovisioned', 'Set-EflowVmConfiguration', parameters);
        expect(outputOf(first)).toEqual(expect.objectContaining({ dpsTpm: true, defender: false, dnsServers: ['10.0.0.53'] }));
        expect(outputOf(first)['changed']).toEqual(expect.arrayContaining(['DnsServers', 'DpsTpm']));
        const second = await harness.run('edge-unprovisioned', 'Set-EflowVmConfiguration', { DpsTpm: true, Defender: false, OptionalTelemetry: false });
        expect(outputOf(second)['changed']).toEqual([]);
        expect(callsOf(second, 'Set-EflowVmFeature').concat(callsOf(second, 'Set-EflowVmTelemetryOption'))).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('starts a stopped VM first, and refuses a host without a VM or with repeated DNS servers', async () => {
        const stopped = await harness.run('edge-stopped', 'Set-EflowVmConfiguration', { Defender: true });
        expect(outputOf(stopped)).toEqual(expect.objectContaining({ vmStarted: true, defender: true }));
        expect(failureCode(await harness.run('msi-installed', 'Set-EflowVmConfiguration', { Defender: true }))).toBe('VmNotDeployed');
        const repeated = await harness.run('edge-unprovisioned', 'Set-EflowVmConfiguration', { DnsServers: ['10.0.0.53', '10.0.0.53'] });
        expect(failureCode(repeated)).toBe('InvalidDnsServers');
        expect(repeated.calls).toEqual([]);
    }, RUN_TIMEOUT_MS);
});

describe('Set-EflowVmProvisioning', () => {
    const host = 'edge-unprovisioned';

    it('enforces each type\'s required set and refuses parameters of other types, changing nothing', async () => {
        const cases: [Record<string, string>, string][] = [
            [{ ProvisioningType: 'ManualConnectionString' }, 'MissingProvisioningParameter'],
            [{ ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne00A1B2C3', SymmKey: KEY_32 }, 'MissingProvisioningParameter'],
            [{ ProvisioningType: 'ManualX509', IotHubHostname: 'h.azure-devices.net', DeviceId: 'd', IdentityCertPath: 'C:\\certs\\device-identity.cert.pem' }, 'MissingProvisioningParameter'],
            [{ ProvisioningType: 'DpsTPM', ScopeId: '0ne00A1B2C3', SymmKey: KEY_32 }, 'UnexpectedProvisioningParameter'],
            [{ ProvisioningType: 'DpsTPM', ScopeId: '0ne00A1B2C3' }, 'TpmFeatureNotEnabled'],
            [{ ProvisioningType: 'DpsX509', ScopeId: '0ne00A1B2C3', IdentityCertPath: 'C:\\certs\\missing.pem', IdentityPrivKeyPath: 'C:\\certs\\device-identity.key.pem' }, 'CertificateNotFound']
        ];
        for (const [parameters, code] of cases) {
            const run = await harness.run(host, 'Set-EflowVmProvisioning', parameters);
            expect({ parameters, code: failureCode(run), changes: changingCalls(run) }).toEqual({ parameters, code, changes: [] });
        }
    }, RUN_TIMEOUT_MS);

    it('refuses malformed secrets without ever repeating them', async () => {
        const secrets = [
            'HostName=hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=' + KEY_32,
            'HostName=hub.azure-devices.net;DeviceId=edge;SharedAccessKey=not-base64-SECRETVALUE',
            'HostName=hub.azure-devices.net;DeviceId=edge;x509=true',
            'SECRETVALUE' + 'x'.repeat(2000)
        ];
        for (const secret of secrets) {
            const run = await harness.run(host, 'Set-EflowVmProvisioning', { ProvisioningType: 'ManualConnectionString', DevConnString: secret });
            expect(run.failure).not.toBeNull();
            expect(visibleText(run)).not.toContain('SECRETVALUE');
            expect(visibleText(run)).not.toContain(KEY_32);
            expect(callsOf(run, 'Provision-EflowVm')).toEqual([]);
        }
        const key = await harness.run(host, 'Set-EflowVmProvisioning', {
            ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne00A1B2C3', RegistrationId: 'edge', SymmKey: 'U0VDUkVUVkFMVUU='
        });
        expect(failureCode(key)).toBe('InvalidSymmetricKey');
        expect(visibleText(key)).not.toContain('U0VDUkVUVkFMVUU=');
    }, RUN_TIMEOUT_MS);

    it('provisions with the connection string exactly as given', async () => {
        const devConnString = `HostName=contoso-edge-hub.azure-devices.net;DeviceId=edge-unprovisioned;SharedAccessKey=${KEY_32}`;
        const run = await harness.run(host, 'Set-EflowVmProvisioning', { ProvisioningType: 'ManualConnectionString', DevConnString: devConnString });
        expect(outputOf(run)).toEqual({ status: 'provisioned', provisioningType: 'ManualConnectionString', source: 'manual' });
        expect(callsOf(run, 'Provision-EflowVm')[0].parameters).toEqual({ provisioningType: 'ManualConnectionString', devConnString, headless: true });
        expect(run.progress.filter(p => p.activity === 'Provisioning the device').length).toBeGreaterThan(1);
    }, RUN_TIMEOUT_MS);
});

/**
 * A Provision-EflowVm that repeats what it was given (the simulator's provisioningEchoesSecrets fault): the key alone
 * and the whole connection string (or the symmetric key) in its step lines, a warning, its output and its error.
 * Every repetition must come out masked, both when the script runs as a file and when it runs as Windows Admin
 * Center sends it: as the body of the SDK's SmeSubmit function, where `$script:` names another scope.
 */
describe('Set-EflowVmProvisioning masks every secret the cmdlet repeats', () => {
    const host = 'edge-unprovisioned';
    const devConnString = `HostName=contoso-edge-hub.azure-devices.net;DeviceId=edge-unprovisioned;SharedAccessKey=${KEY_32}`;
    const connectionString = { ProvisioningType: 'ManualConnectionString', DevConnString: devConnString };
    const symmetricKey = { ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne00A1B2C3', RegistrationId: 'edge-01', SymmKey: KEY_32 };
    const ways: [string, (parameters: { [name: string]: string }) => Promise<ScriptRun>][] = [
        ['as Windows Admin Center sends it (SmeSubmit wrapper)', parameters => harness.runAsSent(host, 'Set-EflowVmProvisioning', parameters)],
        ['as a file', parameters => harness.run(host, 'Set-EflowVmProvisioning', parameters)]
    ];
    const statuses = (run: ScriptRun): string[] => run.progress.map(p => p.statusDescription.replace(/^\[[^\]]+\] /, ''));

    it.each(ways)('in progress, output and errors, %s', async (_way, runScript) => {
        harness.sim.setFaults(host, { provisioningEchoesSecrets: 'sticky', provisioningFailure: 'once' });
        const failed = await runScript(connectionString);
        expect(failureCode(failed)).toBe('ProvisioningFailed');
        // The cmdlet did repeat both (so the check below is not vacuous), and each came out masked.
        expect(failed.failure).toContain('(key ***, input ***)');
        expect(statuses(failed)).toEqual(expect.arrayContaining(['Using key *** for the device', 'Device connection string: ***']));
        expect(visibleText(failed)).not.toContain(KEY_32);

        const provisioned = await runScript(connectionString);
        expect(outputOf(provisioned)).toEqual({ status: 'provisioned', provisioningType: 'ManualConnectionString', source: 'manual' });
        expect(callsOf(provisioned, 'Provision-EflowVm')[0].parameters['devConnString']).toBe(devConnString);
        expect(statuses(provisioned)).toEqual(expect.arrayContaining(['Using key *** for the device', 'Device connection string: ***']));
        expect(visibleText(provisioned)).not.toContain(KEY_32);
    }, RUN_TIMEOUT_MS);

    it.each(ways)('the symmetric key too, %s', async (_way, runScript) => {
        harness.sim.setFaults(host, { provisioningEchoesSecrets: 'sticky', provisioningFailure: 'once' });
        const failed = await runScript(symmetricKey);
        expect(failureCode(failed)).toBe('ProvisioningFailed');
        expect(failed.failure).toContain('(key ***, input ***)');
        expect(statuses(failed)).toContain('Using key *** for the symmetric key attestation');
        expect(visibleText(failed)).not.toContain(KEY_32);
    }, RUN_TIMEOUT_MS);
});

describe('Test-EflowDeployment and Test-EflowDeploymentInput', () => {
    it('tells the states of fleet hosts apart', async () => {
        const verdicts: Record<string, string> = {};
        for (const host of ['edge-healthy', 'edge-unprovisioned', 'edge-stopped', 'msi-installed']) {
            verdicts[host] = String(outputOf(await harness.run(host, 'Test-EflowDeployment'))['verdict']);
        }
        expect(verdicts).toEqual({ 'edge-healthy': 'healthy', 'edge-unprovisioned': 'notProvisioned', 'edge-stopped': 'vmStopped', 'msi-installed': 'notDeployed' });
        const healthy = outputOf(await harness.run('edge-healthy', 'Test-EflowDeployment'));
        expect(healthy['modules']).toEqual(expect.arrayContaining([{ name: 'edgeAgent', status: 'running' }]));
        expect(healthy['services']).toEqual(expect.arrayContaining([{ name: 'aziot-edged', state: 'Running' }]));
    }, RUN_TIMEOUT_MS);

    it('answers whether files exist and addresses answer ping, without changing anything', async () => {
        const run = await harness.run('ready-to-deploy', 'Test-EflowDeploymentInput', {
            Path: ['C:\\certs\\device-identity.cert.pem', 'C:\\certs\\[a].pem'], Ip4Address: '172.31.250.250', Ip4GatewayAddress: '1.1.1.1'
        });
        expect(outputOf(run)).toEqual({
            paths: [{ path: 'C:\\certs\\device-identity.cert.pem', exists: true }, { path: 'C:\\certs\\[a].pem', exists: false }], msi: null,
            addressInUse: false, gatewayReachable: true
        });
        expect(callsOf(run, 'Test-Path').map(c => c.parameters)).toEqual([
            { LiteralPath: ['C:\\certs\\device-identity.cert.pem'], PathType: 'Leaf' }, { LiteralPath: ['C:\\certs\\[a].pem'], PathType: 'Leaf' }
        ]);
    }, RUN_TIMEOUT_MS);
});
