/**
 * The package behind the WindowsInstaller.Installer COM stand-in (tools/pwsh-host/ComStandIns): its OpenDatabase
 * asks here once (module `WindowsInstaller`, command `Get-MsiDatabase`) for what the file's database holds, the
 * Property table values and the summary information, and answers the script's queries from that.
 *
 * EFLOW MSIs of the catalog (downloads, fleet files with an `msiKey`) describe themselves from the catalog: the
 * ProductName is what the MSI registers as the ARP DisplayName (eflow.md section 8); other products' MSIs carry their
 * own facts (`msiPackage`); an `msi` file with neither, or any other file, is not a database Windows Installer opens.
 */
import type { JsonValue } from '../../../pwsh-host/protocol';
import { productCodeFromSeed } from '../../model/ids';
import { productCodeOf } from '../../model/install';
import { productByKey } from '../../model/products';
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import type { HostFile, MsiPackageFacts } from '../../state/host-state';
import { normalizePath } from './paths';

/** The module name the COM stand-in calls under (the ProgID's first part). */
export const WINDOWS_INSTALLER_MODULE = 'WindowsInstaller';
/** Its one call: read a package's database. A read verb, so the operation history leaves it out. */
export const GET_MSI_DATABASE_COMMAND = 'Get-MsiDatabase';

/** msiOpenDatabaseModeReadOnly: the only mode the stand-in models (nothing here writes a package). */
const READ_ONLY_MODE = 0;
/** Summary information property ids (PID_*) the stand-in fills in. */
const PID_TITLE = '2';
const PID_SUBJECT = '3';
const PID_AUTHOR = '4';
const PID_TEMPLATE = '7';

/** Windows Installer's message for a file it cannot open as a package, raised as a COMException by the stand-in. */
export const OPEN_DATABASE_FAILED = 'OpenDatabase,DatabasePath,OpenMode';

/** What the database of a host file says, or null when the file is no package Windows Installer opens. */
export function packageFactsOf(file: HostFile): MsiPackageFacts | null {
    if (file.kind !== 'msi') {
        return null;
    }
    const product = file.msiKey ? productByKey(file.msiKey) : null;
    if (product) {
        return {
            productName: product.productName,
            productVersion: product.version,
            manufacturer: 'Microsoft Corporation',
            // Windows Installer's platform names: "x64" for AMD64, "Arm64" for ARM64.
            template: `${product.architecture === 'ARM64' ? 'Arm64' : 'x64'};1033`
        };
    }
    return file.msiPackage ?? null;
}

function productCodeFor(file: HostFile, facts: MsiPackageFacts): string {
    const product = file.msiKey ? productByKey(file.msiKey) : null;
    return product ? productCodeOf(product) : productCodeFromSeed(`${facts.productName}|${facts.productVersion}`);
}

export const getMsiDatabase: CmdletHandler = context => {
    const path = context.params.string('DatabasePath') ?? '';
    const mode = context.params.int('OpenMode') ?? READ_ONLY_MODE;
    const failed = windowsError(OPEN_DATABASE_FAILED, 'COMException', 'OpenError', { terminating: true });
    if (mode !== READ_ONLY_MODE) {
        return failed;
    }
    const wanted = normalizePath(path).toLowerCase();
    const file = context.host.windows.files.find(candidate => normalizePath(candidate.path).toLowerCase() === wanted);
    const facts = file ? packageFactsOf(file) : null;
    if (!file || !facts) {
        return failed;
    }
    const properties: { [name: string]: JsonValue } = {
        ProductName: facts.productName,
        ProductVersion: facts.productVersion,
        Manufacturer: facts.manufacturer,
        ProductCode: productCodeFor(file, facts),
        ProductLanguage: '1033'
    };
    return ok({
        properties,
        summaryInformation: {
            [PID_TITLE]: 'Installation Database',
            [PID_SUBJECT]: facts.productName,
            [PID_AUTHOR]: facts.manufacturer,
            [PID_TEMPLATE]: facts.template
        }
    });
};
