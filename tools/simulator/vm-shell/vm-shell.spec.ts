import { parseSystemStatus } from '../../../src/app/core/domain/system-status';
import type { HostState } from '../state/host-state';
import { asArray, harness } from '../testing/sim-harness';
import { iotedge } from './iotedge';
import { tabWriter } from './tab-writer';
import { tokenize } from './tokenize';

async function run(h: ReturnType<typeof harness>, host: string, command: string, ignoreError = false): Promise<string[]> {
    const result = await h.eflow(host, 'Invoke-EflowVmCommand', ignoreError ? { command, ignoreError } : { command });
    return asArray(result.value()).map(String);
}

describe('VM shell (Invoke-EflowVmCommand)', () => {
    it('prints iotedge list exactly as the TabWriter does (min width 15, sorted by name, last column unpadded)', async () => {
        const h = harness();
        expect(await run(h, 'module-failing', 'sudo iotedge list')).toEqual([
            'NAME                        STATUS         DESCRIPTION                 Config',
            'OpcPublisher                failed         Failed (137) 3 minutes ago  mcr.microsoft.com/iotedge/opc-publisher:2.9.10',
            'SimulatedTemperatureSensor  running        Up 2 days                   mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5',
            'edgeAgent                   running        Up 2 days                   mcr.microsoft.com/azureiotedge-agent:1.5',
            'edgeHub                     running        Up 2 days                   mcr.microsoft.com/azureiotedge-hub:1.5'
        ]);
    });

    it('restarts a crash-looping module, which fails again two minutes later', async () => {
        const h = harness();
        expect(await run(h, 'module-failing', 'sudo iotedge restart OpcPublisher')).toEqual(['OpcPublisher']);
        h.clock.advance(60_000);
        expect((await run(h, 'module-failing', 'iotedge list'))[1]).toMatch(/^OpcPublisher\s+running\s+Up a minute\s+/);
        h.clock.advance(4 * 60_000);
        expect((await run(h, 'module-failing', 'iotedge list'))[1])
            .toMatch(/^OpcPublisher\s+failed\s+Failed \(137\) 3 minutes ago\s+/);
    });

    it('pads columns to at least 15 and never pads the last one', () => {
        expect(tabWriter([['A', 'B', 'C'], ['long-module-name-x', 'ok', 'tail']])).toEqual([
            'A                   B              C',
            'long-module-name-x  ok             tail'
        ]);
    });

    it('prints iotedge check as text with marks and summary, exiting non-zero on errors', async () => {
        const h = harness();
        const text = await run(h, 'edge-healthy', 'sudo iotedge check');
        expect(text).toContain('\u221A daemons are running - OK');
        expect(text).toContain('\u203C DNS server - Warning');
        expect(text.slice(-2)).toEqual(['22 check(s) succeeded.', '4 check(s) raised warnings.']);
        const failing = await h.eflow('edge-unprovisioned', 'Invoke-EflowVmCommand', { command: 'sudo iotedge check' });
        expect(failing.error()).toMatch(/^Command 'sudo iotedge check' failed in the virtual machine with exit code 1/);
        const lines = await run(h, 'edge-unprovisioned', 'sudo iotedge check', true);
        expect(lines).toContain('\u00D7 identityd configuration is well-formed - Error');
        expect(lines).toContain('1 check(s) raised errors.');
        expect(lines.at(-1)).toMatch(/^\d+ check\(s\) were skipped due to errors from other checks\.$/);
    });

    it('prints iotedge check -o json with additional_info and results by check id', async () => {
        const h = harness();
        const [line] = await run(h, 'eflow-14-lts', 'sudo iotedge check -o json');
        const report = JSON.parse(line ?? '{}') as {
            additional_info: { aziot_edged_version: string; os: { id: string }; system_info: { disks: { percent_free: number }[] } };
            checks: Record<string, { result: string; details?: string[]; additional_info?: Record<string, unknown> }>;
        };
        expect(report.additional_info.aziot_edged_version).toBe('1.4.27');
        expect(report.additional_info.os.id).toBe('mariner');
        expect(report.checks['aziot-edge-version']?.result).toBe('warning');
        expect(report.checks['aziot-edge-version']?.details?.[0]).toContain('1.5.21 is the latest stable version');
        expect(report.checks['container-default-connect-upstream-mqtt']).toEqual({ result: 'ok', additional_info: {} });
        const full = JSON.parse((await run(h, 'vm-disk-full', 'iotedge check --output json'))[0] ?? '{}') as typeof report;
        expect(full.additional_info.system_info.disks[0]?.percent_free).toBe(5);
    });

    it('gives every check of iotedge check -o json its own additional_info, with what the check recorded', async () => {
        const h = harness();
        const checksOf = async (host: string): Promise<Record<string, { additional_info?: unknown }>> =>
            (JSON.parse((await run(h, host, 'sudo iotedge check -o json'))[0] ?? '{}') as
                { checks: Record<string, { additional_info?: unknown }> }).checks;
        const old = await checksOf('eflow-14-lts');
        expect(Object.keys(old).length).toBeGreaterThan(10);
        for (const [id, check] of Object.entries(old)) {
            expect([id, typeof check.additional_info, Array.isArray(check.additional_info)]).toEqual([id, 'object', false]);
        }
        expect(old['aziot-edge-version']?.additional_info)
            .toEqual({ actual_edged_version: '1.4.27', expected_edged_version: '1.5.21' });
        const dnsInfo = async (): Promise<unknown> => (await checksOf('edge-healthy'))['container-engine-dns']?.additional_info;
        expect(await dnsInfo()).toEqual({ container_engine_config_path: '/etc/docker/daemon.json', dns: null });
        (await h.eflow('edge-healthy', 'Set-EflowVmDNSServers', { dnsServers: ['10.0.0.53', '1.1.1.1'] })).value();
        expect(await dnsInfo()).toEqual({ container_engine_config_path: '/etc/docker/daemon.json', dns: ['10.0.0.53', '1.1.1.1'] });
    });

    it('prints iotedge system status with 24-character names and the two hints', async () => {
        const h = harness();
        expect(await run(h, 'srv2022-dps', 'sudo iotedge system status')).toEqual([
            'System services:',
            '    aziot-edged             Running',
            '    aziot-identityd         Running',
            '    aziot-keyd              Running',
            '    aziot-certd             Running',
            '    aziot-tpmd              Running',
            '',
            "Use 'iotedge system logs' to check for non-fatal errors.",
            "Use 'iotedge check' to diagnose connectivity and configuration issues."
        ]);
        expect((await run(h, 'edge-unprovisioned', 'iotedge system status'))[1]).toBe('    aziot-edged             Ready');
    });

    it('follows a failed service in iotedge system status with its last 10 journal lines, which the dashboard parser skips', () => {
        const h = harness();
        const host = h.sim.getHostState('edge-healthy') as unknown as HostState;
        const vm = host.vm;
        if (!vm) throw new Error('edge-healthy has no VM');
        vm.aziotServices = vm.aziotServices.map(service => service.name === 'aziot-identityd'
            ? { ...service, state: 'Down', reason: 'failed' } : service);
        const lines = iotedge(['system', 'status'], { host, vm, now: h.clock.now(), changed: () => undefined }).stdout;
        expect(lines.slice(0, 7)).toEqual([
            'System services:',
            '    aziot-edged             Running',
            '    aziot-identityd         Down - failed',
            '    aziot-keyd              Running',
            '    aziot-certd             Running',
            '    aziot-tpmd              Ready',
            ''
        ]);
        expect(lines.slice(7, 9)).toEqual([
            'aziot-identityd is in a bad state because:',
            'aziot-identityd.service: Down - failed: Printing the last 10 log lines.'
        ]);
        const journal = lines.slice(9, 19);
        // journalctl's short format, newest last, on the VM's host name.
        for (const line of journal) {
            expect(line).toMatch(/^[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} EDGE-HEALTHY-EFLOW (systemd\[1\]|aziot-identityd\[\d+\]): /);
        }
        expect(journal.at(-1)).toMatch(/systemd\[1\]: Failed to start Azure IoT Identity Service\.$/);
        expect(lines.slice(19)).toEqual(['', "Use 'iotedge system logs' to check for non-fatal errors.",
            "Use 'iotedge check' to diagnose connectivity and configuration issues."]);
        // The dashboard's parser reads the five service lines and nothing from the report or the journal.
        expect(parseSystemStatus(lines)).toEqual([
            { name: 'aziot-edged', state: 'running', reason: null },
            { name: 'aziot-identityd', state: 'down', reason: 'failed' },
            { name: 'aziot-keyd', state: 'running', reason: null },
            { name: 'aziot-certd', state: 'running', reason: null },
            { name: 'aziot-tpmd', state: 'ready', reason: null }
        ]);
    });

    it('answers version, reprovision, restart, uname, hostname, cat and grep', async () => {
        const h = harness();
        expect(await run(h, 'edge-healthy', 'iotedge version')).toEqual(['iotedge 1.5.21']);
        expect(await run(h, 'arm64-cr', 'sudo iotedge system reprovision')).toEqual(['Successfully reprovisioned with IoT Hub.']);
        expect(await run(h, 'edge-healthy', 'sudo iotedge system restart')).toEqual([]);
        expect(await run(h, 'edge-healthy', 'uname -r')).toEqual(['6.6.96.1-1.azl3']);
        expect(await run(h, 'arm64-cr', 'uname -m')).toEqual(['aarch64']);
        expect(await run(h, 'edge-healthy', 'hostname')).toEqual(['EDGE-HEALTHY-EFLOW']);
        expect((await run(h, 'edge-healthy', 'cat /etc/os-release'))[0]).toBe('NAME="Microsoft Azure Linux"');
        expect((await run(h, 'eflow-14-lts', 'cat /etc/os-release'))[0]).toBe('NAME="Common Base Linux Mariner"');
        expect(await run(h, 'edge-healthy', "grep -E -m 1 '^(source|connection_string)' /etc/aziot/config.toml"))
            .toEqual(['source = "manual"']);
        expect(await run(h, 'edge-healthy', 'grep -m 5 nothing-here /etc/aziot/config.toml', true)).toEqual([]);
        expect(await run(h, 'edge-healthy', 'cat /etc/shadow', true)).toEqual(['cat: /etc/shadow: No such file or directory']);
    });

    it('answers df -h and free -m from the VM statistics', async () => {
        const h = harness();
        const df = await run(h, 'vm-disk-full', 'df -h');
        expect(df[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
        expect(df.find(line => line.endsWith(' /var'))).toMatch(/\s95% \/var$/);
        const free = await run(h, 'edge-healthy', 'free -m');
        expect(free[0]).toBe('               total        used        free      shared  buff/cache   available');
        expect(free[1]).toMatch(/^Mem:\s+3834\s+1720\s+/);
    });

    it('returns module logs honouring --tail and --since', async () => {
        const h = harness();
        const tail = await run(h, 'edge-healthy', 'sudo iotedge logs edgeHub --tail 5');
        expect(tail).toHaveLength(5);
        expect(tail[0]).toMatch(/^<6> 2026-03-0\d \d\d:\d\d:\d\d\.\d{3} \+00:00 \[INF\] - /);
        const recent = await run(h, 'edge-healthy', 'sudo iotedge logs edgeHub --since 30m');
        expect(recent.length).toBeGreaterThan(0);
        expect(recent.length).toBeLessThan(tail.length + 10);
        const failed = await run(h, 'module-failing', 'iotedge logs OpcPublisher --tail 1');
        expect(failed[0]).toContain('[ERR]');
        expect((await h.eflow('edge-healthy', 'Invoke-EflowVmCommand', { command: 'iotedge logs nope' })).error())
            .toBe("Command 'iotedge logs nope' failed in the virtual machine with exit code 1: Error: Module nope not found");
    });

    it('answers an unknown command as bash does: exit 127, an error unless -ignoreError', async () => {
        const h = harness();
        expect((await h.eflow('edge-healthy', 'Invoke-EflowVmCommand', { command: 'sudo tdnf install nginx' })).error())
            .toBe("Command 'sudo tdnf install nginx' failed in the virtual machine with exit code 127: " +
                'bash: line 1: tdnf: command not found');
        expect(await run(h, 'edge-healthy', 'tdnf install nginx', true)).toEqual(['bash: line 1: tdnf: command not found']);
        expect(await run(h, 'edge-healthy', 'iotedge list | grep edgeAgent', true))
            .toEqual(["bash: line 1: the simulator does not model '|' in commands"]);
    });

    it('fails when the VM cannot be reached, with the documented errors', async () => {
        const h = harness();
        expect((await h.eflow('edge-stopped', 'Invoke-EflowVmCommand', { command: 'hostname' })).error())
            .toBe('Cannot process request, EFLOW VM is OFF!');
        expect((await h.eflow('vm-ip-broken', 'Invoke-EflowVmCommand', { command: 'hostname' })).error())
            .toBe('Could not resolve virtual machine IP address at line 1542');
        expect((await h.eflow('msi-installed', 'Invoke-EflowVmCommand', { command: 'hostname' })).error())
            .toBe('Virtual machine does not exist, deploy it first');
        expect((await h.eflow('edge-unprovisioned', 'Invoke-EflowVmCommand', { command: 'iotedge list' })).error())
            .toMatch(/exit code 1: An error occurred: Could not list modules/);
        // Get-EflowVm's ModuleList comes from `sudo iotedge list`: it fails as documented (eflow.md 5).
        expect((await h.eflow('edge-unprovisioned', 'Get-EflowVm')).error()).toBe("Unexpected return from 'sudo iotedge list'");
    });

    it('runs a ; list in order, interleaving each command\'s output, with the last command\'s exit status', async () => {
        const h = harness();
        const lines = await run(h, 'edge-unprovisioned',
            'sudo iotedge version; echo @@MARK@@; sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml; echo done', true);
        expect(lines[1]).toBe('@@MARK@@');
        expect(lines[lines.length - 1]).toBe('done');
        expect(lines.slice(2, -1).join('\n')).toMatch(/No such file|^$/);
        expect(await run(h, 'edge-healthy', "echo 'a;b'; echo c")).toEqual(['a;b', 'c']);
        await expect(run(h, 'edge-healthy', 'echo ok; nosuchtool')).rejects.toThrow(/exit code 127/);
    });

    it('tokenizes quotes and rejects shell operators', () => {
        expect(tokenize(`grep -E "a b" 'c "d"' e\\"f`)).toEqual({ words: ['grep', '-E', 'a b', 'c "d"', 'e"f'] });
        expect(tokenize('echo x; rm -rf /')).toEqual({ unsupported: ';' });
        expect(tokenize('echo $(id)')).toEqual({ unsupported: '$(' });
    });
});
