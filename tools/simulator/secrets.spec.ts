import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { STATE_FILE_NAME } from './persistence/state-store';
import { harness, seededRandom, TEST_START } from './testing/sim-harness';

/** Distinctive secret values: none of them may appear anywhere the simulator keeps or returns. */
const SHARED_ACCESS_KEY = 'U2VjcmV0S2V5LUFBQUFCQkJCQ0NDQ0RERERFRUVF';
const SYMMETRIC_KEY = 'c3ltbWV0cmljLXNlY3JldC0xMTExMjIyMjMzMzM0NDQ0';
const CONNECTION_STRING = `HostName=contoso.azure-devices.net;DeviceId=secret-test;SharedAccessKey=${SHARED_ACCESS_KEY}`;

describe('secrets', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'sim-secrets-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('never appear in state, persisted files, outputs, events, errors or VM files', async () => {
        const h = harness({ stateDir: dir, now: () => TEST_START, random: seededRandom() });
        const seen: string[] = [];
        const track = async (...args: Parameters<typeof h.eflow>): Promise<void> => {
            const result = await h.eflow(...args);
            seen.push(JSON.stringify(result.outcome), JSON.stringify(result.events));
        };
        await track('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString',
            devConnString: CONNECTION_STRING, headless: true });
        await track('edge-unprovisioned', 'Invoke-EflowVmCommand', { command: 'cat /etc/aziot/config.toml' });
        await track('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString',
            devConnString: CONNECTION_STRING, headless: true });
        await track('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString',
            devConnString: `broken;SharedAccessKey=${SHARED_ACCESS_KEY}` });
        await track('msi-installed', 'Deploy-Eflow', { acceptEula: 'Yes', acceptOptionalTelemetry: 'Yes' });
        await track('msi-installed', 'Provision-EflowVm', { provisioningType: 'DpsSymmetricKey', scopeId: '0ne0000AAAA',
            registrationId: 'reg-1', symmKey: SYMMETRIC_KEY });
        await track('msi-installed', 'Invoke-EflowVmCommand', { command: 'cat /etc/aziot/config.toml' });
        await track('msi-installed', 'Get-EflowVm');
        await h.sim.flush();
        seen.push(JSON.stringify(h.sim.getHostState('edge-unprovisioned')), JSON.stringify(h.sim.getHostState('msi-installed')),
            readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8'));
        const everything = seen.join('\n');
        expect(everything).toContain('<secret not stored by the simulator>');
        expect(everything).toContain('secret-test');
        for (const secret of [SHARED_ACCESS_KEY, SYMMETRIC_KEY, CONNECTION_STRING]) {
            expect(everything).not.toContain(secret);
        }
    });
});
