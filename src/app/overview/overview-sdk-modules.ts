import { HorizontalBarChartModule, IconModule, LoadingWheelModule, PageAlertBarModule } from '@microsoft/windows-admin-center-sdk/angular';

/**
 * The SDK UI modules the overview's components use: status icons, the loading wheel, capacity bars and page alert
 * bars. One list, so that the feature module and the component tests render with the same set.
 */
export const OVERVIEW_SDK_MODULES = [IconModule, LoadingWheelModule, HorizontalBarChartModule, PageAlertBarModule];
