/**
 * Rules for paths the host reads or writes (the MSI, certificate and key files, install folders). The wizard checks
 * the text; whether a file exists is asked of the host (Test-EflowDeploymentInput) and fed in as `exists`.
 */
import {
    HOST_FILE_PATH_LENGTH, HOST_FILE_PATH_PATTERN, LOCAL_DIRECTORY_LENGTH, LOCAL_DIRECTORY_PATTERN, MSI_PATH_PATTERN
} from './script-patterns';
import { messageOf, type DeployTextKey } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';

/** Windows' classic MAX_PATH: what msiexec and the AzureEFLOW cmdlets can be relied on to handle. */
export const MAX_HOST_PATH_LENGTH = HOST_FILE_PATH_LENGTH.max;
/** Folders leave room for the files the MSI puts in them (the VHDX name alone is about 40 characters). */
export const MAX_FOLDER_PATH_LENGTH = LOCAL_DIRECTORY_LENGTH.max;

/** Whether a path names a share (\\server\share\...). */
export function isUncPath(path: string): boolean {
    return path.startsWith('\\\\');
}

/** The "enter a full path" text with an example of the file's own kind: an MSI, a certificate, a private key. */
function invalidPathKey(label: DeployTextKey, pattern: RegExp): DeployTextKey {
    if (pattern === MSI_PATH_PATTERN) {
        return 'pathInvalidMsi';
    }
    return label === 'labelIdentityPrivateKey' ? 'pathInvalidKey' : 'pathInvalid';
}

/**
 * A file the host reads: absolute (`C:\...`) or UNC (`\\server\share\...`), at most MAX_HOST_PATH_LENGTH characters;
 * `pattern` narrows the file kind (e.g. MSI_PATH_PATTERN). `exists`: the host's answer, null when not asked yet.
 */
export function validateHostFilePath(field: string, label: DeployTextKey, path: string, exists: boolean | null,
    pattern: RegExp = HOST_FILE_PATH_PATTERN): ValidationMessage[] {
    if (path.length === 0) {
        return [validationError(field, 'pathRequired', { label: messageOf(label) })];
    }
    if (path.length > MAX_HOST_PATH_LENGTH) {
        return [validationError(field, 'pathTooLong', { length: path.length, max: MAX_HOST_PATH_LENGTH })];
    }
    if (!pattern.test(path)) {
        return [validationError(field, 'pathInvalid', messageOf(invalidPathKey(label, pattern)))];
    }
    if (exists === false) {
        return [validationError(field, 'pathNotFound', { path })];
    }
    if (isUncPath(path)) {
        return [validationWarning(field, 'pathOnShare')];
    }
    return [];
}

/** The MSI file of a "use an MSI on the host" product source. */
export function validateMsiPath(path: string, exists: boolean | null): ValidationMessage[] {
    return validateHostFilePath('product.source.msiPath', 'labelMsiFile', path, exists, MSI_PATH_PATTERN);
}

/** An optional local install folder (INSTALLDIR, VHDXDIR); empty means the MSI's default. */
export function validateInstallFolder(field: string, label: DeployTextKey, path: string): ValidationMessage[] {
    if (path.length === 0) {
        return [];
    }
    if (path.length > MAX_FOLDER_PATH_LENGTH) {
        return [validationError(field, 'folderTooLong', { label: messageOf(label), length: path.length, max: MAX_FOLDER_PATH_LENGTH })];
    }
    if (!LOCAL_DIRECTORY_PATTERN.test(path)) {
        return [validationError(field, 'folderInvalid', { label: messageOf(label) })];
    }
    return [];
}
