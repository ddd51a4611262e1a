import { IconModule, LoadingWheelModule, WizardModule } from '@microsoft/windows-admin-center-sdk/angular';

/**
 * The SDK UI modules the wizard's components use: the wizard itself (`sme-wizard`: step list, Back, Next), status
 * icons and the loading wheel. One list, so that the feature module and the component tests render with the same
 * set. Fields are native inputs in the SDK's form styles (the SDK's form fields do not report per-field messages
 * the way the wizard's validation rules need).
 */
export const DEPLOY_SDK_MODULES = [WizardModule, IconModule, LoadingWheelModule];
