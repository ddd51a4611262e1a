/**
 * The extension's initial JavaScript, gzip, beside a blank extension built with the same SDK, Angular version and
 * production settings (bench/blank-extension). "Initial" is what the browser must load before the tool renders:
 * the scripts index.html references (runtime, polyfills, main); lazy feature chunks are reported apart.
 *
 *   npx tsx bench/bundle-size.ts [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable } from './report';

const ROOT = path.resolve(__dirname, '..');

export interface BundleFigure {
    name: string;
    initialRawBytes: number;
    initialGzipBytes: number;
    lazyGzipBytes: number;
    stylesGzipBytes: number;
}

/** Measures a built Angular app in `dist/<name>`. */
export function measureBundle(name: string): BundleFigure {
    const dir = path.join(ROOT, 'dist', name);
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const initial = [...index.matchAll(/<script src="([^"]+\.js)"/g)].map(m => m[1] ?? '');
    const files = readdirSync(dir);
    const size = (file: string) => {
        const content = readFileSync(path.join(dir, file));
        return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    };
    const initialSizes = initial.map(size);
    const lazy = files.filter(f => f.endsWith('.js') && !initial.includes(f)).map(size);
    const styles = files.filter(f => f.endsWith('.css')).map(size);
    const sum = (sizes: { gzip: number }[]) => sizes.reduce((total, s) => total + s.gzip, 0);
    return {
        name,
        initialRawBytes: initialSizes.reduce((total, s) => total + s.raw, 0),
        initialGzipBytes: sum(initialSizes),
        lazyGzipBytes: sum(lazy),
        stylesGzipBytes: sum(styles)
    };
}

/** Builds both apps in production mode (the same command `npm run build` uses for the extension). */
export function buildBoth(): void {
    const run = (args: string[]) => execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    run(['gulp', 'generate']);
    run(['ng', 'build', 'eflow-manager', '--configuration', 'production']);
    run(['ng', 'build', 'blank-extension']);
}

export function printBundles(product: BundleFigure, blank: BundleFigure): void {
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    printTable('Bundle: initial JavaScript (production build)', ['app', 'initial raw KB', 'initial gzip KB', 'lazy gzip KB', 'styles gzip KB'],
        [product, blank].map(f => [f.name, kb(f.initialRawBytes), kb(f.initialGzipBytes), kb(f.lazyGzipBytes), kb(f.stylesGzipBytes)]));
    process.stdout.write(`  initial gzip: ${(product.initialGzipBytes / blank.initialGzipBytes).toFixed(2)}x the blank extension ` +
        `(+${kb(product.initialGzipBytes - blank.initialGzipBytes)} KB)\n`);
}

function main(): void {
    const missing = ['eflow-manager', 'blank-extension'].some(name => !existsSync(path.join(ROOT, 'dist', name, 'index.html')));
    if (!process.argv.includes('--no-build') || missing) {
        buildBoth();
    }
    printBundles(measureBundle('eflow-manager'), measureBundle('blank-extension'));
}

if (require.main === module) {
    main();
}
