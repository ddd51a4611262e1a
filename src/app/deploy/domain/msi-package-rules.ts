/**
 * Whether an MSI given by path is the product the admin chose on the Product page. The host reads the package's own
 * database (Test-EflowDeploymentInput -MsiPath, through the shared Read-MsiPackage): its ProductName, which is the
 * ARP DisplayName it registers ("Azure IoT Edge LTS" for LTS, "Azure IoT Edge" for CR, eflow.md section 8), its
 * ProductVersion and the platform of its Template. Install-EflowProduct reads it again before installing and refuses
 * the same mismatches with coded errors, so these rules only tell the admin early.
 */
import type { EflowChannel } from './product-catalog';
import { validationError, type ValidationMessage } from './validation-message';
import type { ProductChoice } from './wizard-model';

/** What the host read from an MSI file. */
export interface MsiPackageReading {
    path: string;
    /**
     * eflow: an EFLOW MSI; notEflow: another product's (or one without a ProductName); unreadable: not a package
     * Windows Installer opens, or the host cannot read it; notFound: no such file.
     */
    status: 'eflow' | 'notEflow' | 'unreadable' | 'notFound';
    productName: string | null;
    productVersion: string | null;
    /** `x64`, `ARM64`, `x86`, `ARM` or the package's own platform name; null when unread. */
    architecture: string | null;
    /** The EFLOW channel its ProductName stands for; null for another product. */
    channel: EflowChannel | null;
    /** Why the package could not be read (host text), null otherwise. */
    error: string | null;
}

const FIELD = 'product.source.msiPath';

/** Whether the MSI file exists: null while the host has not answered. */
export function msiFileExists(reading: MsiPackageReading | null): boolean | null {
    return reading === null ? null : reading.status !== 'notFound';
}

/**
 * The errors of an MSI reading against the chosen channel and architecture (none for a match, for a file that does
 * not exist, whose error is the path rule's, and before the host answered).
 */
export function validateMsiPackage(product: ProductChoice, reading: MsiPackageReading | null): ValidationMessage[] {
    if (reading === null || reading.status === 'notFound') {
        return [];
    }
    const name = reading.productName ?? '';
    const version = reading.productVersion ?? '';
    switch (reading.status) {
        case 'unreadable':
            return [validationError(FIELD, 'msiUnreadable', { error: reading.error ?? '' })];
        case 'notEflow':
            return [name === '' ? validationError(FIELD, 'msiNotEflowUnnamed')
                : validationError(FIELD, 'msiNotEflow', { product: name, version })];
        case 'eflow':
            break;
    }
    if (reading.channel !== product.channel) {
        return [validationError(FIELD, 'msiChannelMismatch',
            { product: name, channel: reading.channel ?? '', version, chosen: product.channel })];
    }
    if (reading.architecture !== product.architecture) {
        return [validationError(FIELD, 'msiArchitectureMismatch',
            { product: name, version, msiArchitecture: reading.architecture ?? '', chosen: product.architecture })];
    }
    return [];
}

/** The reading when it is the chosen product (the Product page shows its version), null otherwise. */
export function confirmedMsiPackage(product: ProductChoice, reading: MsiPackageReading | null): MsiPackageReading | null {
    return reading !== null && reading.status === 'eflow' && validateMsiPackage(product, reading).length === 0 ? reading : null;
}
