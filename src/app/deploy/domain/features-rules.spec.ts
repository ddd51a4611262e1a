import { validateFeaturesAndTerms } from './features-rules';

describe('validateFeaturesAndTerms', () => {
    it('requires the EULA and leaves features and telemetry free', () => {
        const base = { dpsTpm: true, defender: false, optionalTelemetry: true };
        expect(validateFeaturesAndTerms({ ...base, eulaAccepted: true })).toEqual([]);
        expect(validateFeaturesAndTerms({ ...base, eulaAccepted: false })).toEqual([
            expect.objectContaining({ field: 'features.eulaAccepted', code: 'eulaRequired', severity: 'error' })
        ]);
    });
});
