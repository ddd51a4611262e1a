/**
 * Turns PowerShell error records (as the host reports them) into the `errors` entries WAC's API carries.
 *
 * The real gateway's choice of `errorType` is not documented. The emulator uses the exception's type name without
 * its namespace (`WriteErrorException`, `RuntimeException`), which reads well in `Net.getErrorMessage`'s
 * `errorType: message` format and is stable enough to serve as the "error code" WAC's telemetry takes it for.
 */
import type { ErrorRecordJson } from '../pwsh-host/protocol';
import type { WacErrorRecord } from './wac-wire';

/** COR_E_SYSTEM: the HResult of SystemException and of PowerShell's RuntimeException family. */
const HRESULT_SYSTEM_EXCEPTION = -2146233087;

/** HResults of the few .NET exception types whose HResult differs from COR_E_SYSTEM. */
const HRESULT_BY_EXCEPTION_TYPE: ReadonlyMap<string, number> = new Map([
    ['ArgumentException', -2147024809],
    ['ArgumentNullException', -2147467261],
    ['ArgumentOutOfRangeException', -2146233086],
    ['InvalidOperationException', -2146233079],
    ['NotSupportedException', -2146233067],
    ['UnauthorizedAccessException', -2147024891],
    ['TimeoutException', -2146233083],
    ['IOException', -2146232800]
]);

/** The type name without its namespace: `System.Management.Automation.RuntimeException` -> `RuntimeException`. */
export function shortTypeName(fullTypeName: string): string {
    const lastDot = fullTypeName.lastIndexOf('.');
    return lastDot >= 0 ? fullTypeName.substring(lastDot + 1) : fullTypeName;
}

/** The `errors` entry for one PowerShell error record. */
export function toWacErrorRecord(record: ErrorRecordJson): WacErrorRecord {
    const errorType = shortTypeName(record.exceptionType || 'RuntimeException');
    return {
        errorType,
        message: record.message,
        detailRecord: {
            // Scripts fail inside PowerShell, not in WinRM, so there is no native (Win32/WinRM) code.
            nativeErrorCode: 0,
            hResult: HRESULT_BY_EXCEPTION_TYPE.get(errorType) ?? HRESULT_SYSTEM_EXCEPTION,
            remoteExceptionMessage: record.message
        }
    };
}
