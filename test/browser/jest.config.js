/**
 * Browser tests: Playwright (playwright-core) driving Debian's Chromium against the dev shell, the gateway
 * emulator and the simulated fleet. Run with `npx jest -c test/browser/jest.config.js`.
 * One worker: every suite starts its own servers and browser, and the extension build (when dist/ lacks one)
 * must not run twice at once.
 */
const path = require('path');

module.exports = {
    rootDir: path.resolve(__dirname, '..', '..'),
    displayName: 'browser',
    testEnvironment: 'node',
    roots: ['<rootDir>/test/browser'],
    testMatch: ['**/*.e2e.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tools/tsconfig.json' }] },
    // Covers a first-time production build of the extension (about a minute here) plus a cold Chromium start.
    testTimeout: 180000,
    maxWorkers: 1,
    restoreMocks: true
};
