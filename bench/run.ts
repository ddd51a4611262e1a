/**
 * `npm run bench`: the figures the quality bars ask for, printed with their ratios. Nothing here passes or fails
 * on a time: these are measurements to read and compare, not tests.
 *
 *  1. Gateway round trips per dashboard refresh (target 1), in Chromium against the dev shell.
 *  2. The gateway emulator's own time to answer one /api/batch of the overview script for 100 and 1,000 hosts.
 *  3. The extension's initial JavaScript (gzip) beside a blank extension built with the same SDK.
 *  4. Gateway round trips the deployment wizard makes from open to the review step.
 *
 *   npm run bench [-- --skip-build] [-- --only dashboard,wizard,batch,bundle]
 */
import { measureBundle, buildBoth, printBundles } from './bundle-size';
import { measureDashboardRoundTrips, printDashboardRoundTrips } from './dashboard-round-trips';
import { measureEmulatorBatch, printEmulatorBatch } from './emulator-batch';
import { measureWizardRoundTrips, printWizardRoundTrips } from './wizard-round-trips';

async function main(): Promise<void> {
    const onlyIndex = process.argv.indexOf('--only');
    const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : null;
    const wanted = (name: string) => only === null || only.has(name);
    process.stdout.write(`EFLOW Manager benchmarks (${new Date().toISOString()}, ${process.platform}, Node ${process.version})\n`);

    if (!process.argv.includes('--skip-build') && (wanted('bundle') || wanted('dashboard') || wanted('wizard'))) {
        process.stdout.write('Building the extension and the blank extension (production)...\n');
        buildBoth();
    }
    if (wanted('dashboard')) {
        printDashboardRoundTrips(await measureDashboardRoundTrips(['edge-healthy', 'module-failing', 'slow-link']));
    }
    if (wanted('wizard')) {
        printWizardRoundTrips(await measureWizardRoundTrips());
    }
    if (wanted('batch')) {
        printEmulatorBatch([await measureEmulatorBatch(100, 3), await measureEmulatorBatch(1000, 2)]);
    }
    if (wanted('bundle')) {
        printBundles(measureBundle('eflow-manager'), measureBundle('blank-extension'));
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
});
