/**
 * Rules of wizard page 6 (features and terms).
 */
import { validationError, type ValidationMessage } from './validation-message';
import type { FeaturesAndTerms } from './wizard-model';

/** The EULA must be accepted (Deploy-Eflow -acceptEula Yes); features and telemetry are free choices. */
export function validateFeaturesAndTerms(features: FeaturesAndTerms): ValidationMessage[] {
    return features.eulaAccepted ? [] : [validationError('features.eulaAccepted', 'eulaRequired')];
}
