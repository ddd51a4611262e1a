/**
 * Builds the extension the way `npm run build` does (gulp generate, gulp validate, ng build) for `npm start` and
 * the browser tests, and says whether a build is already there.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { BuildConfiguration } from './start-options';

const repoRoot = path.resolve(__dirname, '..', '..');
const binDir = path.join(repoRoot, 'node_modules', '.bin');

/** The extension's project in angular.json. */
export const ANGULAR_PROJECT = 'eflow-manager';

/** How one build went: how long each step took, in ms. */
export interface ExtensionBuildTimings {
    generateMs: number;
    validateMs: number;
    ngBuildMs: number;
}

export interface ExtensionBuildOptions {
    configuration: BuildConfiguration;
    /** `ng build --output-path`; angular.json's dist/eflow-manager when absent. */
    outputPath?: string;
    /** Where the tools' output goes: 'inherit' shows it, 'quiet' keeps it and prints it only on failure. */
    output: 'inherit' | 'quiet';
}

/** Whether `distDir` holds a built extension (its index.html). */
export async function isExtensionBuilt(distDir: string): Promise<boolean> {
    try {
        return (await fs.stat(path.join(distDir, 'index.html'))).isFile();
    } catch {
        return false;
    }
}

/** Runs the three build steps in order; rejects with the failing step's output. */
export async function buildExtension(options: ExtensionBuildOptions): Promise<ExtensionBuildTimings> {
    const generateMs = await timed(() => run('gulp', ['generate'], options.output));
    const validateMs = await timed(() => run('gulp', ['validate'], options.output));
    // Named: angular.json also holds the benchmark's blank extension, and ng refuses to guess.
    const ngArguments = ['build', ANGULAR_PROJECT, '--configuration', options.configuration];
    if (options.outputPath) {
        ngArguments.push('--output-path', options.outputPath);
    }
    const ngBuildMs = await timed(() => run('ng', ngArguments, options.output));
    return { generateMs, validateMs, ngBuildMs };
}

async function timed(step: () => Promise<void>): Promise<number> {
    const started = performance.now();
    await step();
    return Math.round(performance.now() - started);
}

/** Runs a tool from node_modules/.bin in the repo root (the local binaries: no npx start-up, no registry). */
function run(tool: string, args: string[], output: 'inherit' | 'quiet'): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(path.join(binDir, tool), args, {
            cwd: repoRoot,
            // The Angular CLI asks about analytics on a TTY; CI=1 keeps it quiet and non-interactive.
            env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: '1' },
            stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe']
        });
        const captured: Buffer[] = [];
        child.stdout?.on('data', (chunk: Buffer) => captured.push(chunk));
        child.stderr?.on('data', (chunk: Buffer) => captured.push(chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (code === 0) {
                resolve();
                return;
            }
            const log = Buffer.concat(captured).toString('utf8').slice(-8000);
            reject(new Error(`${tool} ${args.join(' ')} failed (${signal ?? `exit ${String(code)}`})${log ? `:\n${log}` : ''}`));
        });
    });
}
