/**
 * Rules of wizard page 2 (product, channel, MSI source, install folders).
 */
import { validateInstallFolder, validateMsiPath } from './host-path-rules';
import { msiFileExists, validateMsiPackage, type MsiPackageReading } from './msi-package-rules';
import { channelOfInstalledProduct, findEflowProduct } from './product-catalog';
import { hasErrors, validationError, type ValidationMessage } from './validation-message';
import type { ProductChoice } from './wizard-model';

/** What page 2 checks against. */
export interface ProductHostFacts {
    /** `x64`, `ARM64` or something else; null when unknown. */
    architecture: string | null;
    /** ARP DisplayName of an installed EFLOW product, null when none is installed. */
    installedProductName: string | null;
    /** What the host read from the MSI file (exists, which product); null when not asked yet. */
    msiPackage: MsiPackageReading | null;
}

/** Every rule of page 2. */
export function validateProduct(product: ProductChoice, host: ProductHostFacts): ValidationMessage[] {
    const messages: ValidationMessage[] = [];
    const chosen = findEflowProduct(product.channel, product.architecture);
    if (host.architecture !== null && host.architecture !== product.architecture) {
        messages.push(validationError('product.architecture', 'architectureMismatch', { host: host.architecture, msi: product.architecture }));
    }
    if (host.installedProductName !== null) {
        const installedChannel = channelOfInstalledProduct(host.installedProductName);
        if (installedChannel !== null && installedChannel !== product.channel) {
            messages.push(validationError('product.channel', 'differentProductInstalled', { installed: host.installedProductName, chosen: chosen.displayName }));
        }
    }
    if (product.source.kind === 'hostPath') {
        const pathMessages = validateMsiPath(product.source.msiPath, msiFileExists(host.msiPackage));
        // Which product the file is matters only for a path that is right and names an existing file.
        messages.push(...pathMessages, ...hasErrors(pathMessages) ? [] : validateMsiPackage(product, host.msiPackage));
    }
    messages.push(...validateInstallFolder('product.installPath', 'labelInstallFolder', product.installPath));
    messages.push(...validateInstallFolder('product.vhdxPath', 'labelVmDiskFolder', product.vhdxPath));
    return messages;
}
