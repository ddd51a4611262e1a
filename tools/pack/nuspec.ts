/** The package's .nuspec, from the extension manifest (id, title, description and tags as WAC's feed shows them). */

export interface PackageMetadata {
    id: string;
    version: string;
    title: string;
    description: string;
    tags: string[];
    license: string;
}

/** Reads the metadata from src/manifest.json: its name, and its default-locale strings. */
export function metadataFromManifest(manifest: unknown, version: string, license: string): PackageMetadata {
    const record = manifest as { name?: unknown; resources?: { locale?: unknown; strings?: Record<string, unknown> }[] };
    if (typeof record.name !== 'string' || record.name === '') {
        throw new Error('manifest.json has no name: it is the package id.');
    }
    const strings = record.resources?.find(resource => resource.locale === 'default')?.strings ?? {};
    const text = (key: string): string => {
        const value = strings[key];
        if (typeof value !== 'string' || value === '') {
            throw new Error(`manifest.json has no default-locale string "${key}".`);
        }
        return value;
    };
    return {
        id: record.name, version, title: text('displayName'), description: text('description'),
        tags: text('keywords').split(';').map(tag => tag.trim().replace(/\s+/g, '-')).filter(Boolean), license
    };
}

export function buildNuspec(metadata: PackageMetadata): string {
    const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>${escape(metadata.id)}</id>
    <version>${escape(metadata.version)}</version>
    <title>${escape(metadata.title)}</title>
    <authors>EFLOW Manager</authors>
    <license type="expression">${escape(metadata.license)}</license>
    <description>${escape(metadata.description)}</description>
    <tags>${escape(metadata.tags.join(' '))}</tags>
    <readme>README.md</readme>
  </metadata>
  <files>
    <file src="ux/**/*.*" target="ux" />
    <file src="content.json" target="" />
    <file src="README.md" target="" />
  </files>
</package>
`;
}
