import { CommonModule } from '@angular/common';
import { NgModule } from '@angular/core';
import { RouterModule } from '@angular/router';
import { DeployRunPageComponent } from './components/deploy-run-page/deploy-run-page.component';
import { EflowRemovalComponent } from './components/eflow-removal/eflow-removal.component';
import { FeaturesPageComponent } from './components/features-page/features-page.component';
import { FieldMessagesComponent } from './components/field-messages/field-messages.component';
import { GpuPageComponent } from './components/gpu-page/gpu-page.component';
import { NetworkPageComponent } from './components/network-page/network-page.component';
import { PrerequisitesPageComponent } from './components/prerequisites-page/prerequisites-page.component';
import { ProductPageComponent } from './components/product-page/product-page.component';
import { ProvisioningPageComponent } from './components/provisioning-page/provisioning-page.component';
import { ReviewPageComponent } from './components/review-page/review-page.component';
import { SecretFieldComponent } from './components/secret-field/secret-field.component';
import { DEPLOY_SDK_MODULES } from './components/shared/deploy-sdk-modules';
import { ParsedValueDirective } from './components/shared/parsed-value.directive';
import { VmSizePageComponent } from './components/vm-size-page/vm-size-page.component';
import { DeployWizardPageComponent } from './containers/deploy-wizard-page/deploy-wizard-page.component';
import { DeployWizardStepComponent } from './containers/deploy-wizard-step/deploy-wizard-step.component';

/**
 * The building blocks every wizard page uses: field messages, secret fields, the parsed-value binding, and the
 * uninstall that recovers from a partial deployment (the Deploy page and the prerequisites step show it).
 */
export const DEPLOY_SHARED_DECLARATIONS = [FieldMessagesComponent, SecretFieldComponent, ParsedValueDirective, EflowRemovalComponent];

/** The wizard's components, declared together so that tests can render the whole wizard. */
export const DEPLOY_COMPONENTS = [
    ...DEPLOY_SHARED_DECLARATIONS,
    DeployWizardPageComponent,
    DeployWizardStepComponent,
    PrerequisitesPageComponent,
    ProductPageComponent,
    VmSizePageComponent,
    NetworkPageComponent,
    GpuPageComponent,
    FeaturesPageComponent,
    ProvisioningPageComponent,
    ReviewPageComponent,
    DeployRunPageComponent
];

/** The deployment wizard (product capability 2), lazy-loaded at `deploy`. */
@NgModule({
    declarations: DEPLOY_COMPONENTS,
    imports: [CommonModule, ...DEPLOY_SDK_MODULES, RouterModule.forChild([{ path: '', component: DeployWizardPageComponent }])]
})
export class DeployModule {}
