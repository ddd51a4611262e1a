/**
 * Bundles the dev shell page's TypeScript (tools/dev-shell/src/main.ts) for the browser with esbuild, in memory:
 * nothing is written to disk, and a rebuild after an edit takes milliseconds, so the server rebuilds whenever
 * the page asks for shell.js and a reload shows the change.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';

/** The bundle's files. */
export interface ShellBundle {
    javascript: string;
    sourceMap: string;
}

/** An incremental bundler; `dispose` when the server stops. */
export interface ShellBundler {
    build(): Promise<ShellBundle>;
    dispose(): Promise<void>;
}

/** The file name the page loads (index.html's script tag). */
export const SHELL_BUNDLE_NAME = 'shell.js';

/** Creates the bundler (nothing is built until `build`). */
export async function createShellBundler(): Promise<ShellBundler> {
    const context = await esbuild.context({
        entryPoints: [path.join(__dirname, 'src', 'main.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        // Debian's Chromium is the only browser this page is tested in; anything from 2023 on runs ES2022.
        target: 'es2022',
        sourcemap: 'linked',
        outfile: path.join(__dirname, 'out', SHELL_BUNDLE_NAME),
        logLevel: 'silent'
    });
    return {
        async build(): Promise<ShellBundle> {
            const result = await context.rebuild();
            const outputs = result.outputFiles ?? [];
            const javascript = outputs.find(file => file.path.endsWith('.js'));
            const sourceMap = outputs.find(file => file.path.endsWith('.js.map'));
            if (!javascript || !sourceMap) {
                throw new Error('esbuild produced no shell bundle');
            }
            return { javascript: javascript.text, sourceMap: sourceMap.text };
        },
        dispose: () => context.dispose()
    };
}
