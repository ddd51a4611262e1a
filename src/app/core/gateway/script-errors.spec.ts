import { PARAMETER_VALIDATION_CODE, readScriptError, scriptErrorFromRecords, splitCodedMessage } from './script-errors';

describe('splitCodedMessage', () => {
    it('splits a [Code] prefix', () => {
        expect(splitCodedMessage('[InvalidStaticIp] 10.0.0.300 is not a valid IPv4 address.'))
            .toEqual({ code: 'InvalidStaticIp', message: '10.0.0.300 is not a valid IPv4 address.' });
    });

    it('splits after the "Function : " prefix PowerShell adds to errors written from a function', () => {
        expect(splitCodedMessage('SmeSubmit : [EflowNotInstalled] Install the MSI first.'))
            .toEqual({ code: 'EflowNotInstalled', message: 'Install the MSI first.' });
    });

    it('keeps multi-line messages whole', () => {
        expect(splitCodedMessage('[DeployFailed] Exception caught!!!\nat line 42')).toEqual({ code: 'DeployFailed', message: 'Exception caught!!!\nat line 42' });
    });

    it('leaves a message without a code alone', () => {
        expect(splitCodedMessage('  Something broke.  ')).toEqual({ code: null, message: 'Something broke.' });
    });

    it('does not take a bracket later in the message, or a non-identifier, for a code', () => {
        expect(splitCodedMessage('Value [x] is bad').code).toBeNull();
        expect(splitCodedMessage('[10.0.0.1] unreachable').code).toBeNull();
        expect(splitCodedMessage('[] empty').code).toBeNull();
    });
});

describe('readScriptError', () => {
    it.each([
        ['its FullyQualifiedErrorId', { message: 'x', fullyQualifiedErrorId: 'ParameterArgumentValidationError,Get-EflowThing' }],
        ['its exception type', { message: 'x', errorType: 'System.Management.Automation.ParameterBindingValidationException' }],
        ['a ValidateSet message', { message: "Cannot validate argument on parameter 'SwitchType'. The argument \"Bogus\" does not belong to the set \"External,Internal\"." }],
        ['an unknown parameter message', { message: "A parameter cannot be found that matches parameter name 'Bogus'." }],
        ['a type conversion message', { message: 'Cannot convert value "abc" to type "System.Int32".' }]
    ])('recognizes parameter validation by %s', (_by: string, record: unknown) => {
        expect(readScriptError(record).code).toBe(PARAMETER_VALIDATION_CODE);
    });

    it('prefers ParameterValidation over a [Code] that a validation message happens to contain', () => {
        const record = { message: "Cannot validate argument on parameter 'Ip'. [InvalidStaticIp] bad", errorType: 'ParameterBindingValidationException' };
        expect(readScriptError(record)).toEqual({ code: 'ParameterValidation', message: record.message });
    });

    it('reads records given as plain strings and other field spellings', () => {
        expect(readScriptError('[A] b')).toEqual({ code: 'A', message: 'b' });
        expect(readScriptError({ Message: '[C] d' })).toEqual({ code: 'C', message: 'd' });
    });

    it('does not lose a record without a message', () => {
        expect(readScriptError({ foo: 1 }).message).toBe('{"foo":1}');
    });
});

describe('scriptErrorFromRecords', () => {
    it('names the error after the first record and keeps all', () => {
        const error = scriptErrorFromRecords([{ message: '[A] first' }, { message: 'second' }]);
        expect(error).toMatchObject({ kind: 'script-error', code: 'A', message: 'first', status: 200 });
        expect(error.scriptErrors).toEqual([{ code: 'A', message: 'first' }, { code: null, message: 'second' }]);
    });

    it('falls back to the exception, then to a generic message', () => {
        expect(scriptErrorFromRecords([], '[Boom] went off')).toMatchObject({ code: 'Boom', message: 'went off' });
        expect(scriptErrorFromRecords([]).message).toBe('The script failed without a message.');
        expect(scriptErrorFromRecords([]).text).toEqual({ key: 'scriptFailedNoMessage', params: {} });
    });
});
