/**
 * The SDK's own client stack, built without a shell ("Direct mode", wac-sdk.md section 5): GatewayConnection
 * pointed at the emulator with `configureGatewayEnvironment`, NodeConnection, BatchConnection and
 * PowerShellConnection, exactly the objects AppContext holds in a real module.
 */
import { MsftSmeMock } from '@microsoft/windows-admin-center-sdk/core/base/msft-sme.mock';
import { BatchConnection } from '@microsoft/windows-admin-center-sdk/core/data/batch-connection';
import { CoreEnvironment } from '@microsoft/windows-admin-center-sdk/core/data/core-environment';
import { GatewayConnection } from '@microsoft/windows-admin-center-sdk/core/data/gateway-connection';
import { Http } from '@microsoft/windows-admin-center-sdk/core/data/http';
import { LifetimeData } from '@microsoft/windows-admin-center-sdk/core/data/lifetime-data';
import { NodeConnection } from '@microsoft/windows-admin-center-sdk/core/data/node-connection';
import { PowerShellConnection } from '@microsoft/windows-admin-center-sdk/core/data/powershell-connection';
import { Rpc } from '@microsoft/windows-admin-center-sdk/core/rpc/rpc';
import { AuthorizationManager, NodeAuthorizationHandler } from '@microsoft/windows-admin-center-sdk/core/security/authorization-manager';
import * as sdkStrings from '@microsoft/windows-admin-center-sdk/core/assets/strings/strings.json';

/** The URL family the SDK uses follows `Init.gatewayApiVersion` (EnvironmentModule.isGatewayV200). */
export type GatewayApiVersion = '1.0.0' | '2.0.0';

export const MODULE_NAME = 'contoso.eflow';
export const POWERSHELL_MODULE_NAME = 'Contoso.Eflow';

/**
 * Makes `MsftSme.self()` and `MsftSme.getStrings()` answer as in a module the shell initialized. Jest restores
 * spies after each test (restoreMocks), so call this in `beforeEach`.
 */
export function mockModuleEnvironment(gatewayApiVersion: GatewayApiVersion): void {
    MsftSmeMock.mockStrings(sdkStrings as unknown as { Strings: unknown });
    MsftSmeMock.mockSelf({
        Init: { moduleName: MODULE_NAME, powerShellModuleName: POWERSHELL_MODULE_NAME, powerShellPrefix: '', gatewayApiVersion },
        Environment: { name: MODULE_NAME, version: '1.0.0' }
    });
    // GatewayConnection.createRequest reads the UI language for `accept-language`; CoreEnvironment.initialize
    // (which needs the shell's assets) would set it.
    (CoreEnvironment as unknown as { localizationManager: unknown }).localizationManager = {
        getLocaleId: () => ({ id: 'en-US', neutral: 'en' })
    };
}

export interface SdkClient {
    gateway: GatewayConnection;
    node: NodeConnection;
    powerShell: PowerShellConnection;
}

/**
 * A fresh client stack talking to `gatewayUrl`. `authorize` stands in for the shell's credential prompt: without it
 * the client asks for no credentials, and a 401/403 (which the emulator answers only when told to refuse a command)
 * fails the request at once.
 */
export function createSdkClient(gatewayUrl: string, authorize: NodeAuthorizationHandler | null = null): SdkClient {
    const rpc = new Rpc();
    // The SDK checks for a handler before it asks (canHandleAjaxFailure): null means no prompt.
    const authorizationManager = new AuthorizationManager(authorize as NodeAuthorizationHandler, rpc);
    const gateway = new GatewayConnection(new Http(), rpc, authorizationManager);
    gateway.configureGatewayEnvironment(gatewayUrl, true, null as never);
    const node = new NodeConnection(gateway, authorizationManager);
    const powerShell = new PowerShellConnection(new LifetimeData(), node, new BatchConnection(gateway, authorizationManager));
    return { gateway, node, powerShell };
}
