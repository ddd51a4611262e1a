/**
 * Jest projects:
 *  - unit:     Angular components, services and pure domain logic under src/ (jsdom), specs beside the code.
 *  - tools:    the simulator, gateway emulator and dev tooling under tools/ (node), specs beside the code.
 *  - scripts:  every gateway script run in PowerShell 7 against the simulated fleet, and the static check.
 *  - contract: the SDK's own PowerShell and batch client code against the running gateway emulator (jsdom XHR).
 * Browser tests (Playwright + Debian's Chromium) run separately: `npm run test:browser`.
 */
const sdkAngular =
    '<rootDir>/node_modules/@microsoft/windows-admin-center-sdk/angular/fesm2020/microsoft-windows-admin-center-sdk-angular.mjs';

const angularProject = (displayName, roots, testMatch) => ({
    displayName,
    preset: 'jest-preset-angular',
    roots,
    testMatch,
    setupFilesAfterEnv: ['<rootDir>/test/setup-jest.ts'],
    transform: {
        '^.+\\.(ts|js|mjs|html|svg)$': ['jest-preset-angular', {
            tsconfig: '<rootDir>/test/tsconfig.spec.json',
            stringifyContentPathRegex: '\\.(html|svg)$'
        }]
    },
    transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$|@microsoft/windows-admin-center-sdk/)'],
    moduleNameMapper: { '^@microsoft/windows-admin-center-sdk/angular$': sdkAngular },
    restoreMocks: true
});

const nodeProject = (displayName, roots, testMatch, setupFilesAfterEnv = []) => ({
    displayName,
    testEnvironment: 'node',
    setupFilesAfterEnv,
    roots,
    testMatch,
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tools/tsconfig.json' }] },
    restoreMocks: true
});

module.exports = {
    projects: [
        angularProject('unit', ['<rootDir>/src'], ['**/*.spec.ts']),
        nodeProject('tools', ['<rootDir>/tools'], ['**/*.spec.ts']),
        nodeProject('scripts', ['<rootDir>/test/scripts'], ['**/*.spec.ts'], ['<rootDir>/test/scripts/setup.ts']),
        angularProject('contract', ['<rootDir>/test/contract'], ['**/*.spec.ts'])
    ]
};
