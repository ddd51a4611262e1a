/**
 * What the shell server tells the page at `shell-config.json`: the one place the page learns URLs from,
 * so the same bundle works on any ports.
 */
export interface ShellConfig {
    /** The gateway emulator's base URL (no trailing slash): the module's `gatewayName`, and `/sim/hosts`. */
    gatewayUrl: string;
    /** The module's name from its manifest. */
    moduleName: string;
    /** Where the shell server serves the built extension (ends with '/'). */
    moduleUrl: string;
    /** The tool's display name in the header. */
    toolTitle: string;
}

/** The path the page fetches its config from (relative to the page). */
export const SHELL_CONFIG_PATH = 'shell-config.json';
