/**
 * State changes of the EFLOW installation and the VM's power, shared by msiexec, the AzureEFLOW cmdlets, reboots
 * and the fleet builder so each effect (free memory, services, files) is applied in one place.
 */
import type { EflowInstall, HostState, VmState } from '../state/host-state';
import { productCodeFromSeed } from './ids';
import { compareVersions, type MsiProduct, runtimeForVersion, trainOf } from './products';

export const DEFAULT_INSTALL_PATH = 'C:\\Program Files\\Azure IoT Edge';
export const VHDX_FILE_NAME = 'AzureIoTEdgeForLinux-v1-EFLOW.vhdx';
export const MODULE_FILE_PATH = 'C:\\Program Files\\WindowsPowerShell\\Modules\\AzureEFLOW\\AzureEFLOW.psm1';
/** WSSDAgent's certificate lives one calendar year from install (eflow.md section 13). */
export function wssdCertificateExpiry(installedAt: Date): Date {
    const expiry = new Date(installedAt.getTime());
    expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
    return expiry;
}

/** The Uninstall key product code of a product (stable per name, version and architecture). */
export function productCodeOf(product: MsiProduct): string {
    return productCodeFromSeed(`${product.productName}|${product.version}|${product.architecture}`);
}

/** Full path of the VHDX of an installation. */
export function vhdxFilePath(install: EflowInstall): string {
    return `${install.vhdxPath.replace(/\\+$/, '')}\\${VHDX_FILE_NAME}`;
}

/** A fresh installation record of `product` installed at `installedAt`. */
export function newInstall(product: MsiProduct, installedAt: Date,
    paths: { installPath?: string; vhdxPath?: string } = {}): EflowInstall {
    const installPath = paths.installPath ?? DEFAULT_INSTALL_PATH;
    return {
        productName: product.productName,
        version: product.version,
        architecture: product.architecture,
        installDate: installedAt.toISOString(),
        installPath,
        vhdxPath: paths.vhdxPath ?? installPath,
        productCode: productCodeOf(product),
        wssdAgent: 'Running',
        eflowProxy: 'Running',
        wssdCertificateExpiry: wssdCertificateExpiry(installedAt).toISOString(),
        deployment: 'none',
        migrationPending: false
    };
}

/** Puts `install` on the host: the record plus the module file PowerShell finds. */
export function applyInstall(host: HostState, install: EflowInstall): void {
    host.eflow = install;
    addFile(host, { path: MODULE_FILE_PATH, kind: 'other' });
}

/** msiexec /x: removes the product, its VM, its VHDX and its module (virtual switches stay, as on Windows). */
export function applyUninstall(host: HostState): void {
    if (host.eflow) {
        const vhdx = vhdxFilePath(host.eflow).toLowerCase();
        host.windows.files = host.windows.files.filter(file => file.path.toLowerCase() !== vhdx &&
            file.path.toLowerCase() !== MODULE_FILE_PATH.toLowerCase());
    }
    if (host.vm) {
        powerOff(host, host.vm);
    }
    host.vm = null;
    host.eflow = null;
}

/**
 * msiexec /i of a newer version of the installed train: the version changes, the VM gets the new runtime and is
 * restarted; the install date and so the WSSDAgent certificate do not change (updates do not renew it).
 */
export function applyUpdate(host: HostState, product: MsiProduct, now: Date): void {
    if (!host.eflow) {
        return;
    }
    host.eflow.version = product.version;
    host.eflow.productCode = productCodeOf(product);
    const vm = host.vm;
    if (vm) {
        vm.runtime = runtimeForVersion(product.version, product.architecture);
        const tag = vm.runtime.iotEdgeVersion.split('.').slice(0, 2).join('.');
        for (const module of vm.modules) {
            module.image = module.image.replace(/(azureiotedge-(agent|hub)):[0-9.]+$/, `$1:${tag}`);
        }
        if (vm.powerState === 'Running') {
            restartGuest(vm, now);
        }
    }
}

/** How msiexec /i of `product` relates to what is installed. */
export function classifyInstall(host: HostState, product: MsiProduct): 'fresh' | 'same' | 'update' | 'conflict' {
    const installed = host.eflow;
    if (!installed) {
        return 'fresh';
    }
    if (installed.productName !== product.productName || trainOf(installed.version) === '1.1' &&
        trainOf(product.version) !== '1.1') {
        // Train switches (LTS <-> CR, 1.1 -> 1.4) need uninstall/reinstall or the migration cmdlets.
        return 'conflict';
    }
    const order = compareVersions(product.version, installed.version);
    return order === 0 ? 'same' : order > 0 ? 'update' : 'conflict';
}

/** Adds a host file (replacing one at the same path). */
export function addFile(host: HostState, file: HostState['windows']['files'][number]): void {
    const key = file.path.toLowerCase();
    host.windows.files = host.windows.files.filter(existing => existing.path.toLowerCase() !== key);
    host.windows.files.push(file);
}

/** Starts the VM: it takes its memory from the host, the guest boots, modules start again. */
export function powerOn(host: HostState, vm: VmState, now: Date): void {
    if (vm.powerState === 'Running') {
        return;
    }
    vm.powerState = 'Running';
    host.windows.freeMemoryMb = Math.max(0, host.windows.freeMemoryMb - vm.memoryMb);
    restartGuest(vm, now);
}

/** Stops the VM and gives its memory back to the host. */
export function powerOff(host: HostState, vm: VmState): void {
    if (vm.powerState === 'Off') {
        return;
    }
    vm.powerState = 'Off';
    host.windows.freeMemoryMb = Math.min(host.windows.totalMemoryMb, host.windows.freeMemoryMb + vm.memoryMb);
}

/**
 * A guest boot: uptime restarts, modules that were running or failed start again (a stopped module stays stopped),
 * and a broken IP resolution is healed (Stop-/Start-EflowVm is the documented fix, issue #279).
 */
export function restartGuest(vm: VmState, now: Date): void {
    const startedAt = now.toISOString();
    vm.startedAt = startedAt;
    if (vm.ipAddress === null && vm.endpoints[0]) {
        vm.ipAddress = vm.endpoints[0].ipAddress;
    }
    vm.modules.forEach((module, index) => {
        if (module.status === 'stopped') {
            return;
        }
        module.status = 'running';
        module.exitCode = 0;
        module.stoppedAt = null;
        module.startedAt = new Date(now.getTime() + 15_000 * (index + 1)).toISOString();
    });
}
