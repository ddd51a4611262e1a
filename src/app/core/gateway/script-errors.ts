import { GatewayError, ScriptErrorDetail } from './gateway-error';
import { asWireFields, firstString } from './wire-fields';

/**
 * PowerShell errors that arrive inside a successful (HTTP 200) gateway answer: records written by `Write-Error` or
 * thrown by the script. Our scripts start messages that the UI must tell apart with a code, `[Code] message`
 * (architecture.md, "Gateway script conventions"); PowerShell's own parameter-binding and validation failures get
 * the code `ParameterValidation`.
 */

/** The code given to PowerShell parameter binding and validation failures. */
export const PARAMETER_VALIDATION_CODE = 'ParameterValidation';

/**
 * `[Code] message`, optionally after the `Name : ` prefix PowerShell puts before errors written from a function
 * (`SmeSubmit : [InvalidStaticIp] ...`). Codes are identifiers: letters, digits, `.`, `_`, `-`.
 */
const codedMessage = /^(?:[\w-]+ : )?\[([A-Za-z][\w.-]*)\] ?([\s\S]*)$/;

/** FullyQualifiedErrorId prefixes and exception types PowerShell uses for binding and validation failures. */
const bindingErrorIds = [
    'ParameterArgumentValidationError', 'ParameterArgumentTransformationError', 'ParameterBindingFailed',
    'NamedParameterNotFound', 'PositionalParameterNotFound', 'MissingArgument', 'ParameterAlreadyBound',
    'CannotConvertArgumentNoMessage', 'CannotConvertArgument', 'MissingMandatoryParameter', 'AmbiguousParameterSet'
];
const bindingExceptionTypes = ['ParameterBindingValidationException', 'ParameterBindingArgumentTransformationException',
    'ParameterBindingException', 'ValidationMetadataException'];
/** Message openings of the same failures, for gateways that pass only the message through. */
const bindingMessages = [
    /^Cannot validate argument on parameter '/,
    /^Cannot bind parameter '/,
    /^Cannot bind argument to parameter '/,
    /^Cannot process argument transformation on parameter '/,
    /^A parameter cannot be found that matches parameter name '/,
    /^Missing an argument for parameter '/,
    /^Cannot convert value .* to type /,
    /^Parameter set cannot be resolved using the specified named parameters/
];

/** The fields of a wire error record this layer reads; names vary between gateway versions. */
interface ErrorRecordFields {
    message: string;
    errorType: string;
    fullyQualifiedErrorId: string;
}

/** Splits `[Code] message` into its parts; a message without a code keeps `code: null`. */
export function splitCodedMessage(message: string): ScriptErrorDetail {
    const match = codedMessage.exec(message.trim());
    return match ? { code: match[1], message: match[2].trim() } : { code: null, message: message.trim() };
}

/** Reads one error record of a gateway answer into a code and a message. */
export function readScriptError(record: unknown): ScriptErrorDetail {
    const fields = readErrorRecordFields(record);
    if (isParameterValidation(fields)) {
        return { code: PARAMETER_VALIDATION_CODE, message: fields.message };
    }
    return splitCodedMessage(fields.message);
}

/**
 * Turns the error records of a run into one `script-error`. The first record names the error (most scripts stop at
 * their first failure); all of them stay in `scriptErrors`.
 */
export function scriptErrorFromRecords(records: readonly unknown[], exception: string | null = null): GatewayError {
    const details = records.map(readScriptError);
    if (details.length === 0 && exception) {
        details.push(splitCodedMessage(exception));
    }
    const first = details[0] ?? { code: null, message: 'The script failed without a message.' };
    return new GatewayError('script-error', first.message, { code: first.code, scriptErrors: details, status: 200, original: records,
        text: details.length === 0 ? { key: 'scriptFailedNoMessage', params: {} } : null });
}

function isParameterValidation(fields: ErrorRecordFields): boolean {
    const errorId = fields.fullyQualifiedErrorId.split(',')[0];
    return bindingErrorIds.includes(errorId)
        || bindingExceptionTypes.some((type: string) => fields.errorType.endsWith(type))
        || bindingMessages.some((pattern: RegExp) => pattern.test(fields.message));
}

function readErrorRecordFields(record: unknown): ErrorRecordFields {
    if (typeof record === 'string') {
        return { message: record, errorType: '', fullyQualifiedErrorId: '' };
    }
    const fields = asWireFields(record);
    if (!fields) {
        return { message: String(record), errorType: '', fullyQualifiedErrorId: '' };
    }
    return {
        message: firstString(fields, ['message', 'Message', 'exception', 'Exception']) ?? JSON.stringify(record),
        errorType: firstString(fields, ['errorType', 'exceptionType', 'ErrorType']) ?? '',
        fullyQualifiedErrorId: firstString(fields, ['fullyQualifiedErrorId', 'FullyQualifiedErrorId', 'errorId']) ?? ''
    };
}
