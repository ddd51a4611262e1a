/** The extension's runtime version; the manifest and NuGet package carry the same number. */
export class RuntimeVersion {
    public static version = '0.1.0';
}
