/**
 * Build steps that the Angular CLI does not do: the SDK's own gulp tools, run with the fixes they need on Linux.
 *
 *   gulp generate  - PowerShell scripts -> src/generated/powershell-scripts.ts; strings.resjson -> the strings
 *                    interface and src/assets/strings/strings.json, merged with the SDK's own strings.
 *   gulp validate  - the manifest against the SDK's schema.
 *
 * Generated output is git-ignored; `npm start`, `npm test` and `npm run build` run `generate` first.
 */
'use strict';
const path = require('path');
const { src, dest, series, parallel } = require('gulp');
const through2 = require('through2');

const sdkTools = '@microsoft/windows-admin-center-sdk/tools';
const psCode = require(`${sdkTools}/gulp-ps-code`);
const resjson = require(`${sdkTools}/gulp-resjson`);
const mergeJsonInFolders = require(`${sdkTools}/gulp-merge-json-in-folders`);
const manifestValidator = require(`${sdkTools}/gulp-manifest-validator`);
const sdkRoot = path.dirname(require.resolve('@microsoft/windows-admin-center-sdk/package.json'));
const { composeScript } = require('./tools/script-compose/compose');

/** The PowerShell module name the gateway is told about, and the strings' resource name. */
const powerShellModuleName = 'EflowManager';
const resourceName = 'EflowManager';

/**
 * gulp-ps-code names a subfolder group `export module a/b {` when scripts sit two levels deep, which is not
 * valid TypeScript; make it `a_b`.
 */
function fixNestedGroupNames() {
    return through2.obj((file, _enc, cb) => {
        const text = file.contents.toString('utf8').replace(/^(\s*export module )([\w/]+)( \{)/gm,
            (_m, a, name, b) => a + name.replace(/\//g, '_') + b);
        file.contents = Buffer.from(text, 'utf8');
        cb(null, file);
    });
}

/** gulp-resjson writes `dir\strings.json` (a Windows separator) as the file name on Linux; make it a path. */
function fixBackslashPaths() {
    return through2.obj((file, _enc, cb) => {
        file.base = file.base.replace(/\\/g, '/');
        file.path = file.path.replace(/\\/g, '/');
        cb(null, file);
    });
}

/**
 * WAC sends each script to the host alone: inline the shared functions a script dot-sources from
 * src/resources/script-functions (tools/script-compose/compose.js).
 */
function inlineSharedFunctions() {
    return through2.obj((file, _enc, cb) => {
        try {
            file.contents = Buffer.from(composeScript(file.contents.toString('utf8')), 'utf8');
            cb(null, file);
        } catch (error) {
            cb(new Error(`${file.relative}: ${error.message}`));
        }
    });
}

function powershellCode() {
    return src(['src/resources/scripts/**/*.ps1'])
        .pipe(inlineSharedFunctions())
        .pipe(psCode({
            powerShellModuleName,
            resourceName,
            basePath: path.join('src', 'resources', 'scripts'),
            generatedPath: path.join('src', 'generated', 'scripts'),
        }))
        .pipe(fixNestedGroupNames())
        .pipe(dest('src/generated/'));
}

function resjsonInterface() {
    return src('src/resources/**/*.resjson')
        .pipe(resjson({ typescript: 'interface' }))
        .pipe(dest('src/generated'));
}

function resjsonJson() {
    return src('src/resources/strings/**/*.resjson')
        .pipe(resjson({ json: true }))
        .pipe(fixBackslashPaths())
        .pipe(dest('src/assets/strings'));
}

/** Without the SDK's own strings (MsftSmeShell) in strings.json the module throws while bootstrapping. */
function mergeSdkStrings() {
    return src([path.join(sdkRoot, 'core/assets/strings'), path.join(sdkRoot, 'angular/assets/strings')])
        .pipe(mergeJsonInFolders({ src: './src/assets/strings' }))
        .pipe(dest('src/assets/strings'));
}

function validateManifest() {
    return src('src/manifest.json').pipe(manifestValidator());
}

exports.generate = series(parallel(powershellCode, resjsonInterface, resjsonJson), mergeSdkStrings);
exports.validate = validateManifest;
exports.default = series(exports.generate, exports.validate);
