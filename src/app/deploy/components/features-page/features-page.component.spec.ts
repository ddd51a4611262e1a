import { validationError } from '../../domain/validation-message';
import type { FeaturesAndTerms } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes } from '../../testing/render-deploy-component';
import { byTest } from '../../../testing/render-component';
import { FeaturesPageComponent, splitAtUrl } from './features-page.component';

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

    it('links the license terms\' address, opened in a new tab without handing it the wizard', () => {
        const fixture = renderDeployComponent(FeaturesPageComponent, { features });
        const link = byTest(fixture, 'eula-link') as HTMLAnchorElement;
        expect([link.getAttribute('href'), link.target, link.rel]).toEqual(['https://aka.ms/AzEFLOW-EULA', '_blank', 'noopener noreferrer']);
        expect(byTest(fixture, 'eula-text').textContent?.trim()).toBe(
            'The terms are at https://aka.ms/AzEFLOW-EULA. Deploy-Eflow runs with -acceptEula Yes only when you accept them here.');
    });

    it('splits a sentence at its address, leaving a full stop after it in the text', () => {
        expect(splitAtUrl('See https://example.com/a. Then go.')).toEqual({ before: 'See ', url: 'https://example.com/a', after: '. Then go.' });
        expect(splitAtUrl('No address')).toEqual({ before: 'No address', url: '', after: '' });
    });
});
