import { IconModule, LoadingWheelModule } from '@microsoft/windows-admin-center-sdk/angular';

/**
 * The SDK UI modules the wizard's components use (status icons, the loading wheel). One list, so that the feature
 * module and the component tests render with the same set. Forms are native inputs in the SDK's form styles: see
 * the report on why the SDK's wizard and form components are not used.
 */
export const DEPLOY_SDK_MODULES = [IconModule, LoadingWheelModule];
