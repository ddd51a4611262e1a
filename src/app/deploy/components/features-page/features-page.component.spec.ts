import { validationError } from '../../domain/validation-message';
import type { FeaturesAndTerms } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes } from '../../testing/render-deploy-component';
import { FeaturesPageComponent } from './features-page.component';

const features: FeaturesAndTerms = { dpsTpm: false, defender: false, optionalTelemetry: false, eulaAccepted: false };

describe('FeaturesPageComponent', () => {
    it('emits each choice and asks for the license terms until they are accepted', () => {
        const fixture = renderDeployComponent(FeaturesPageComponent, {
            features, messages: [validationError('features.eulaAccepted', 'eulaRequired')]
        });
        const emitted: FeaturesAndTerms[] = [];
        fixture.componentInstance.featuresChange.subscribe((value: FeaturesAndTerms) => emitted.push(value));
        expect(shownCodes(fixture, 'features.eulaAccepted')).toEqual(['eulaRequired']);
        choose(fieldElement(fixture, 'features.defender'));
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        expect(emitted).toEqual([{ ...features, defender: true }, { ...features, eulaAccepted: true }]);
    });

    it('shows terms accepted when the VM was deployed as accepted, not asked again', () => {
        const fixture = renderDeployComponent(FeaturesPageComponent, { features, termsAccepted: true });
        const eula = fieldElement(fixture, 'features.eulaAccepted');
        expect([eula.checked, eula.disabled]).toEqual([true, true]);
        expect(shownCodes(fixture)).toEqual([]);
    });
});
