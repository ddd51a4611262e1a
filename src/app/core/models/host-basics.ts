/**
 * The Windows facts every host read reports in the same shape (from Win32_OperatingSystem, Win32_ComputerSystem,
 * Win32_Processor and the system drive): the overview and the deployment prerequisites both extend it.
 */
export interface HostBasics {
    computerName: string;
    /** Win32_OperatingSystem.Caption, e.g. "Microsoft Windows 11 IoT Enterprise". */
    osCaption: string;
    /** Win32_OperatingSystem.ProductType: 1 workstation, 2 domain controller, 3 server. */
    productType: number;
    buildNumber: number;
    /** Update build revision (UBR), 0 when unknown. */
    ubr: number;
    /** `x64`, `ARM64`, or `Unknown(<code>)`. */
    architecture: string;
    logicalProcessors: number;
    totalMemoryMB: number;
    freeMemoryMB: number;
    /** The system drive, where EFLOW installs by default. */
    systemDrive: { name: string; totalGB: number; freeGB: number };
    /** Win32_ComputerSystem.Model is "Virtual Machine" (or a VMware guest): nested virtualization. */
    isVirtualMachine: boolean;
}
