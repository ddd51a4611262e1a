import { EflowVersion, parseEflowVersion } from './eflow-version';
import {
    channelOfProduct,
    EFLOW_RELEASE_CATALOGUE,
    EflowReleaseCatalogue,
    findTrain,
    newestLtsTrain,
    releaseStatus,
    SUPPORT_ENDING_NOTICE_DAYS
} from './release-catalogue';

function v(text: string): EflowVersion {
    const version = parseEflowVersion(text);
    if (!version) {
        throw new Error(`test data: "${text}" is not a version`);
    }
    return version;
}

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string): number => Date.parse(iso);

/** A catalogue with one train whose support ends 2030-06-30 (end of that day UTC). */
const TEST_CATALOGUE: EflowReleaseCatalogue = {
    compiledOn: '2030-01-01',
    trains: [{ name: '1.9 LTS', channel: 'LTS', versionPrefixes: ['1.9'], latestVersion: '1.9.5.00001', supportEnds: '2030-06-30' }]
};
const END_OF_SUPPORT = at('2030-07-01T00:00:00Z');

describe('the shipped catalogue', () => {
    it('is dated and its latest versions parse', () => {
        expect(EFLOW_RELEASE_CATALOGUE.compiledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const train of EFLOW_RELEASE_CATALOGUE.trains) {
            expect(parseEflowVersion(train.latestVersion)).not.toBeNull();
        }
    });

    it('knows the documented trains and their latest versions', () => {
        expect(findTrain(v('1.5.3.12025'))?.latestVersion).toBe('1.5.7.01026');
        expect(findTrain(v('1.4.1.13112'))?.latestVersion).toBe('1.4.12.05024');
        expect(findTrain(v('1.1.2106.0'))?.latestVersion).toBe('1.1.2212.12122');
        expect(findTrain(v('1.2.10.09062'))?.name).toBe('CR');
        expect(findTrain(v('1.3.1.02092'))?.name).toBe('CR');
    });

    it('has no train for an unknown future version', () => {
        expect(findTrain(v('1.6.0.00001'))).toBeNull();
    });

    it('points ended trains at 1.5 LTS', () => {
        expect(newestLtsTrain()?.name).toBe('1.5 LTS');
    });
});

describe('releaseStatus', () => {
    const wellBefore = at('2030-01-01T00:00:00Z');

    it('offers the latest of the same train to an older version', () => {
        expect(releaseStatus(v('1.9.4.00009'), wellBefore, TEST_CATALOGUE).updateTo).toBe('1.9.5.00001');
    });

    it('offers nothing to the latest version or to one newer than the catalogue knows', () => {
        expect(releaseStatus(v('1.9.5.00001'), wellBefore, TEST_CATALOGUE).updateTo).toBeNull();
        expect(releaseStatus(v('1.9.6.00000'), wellBefore, TEST_CATALOGUE).updateTo).toBeNull();
    });

    it('compares numerically when offering updates (01026 vs 999)', () => {
        const catalogue = { ...TEST_CATALOGUE, trains: [{ ...TEST_CATALOGUE.trains[0], latestVersion: '1.9.7.01026' }] };
        expect(releaseStatus(v('1.9.7.999'), wellBefore, catalogue).updateTo).toBe('1.9.7.01026');
    });

    it('is supported until the notice period, ending soon within it, ended from the day after the end date', () => {
        const noticeStart = END_OF_SUPPORT - SUPPORT_ENDING_NOTICE_DAYS * DAY;
        expect(releaseStatus(v('1.9.5.00001'), noticeStart - 1, TEST_CATALOGUE).support).toBe('supported');
        expect(releaseStatus(v('1.9.5.00001'), noticeStart, TEST_CATALOGUE).support).toBe('ending-soon');
        expect(releaseStatus(v('1.9.5.00001'), END_OF_SUPPORT - 1, TEST_CATALOGUE).support).toBe('ending-soon');
        expect(releaseStatus(v('1.9.5.00001'), END_OF_SUPPORT, TEST_CATALOGUE).support).toBe('ended');
    });

    it('counts the days of support left, negative once ended', () => {
        expect(releaseStatus(v('1.9.5.00001'), END_OF_SUPPORT - 10 * DAY, TEST_CATALOGUE).daysOfSupportLeft).toBe(10);
        expect(releaseStatus(v('1.9.5.00001'), END_OF_SUPPORT + DAY, TEST_CATALOGUE).daysOfSupportLeft).toBe(-1);
    });

    it('reports unknown support for a train without a published date and for a version without a train', () => {
        expect(releaseStatus(v('1.3.1.02092'), wellBefore).support).toBe('unknown');
        expect(releaseStatus(v('1.6.0.00001'), wellBefore)).toEqual({ train: null, updateTo: null, support: 'unknown', daysOfSupportLeft: null, migrateTo: null });
    });

    it('knows 1.4 LTS ended on 12 November 2024 and 1.1 LTS in 2022', () => {
        expect(releaseStatus(v('1.4.12.05024'), at('2024-11-12T23:59:59Z')).support).toBe('ending-soon');
        expect(releaseStatus(v('1.4.12.05024'), at('2024-11-13T00:00:00Z')).support).toBe('ended');
        expect(releaseStatus(v('1.1.2212.12122'), at('2026-01-01T00:00:00Z')).support).toBe('ended');
    });
});

describe('channelOfProduct', () => {
    it('reads the ARP product names', () => {
        expect(channelOfProduct('Azure IoT Edge LTS')).toBe('LTS');
        expect(channelOfProduct('Azure IoT Edge')).toBe('CR');
        expect(channelOfProduct(' azure iot edge lts ')).toBe('LTS');
        expect(channelOfProduct('Azure IoT Edge Runtime')).toBeNull();
    });
});
