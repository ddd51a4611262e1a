/**
 * The lifecycle every contract suite shares: the gateway emulator as a separate process (real PowerShell and the
 * default fleet), the first reachable host, and one SDK client for the file.
 */
import type { NodeAuthorizationHandler } from '@microsoft/windows-admin-center-sdk/core/security/authorization-manager';
import { EmulatorProcess, startEmulatorProcess } from './emulator-process';
import { createSdkClient, GatewayApiVersion, mockModuleEnvironment, SdkClient } from './sdk-client';
import { listHosts } from './sim-control';

export interface EmulatorClient {
    readonly emulator: EmulatorProcess;
    /** The first reachable simulated host. */
    readonly node: string;
    readonly client: SdkClient;
}

/**
 * Registers beforeAll/afterAll for the file and a beforeEach restoring the module environment (a Jest mock that
 * is restored after every test), and returns accessors for use inside tests. A describe block may set another
 * gateway API version in its own beforeEach. `authorize` is the client's credential prompt (see createSdkClient).
 */
export function useEmulatorClient(gatewayApiVersion: GatewayApiVersion = '1.0.0',
    authorize: NodeAuthorizationHandler | null = null): EmulatorClient {
    let started: { emulator: EmulatorProcess; node: string; client: SdkClient } | undefined;
    beforeAll(async () => {
        const emulator = await startEmulatorProcess(['--fleet', 'default', '--time-scale', '0']);
        const node = (await listHosts(emulator.url)).filter(host => host.reachable)[0]?.name ?? '';
        // One client per file: its services register as RPC forwarders, which can happen once per page. The URL
        // family is read from Init on every request, so suites switch it with mockModuleEnvironment.
        mockModuleEnvironment(gatewayApiVersion);
        started = { emulator, node, client: createSdkClient(emulator.url, authorize) };
    }, 180_000);
    afterAll(async () => {
        await started?.emulator.stop();
    }, 60_000);
    beforeEach(() => mockModuleEnvironment(gatewayApiVersion));
    const get = () => {
        if (!started) throw new Error('The emulator has not started (use it inside tests).');
        return started;
    };
    return {
        get emulator() { return get().emulator; },
        get node() { return get().node; },
        get client() { return get().client; }
    };
}
