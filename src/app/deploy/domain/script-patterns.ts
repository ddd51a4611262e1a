/**
 * The text formats both sides enforce: the wizard's rules (here) and the gateway scripts' ValidatePattern
 * attributes and body checks (src/resources/scripts/deploy). The scripts write the same patterns with `\z` as the
 * end anchor, because .NET's `$` also matches before a final newline ("10.0.0.1\n" would pass); JavaScript's `$`
 * without the m flag matches only at the very end. test/scripts/deploy/script-sync.spec.ts compares the two.
 *
 * Every pattern lists both letter cases explicitly: ValidatePattern and -match ignore case, so a pattern that
 * relied on case would mean something else on the host.
 *
 * The length bounds below are the scripts' ValidateLength attributes: the shortest text the pattern accepts, and the
 * longest the host can take. script-sync.spec.ts compares them with the scripts, so a value the wizard accepts is
 * never refused at parameter binding (a refusal the wizard can neither explain nor fix by a retry).
 */

/** Inclusive length bounds of a text parameter. */
export interface LengthBounds {
    readonly min: number;
    readonly max: number;
}

/** One character of a Windows path segment: no separators, no reserved characters, no control characters. */
const PATH_CHAR = '[^\\\\/:*?"<>|\\x00-\\x1F]';

/** Strict dotted-decimal IPv4, no leading zeros. */
export const IPV4_PATTERN =
    /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;

/**
 * A file the host reads: `C:\dir\file` or `\\server\share\dir\file`. The server name starts with a letter or digit,
 * which keeps out device paths such as `\\.\pipe\x` and `\\?\C:\x`.
 */
export const HOST_FILE_PATH_PATTERN = new RegExp(
    `^(?:[A-Za-z]:|\\\\\\\\[A-Za-z0-9]${PATH_CHAR}*\\\\${PATH_CHAR}+)(?:\\\\${PATH_CHAR}+)+$`);

/** `C:\a` is the shortest host file path; 260 is Windows' classic MAX_PATH, which msiexec and the cmdlets handle. */
export const HOST_FILE_PATH_LENGTH: LengthBounds = { min: 4, max: 260 };

/** An MSI file the host reads: a host file path whose name ends in `.msi`. */
export const MSI_PATH_PATTERN = new RegExp(
    `^(?:[A-Za-z]:|\\\\\\\\[A-Za-z0-9]${PATH_CHAR}*\\\\${PATH_CHAR}+)(?:\\\\${PATH_CHAR}+)*\\\\${PATH_CHAR}+\\.[Mm][Ss][Ii]$`);

/** `C:\a.msi` is the shortest MSI path. */
export const MSI_PATH_LENGTH: LengthBounds = { min: 8, max: HOST_FILE_PATH_LENGTH.max };

/** A local absolute folder (install and VHDX folders cannot be on a share): `C:\`, `D:\EFLOW`, `D:\EFLOW\`. */
export const LOCAL_DIRECTORY_PATTERN = new RegExp(`^[A-Za-z]:\\\\(?:${PATH_CHAR}+(?:\\\\${PATH_CHAR}+)*\\\\?)?$`);

/** `C:\` is the shortest folder; folders leave room for the files the MSI puts in them (the VHDX name is ~40 characters). */
export const LOCAL_DIRECTORY_LENGTH: LengthBounds = { min: 3, max: 200 };

/** A DNS host name with at least two labels (RFC 1123 labels of 1..63 characters, 253 in all). */
export const HOST_NAME_PATTERN =
    /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** `a.b` is the shortest host name with two labels; 253 is DNS's limit. */
export const HOST_NAME_LENGTH: LengthBounds = { min: 3, max: 253 };

/**
 * An IoT Hub device ID: up to 128 ASCII letters, digits and `- . % _ * ? ! ( ) , : = @ $ '` (IoT Hub's documented
 * device identity rules).
 */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9\-.%_*?!(),:=@$']{1,128}$/;

/**
 * A DPS registration ID: up to 128 letters, digits and `- . _ :`, ending in a letter, digit or `-` (DPS's
 * documented rules; DPS compares them case-insensitively).
 */
export const REGISTRATION_ID_PATTERN = /^[A-Za-z0-9\-._:]{0,127}[A-Za-z0-9-]$/;

/**
 * What the host accepts as a DPS ID scope: 1..64 letters and digits. eflow.md does not document the format; real
 * scopes look like `0ne` + 8 hex digits (WELL_KNOWN_SCOPE_ID_PATTERN), which the wizard only warns about.
 */
export const SCOPE_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;

/** The shape DPS ID scopes have in practice (`0ne0001A2B3`); anything else gets a warning, not an error. */
export const WELL_KNOWN_SCOPE_ID_PATTERN = /^0ne[0-9A-Fa-f]{8}$/;

/** A DPS global endpoint: https, a host name, an optional port, an optional trailing slash. */
export const GLOBAL_ENDPOINT_PATTERN =
    /^https:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?\/?$/;

/**
 * `https://a.b` is the shortest endpoint; the longest is `https://`, a 253-character DNS name, `:65535` and `/`
 * (8 + 253 + 6 + 1).
 */
export const GLOBAL_ENDPOINT_LENGTH: LengthBounds = { min: 11, max: 268 };

/** Names of host objects (switches, adapters, GPUs): 1..256 characters, no control characters. */
export const OBJECT_NAME_PATTERN = /^[^\x00-\x1F\x7F]{1,256}$/;

/** What OBJECT_NAME_PATTERN allows. */
export const OBJECT_NAME_LENGTH: LengthBounds = { min: 1, max: 256 };

/**
 * A device connection string: the longest well-formed one (a 253-character HostName and GatewayHostName, a
 * 128-character DeviceId, a 64-byte key) has 775 characters; 1024 also bounds copies with stray separators.
 */
export const DEVICE_CONNECTION_STRING_LENGTH: LengthBounds = { min: 1, max: 1024 };

/** A symmetric key: the script takes up to 256 characters; base64 of the 64 bytes allowed at most is 88. */
export const SYMMETRIC_KEY_LENGTH: LengthBounds = { min: 1, max: 256 };

/** Canonical base64 (padding included, no whitespace). */
export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
