import { Strings } from '../../generated/strings';

/** The extension's localized strings (`EflowManager` in strings.resjson), loaded by the SDK before the app starts. */
export type ExtensionStrings = Strings['EflowManager'];

/** Reads the extension's strings from the SDK's localization data. */
export function extensionStrings(): ExtensionStrings {
    return MsftSme.getStrings<Strings>().EflowManager;
}
