/**
 * The text formats both sides enforce: the wizard's rules (here) and the gateway scripts' ValidatePattern
 * attributes and body checks (src/resources/scripts/deploy). The scripts write the same patterns with `\z` as the
 * end anchor, because .NET's `$` also matches before a final newline ("10.0.0.1\n" would pass); JavaScript's `$`
 * without the m flag matches only at the very end. test/scripts/deploy/script-sync.spec.ts compares the two.
 *
 * Every pattern lists both letter cases explicitly: ValidatePattern and -match ignore case, so a pattern that
 * relied on case would mean something else on the host.
 */

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

/** An MSI file the host reads: a host file path whose name ends in `.msi`. */
export const MSI_PATH_PATTERN = new RegExp(
    `^(?:[A-Za-z]:|\\\\\\\\[A-Za-z0-9]${PATH_CHAR}*\\\\${PATH_CHAR}+)(?:\\\\${PATH_CHAR}+)*\\\\${PATH_CHAR}+\\.[Mm][Ss][Ii]$`);

/** A local absolute folder (install and VHDX folders cannot be on a share): `C:\`, `D:\EFLOW`, `D:\EFLOW\`. */
export const LOCAL_DIRECTORY_PATTERN = new RegExp(`^[A-Za-z]:\\\\(?:${PATH_CHAR}+(?:\\\\${PATH_CHAR}+)*\\\\?)?$`);

/** A DNS host name with at least two labels (RFC 1123 labels of 1..63 characters, 253 in all). */
export const HOST_NAME_PATTERN =
    /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

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

/** Names of host objects (switches, adapters, GPUs): 1..256 characters, no control characters. */
export const OBJECT_NAME_PATTERN = /^[^\x00-\x1F\x7F]{1,256}$/;

/** Canonical base64 (padding included, no whitespace). */
export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
