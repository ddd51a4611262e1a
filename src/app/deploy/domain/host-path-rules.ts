/**
 * Rules for paths the host reads or writes (the MSI, certificate and key files, install folders). The wizard checks
 * the text; whether a file exists is asked of the host (Test-EflowDeploymentInput) and fed in as `exists`.
 */
import {
    HOST_FILE_PATH_LENGTH, HOST_FILE_PATH_PATTERN, LOCAL_DIRECTORY_LENGTH, LOCAL_DIRECTORY_PATTERN, MSI_PATH_PATTERN
} from './script-patterns';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';

/** Windows' classic MAX_PATH: what msiexec and the AzureEFLOW cmdlets can be relied on to handle. */
export const MAX_HOST_PATH_LENGTH = HOST_FILE_PATH_LENGTH.max;
/** Folders leave room for the files the MSI puts in them (the VHDX name alone is about 40 characters). */
export const MAX_FOLDER_PATH_LENGTH = LOCAL_DIRECTORY_LENGTH.max;

/** Whether a path names a share (\\server\share\...). */
export function isUncPath(path: string): boolean {
    return path.startsWith('\\\\');
}

/**
 * A file the host reads: absolute (`C:\...`) or UNC (`\\server\share\...`), at most MAX_HOST_PATH_LENGTH characters;
 * `pattern` narrows the file kind (e.g. MSI_PATH_PATTERN). `exists`: the host's answer, null when not asked yet.
 */
export function validateHostFilePath(field: string, label: string, path: string, exists: boolean | null,
    pattern: RegExp = HOST_FILE_PATH_PATTERN): ValidationMessage[] {
    if (path.length === 0) {
        return [validationError(field, 'pathRequired', `Enter the path of the ${label} on the host.`)];
    }
    if (path.length > MAX_HOST_PATH_LENGTH) {
        return [validationError(field, 'pathTooLong', `The path has ${path.length} characters; at most ${MAX_HOST_PATH_LENGTH} work reliably.`)];
    }
    if (!pattern.test(path)) {
        const kind = pattern === MSI_PATH_PATTERN ? ' ending in .msi' : '';
        return [validationError(field, 'pathInvalid',
            `Enter a full path on the host${kind}, e.g. C:\\certs\\device.pem or \\\\server\\share\\device.pem, without * ? " < > | characters.`)];
    }
    if (exists === false) {
        return [validationError(field, 'pathNotFound', `The host cannot find ${path}.`)];
    }
    if (isUncPath(path)) {
        return [validationWarning(field, 'pathOnShare',
            'The host reads this share with the credentials of the Windows Admin Center session; without Kerberos delegation (CredSSP) that second hop is denied. A local path is safer.')];
    }
    return [];
}

/** The MSI file of a "use an MSI on the host" product source. */
export function validateMsiPath(path: string, exists: boolean | null): ValidationMessage[] {
    return validateHostFilePath('product.source.msiPath', 'MSI file', path, exists, MSI_PATH_PATTERN);
}

/** An optional local install folder (INSTALLDIR, VHDXDIR); empty means the MSI's default. */
export function validateInstallFolder(field: string, label: string, path: string): ValidationMessage[] {
    if (path.length === 0) {
        return [];
    }
    if (path.length > MAX_FOLDER_PATH_LENGTH) {
        return [validationError(field, 'folderTooLong', `The ${label} has ${path.length} characters; at most ${MAX_FOLDER_PATH_LENGTH}.`)];
    }
    if (!LOCAL_DIRECTORY_PATTERN.test(path)) {
        return [validationError(field, 'folderInvalid',
            `The ${label} must be a full local folder path such as D:\\EFLOW (not a share), without * ? " < > | characters.`)];
    }
    return [];
}
