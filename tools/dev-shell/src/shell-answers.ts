/**
 * What the dev shell answers to a module's requests and sends in Init (wac-sdk.md section 5). Pure: no DOM.
 */
import type { GatewayApiVersion } from './shell-location';
import { readProperty, RpcForwardType } from './rpc-packet';
import type { WacConnection } from './wac-connection';

/** What the shell knows when a tool frame opens: the gateway and the connections, one of them active. */
export interface ShellContext {
    /** Base URL of every gateway HTTP call the module makes (the gateway emulator's URL, no trailing slash). */
    gatewayUrl: string;
    connections: WacConnection[];
    activeConnection: WacConnection;
}

/** The `Init` payload (`RpcInitData`) the SDK module accepts. */
export interface ShellInitData {
    entryPointType: 'tool';
    entryPointName: string;
    locale: string;
    localeRegional: string;
    sessionId: string;
    modules: never[];
    theme: 'light';
    assets: { css: string[]; cssV2: string[]; js: string[] };
    moduleAssets: { [name: string]: never };
    lib: null;
    sessionExpiration: number;
    performanceProfile: boolean;
    accessibilityMode: boolean;
    consoleDebug: number;
    sideLoad: { [name: string]: never };
    experiments: string[];
    connectivityLevel: string;
    shellVersion: string;
    gatewayApiVersion: GatewayApiVersion;
    gatewayPlatform: 'Windows';
}

/** The shell services a module initialises itself from with `Forward {service, type: Init}`. */
export const enum ForwardedService {
    GatewayConnection = 'gateway-connection',
    AuthorizationManager = 'authorization-manager',
    ConnectionManager = 'connection-manager'
}

/** The stylesheet the shell hands every tool in Init, as WAC hands its fonts (page/sdk-icons.css says why). */
export const SHELL_TOOL_STYLESHEET = 'sdk-icons.css';

/**
 * Builds the Init payload. `consoleDebug: 3` keeps the SDK's console output at warnings and errors; `cssAssets`: the
 * stylesheets the module's AssetManager links into its page (`assets.cssV2`, since the SDK runs with cssV2 on).
 */
export function buildInitData(gatewayApiVersion: GatewayApiVersion, sessionId: string, cssAssets: readonly string[] = []): ShellInitData {
    return {
        entryPointType: 'tool',
        entryPointName: 'main',
        locale: 'en',
        localeRegional: 'en-US',
        sessionId,
        modules: [],
        theme: 'light',
        assets: { css: [], cssV2: [...cssAssets], js: [] },
        moduleAssets: {},
        lib: null,
        sessionExpiration: 0,
        performanceProfile: false,
        accessibilityMode: false,
        consoleDebug: 3,
        sideLoad: {},
        experiments: [],
        connectivityLevel: '',
        shellVersion: '5.0.0',
        gatewayApiVersion,
        gatewayPlatform: 'Windows'
    };
}

/**
 * The response data for one request from the module. A `Forward` that initialises one of the three services the
 * module waits for before it opens gets `{result}`; everything else (a Forward notifying `activeConnection`,
 * Notification, Log, Telemetry, Report, WorkItem, Settings, ...) is acknowledged with `{}`, which is what the
 * SDK's clients accept from a shell that has nothing to say.
 */
export function answerModuleRequest(command: string, data: unknown, context: ShellContext): unknown {
    if (command !== 'Forward' || readProperty(data, 'type') !== RpcForwardType.Init) {
        return {};
    }
    switch (readProperty(data, 'service')) {
        case ForwardedService.GatewayConnection:
            return { result: { gatewayName: context.gatewayUrl, gatewayUrlSpecified: true, staticVersion: null } };
        case ForwardedService.AuthorizationManager:
            return { result: { manageAsToken: null, nodeTokens: {}, nodePowershellEndpoints: {}, signOnToken: null } };
        case ForwardedService.ConnectionManager:
            return { result: { connections: context.connections, activeConnection: context.activeConnection } };
        default:
            return {};
    }
}
