/**
 * The simulator's public surface: what the gateway emulator, the dev shell and the tests use.
 * Everything else in tools/simulator is internal to it.
 */
import type { CallEvent, CallOutcome, JsonValue } from '../pwsh-host/protocol';

/** WAC connection types the simulated hosts present as. */
export type ConnectionType = 'msft.sme.connection-type.server' | 'msft.sme.connection-type.windows-client';

/** One row of the dev shell's connection list. */
export interface FleetHostInfo {
    /** The node name: what WAC puts in `/api/nodes/{node}/...`. Lower case, unique. */
    name: string;
    connectionType: ConnectionType;
    tags: string[];
    /** Whether the gateway can reach the host now (false for an offline host). */
    reachable: boolean;
    /** One line saying what this host demonstrates, for people and for screenshots. */
    description: string;
}

/** How the gateway sees a host at the transport level, before any PowerShell runs. */
export interface HostConnection {
    reachable: boolean;
    /** Extra delay the gateway adds to every request for this host, in ms. */
    latencyMs: number;
    /** Probability (0..1) that a request fails with a transient transport error. */
    failureRate: number;
}

/** A call a script made to a stand-in cmdlet on a host. */
export interface StandInCall {
    host: string;
    /**
     * `AzureEFLOW` or `Windows` (the module the stand-in cmdlet belongs to), or `WindowsInstaller` (the PowerShell
     * host's stand-in for that COM object).
     */
    module: string;
    command: string;
    parameters: { [name: string]: JsonValue };
}

/** Per-host knobs that tests and people turn to make a host misbehave. */
export interface HostFaults {
    /** The gateway cannot reach the host. */
    offline: boolean;
    /** Extra per-request latency in ms. */
    latencyMs: number;
    /** Probability (0..1) of a transient transport failure per request. */
    failureRate: number;
    /** When set, Get-EflowVm throws this message. */
    getEflowVmThrows: string | null;
    // Added (optional) by the simulator engineer: one-shot or sticky fault injection. See tools/simulator/README.md.
    /** msiexec /i exits 1603 (ERROR_INSTALL_FAILURE, 0x80070643) and nothing is installed. */
    msiInstallFailure?: FaultMode | null;
    /** Deploy-Eflow fails its memory check: "Not enough memory available." */
    deployNotEnoughMemory?: FaultMode | null;
    /** Deploy-Eflow fails its disk check: "Not enough disk space is available on drive 'C:'". */
    deployNotEnoughDisk?: FaultMode | null;
    /** New-VMSwitch fails with "Installation of virtual switch failed" and creates nothing. */
    switchCreationFailure?: FaultMode | null;
    /** Deploy-Eflow fails at the given step with an "Unable to create virtual machine" nodectl error. */
    vmCreationFailure?: { step: DeployFailureStep; mode: FaultMode } | null;
    /**
     * msiexec /x of the EFLOW product exits with `exitCode` (e.g. 1603, 1618) after its usual duration and removes
     * nothing, as a rolled-back uninstall does.
     */
    msiUninstallFailure?: { exitCode: number; mode: FaultMode } | null;
    /** Provision-EflowVm fails: "Failed to provision config.toml. Please provision manually." */
    provisioningFailure?: FaultMode | null;
    /** Deploy-Eflow fails its processor check: "Not enough CPU cores available." (whatever -cpuCount is). */
    deployNotEnoughCpu?: FaultMode | null;
    /**
     * Provision-EflowVm repeats the secrets it was given, as a module that logs its input would: the SharedAccessKey
     * alone (or the symmetric key) in an information line, the whole connection string in a warning, both in an
     * output line, and both in its error when provisioningFailure fires too. Only for tests of the scripts' masking;
     * the simulator never repeats a secret otherwise.
     */
    provisioningEchoesSecrets?: FaultMode | null;
    /**
     * Reading the Hyper-V feature or role fails with this message (Get-WindowsOptionalFeature, Get-WindowsFeature),
     * as when the session is not elevated or DISM is broken; null clears it.
     */
    hyperVReadFailure?: string | null;
}

/** `once`: the fault fires on the next matching call, then clears itself. `sticky`: it fires until cleared. */
export type FaultMode = 'once' | 'sticky';

/** The Deploy-Eflow steps at which VM creation can be made to fail (their step-log lines). */
export type DeployFailureStep = 'storage' | 'vnic' | 'instantiate';

/** Fleet-wide knobs. */
export interface GlobalKnobs {
    /** Added to every host's latency, in ms. */
    latencyMs: number;
    /** Added to every host's failure rate. */
    failureRate: number;
    /**
     * Multiplier for simulated durations of long operations (deploy, install, start). 1 = realistic-ish
     * (tens of seconds), 0.01 = tests. 0 makes them instant.
     */
    timeScale: number;
}

export interface SimulatorApi {
    listHosts(): FleetHostInfo[];
    hasHost(name: string): boolean;
    connection(name: string): HostConnection;
    /**
     * Answers one stand-in call. `onEvent` receives progress and host output while the call runs (long operations
     * stream them); the promise resolves with the outcome. An aborted signal ends the call early with a
     * terminating "The pipeline has been stopped." error and leaves the host in a definite state.
     */
    call(call: StandInCall, onEvent: (event: CallEvent) => void, signal: AbortSignal): Promise<CallOutcome>;
    /** A deep copy of a host's full simulated state (for tests and the /sim API). */
    getHostState(name: string): JsonValue;
    setFaults(name: string, faults: Partial<HostFaults>): void;
    setGlobalKnobs(knobs: Partial<GlobalKnobs>): void;
    getGlobalKnobs(): GlobalKnobs;
    /** Restores the fleet it was created with (default fleet or generated fleet) and clears all faults. */
    reset(): void;
    /** Writes the state to its folder now (it also does so on its own shortly after every change). */
    flush(): Promise<void>;
}
