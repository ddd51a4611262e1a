import { compareEflowVersions, EflowVersion, parseEflowVersion, trainOf } from './eflow-version';

/**
 * What this extension knows about EFLOW releases: the latest version of each train and when Microsoft stops
 * servicing it. It ships with the extension and is dated; a host on a newer version than the catalogue knows is
 * reported as current, not as "update available". Sources: the shared EFLOW reference (eflow.md section 8:
 * release pages, the version-history page and the Azure/iotedge-eflow README).
 */

/** Release channel: Long-Term Servicing or the Continuous Release preview channel. */
export type EflowChannel = 'LTS' | 'CR';

/** One release train. */
export interface EflowTrain {
    /** Display name, e.g. `1.5 LTS`. */
    name: string;
    channel: EflowChannel;
    /** The `major.minor` prefixes of the versions in the train (CR spans IoT Edge 1.2 and 1.3). */
    versionPrefixes: readonly string[];
    /** The newest version of the train known when the catalogue was compiled. */
    latestVersion: string;
    /** The last day Microsoft services the train (UTC, yyyy-MM-dd); `null` when no date has been published. */
    supportEnds: string | null;
}

/** The catalogue: dated, so that a reader can tell how old the "latest" versions are. */
export interface EflowReleaseCatalogue {
    /** When the catalogue was compiled (yyyy-MM-dd). */
    compiledOn: string;
    trains: readonly EflowTrain[];
}

/** The catalogue shipped with this version of the extension. */
export const EFLOW_RELEASE_CATALOGUE: EflowReleaseCatalogue = {
    compiledOn: '2026-11-22',
    trains: [
        // IoT Edge 1.1 LTS, end of life 13 December 2022.
        { name: '1.1 LTS', channel: 'LTS', versionPrefixes: ['1.1'], latestVersion: '1.1.2212.12122', supportEnds: '2022-12-13' },
        // Continuous Release (public preview, IoT Edge 1.2 then 1.3): no end-of-support date published.
        { name: 'CR', channel: 'CR', versionPrefixes: ['1.2', '1.3'], latestVersion: '1.3.1.02092', supportEnds: null },
        // 1.4 LTS, serviced to 12 November 2024.
        { name: '1.4 LTS', channel: 'LTS', versionPrefixes: ['1.4'], latestVersion: '1.4.12.05024', supportEnds: '2024-11-12' },
        // 1.5 LTS, supported "until November 2026": the source names the month only; we take its last day so the
        // extension never calls a still-serviced train unsupported.
        { name: '1.5 LTS', channel: 'LTS', versionPrefixes: ['1.5'], latestVersion: '1.5.7.01026', supportEnds: '2026-11-30' }
    ]
};

/** How long before a train's end of support the dashboard starts saying so. */
export const SUPPORT_ENDING_NOTICE_DAYS = 90;
/** Within this many days of the end of support the notice becomes a warning: little time is left to migrate. */
export const SUPPORT_ENDING_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a version stands against the catalogue. */
export interface EflowReleaseStatus {
    /** The train the version belongs to, `null` for a version the catalogue does not cover (e.g. a future 1.6). */
    train: EflowTrain | null;
    /** The newer version of the same train to update to, or `null` when current (or newer than the catalogue). */
    updateTo: string | null;
    /** `ended`: past its support end; `ending-soon`: within the notice period; `unknown`: no date or no train. */
    support: 'supported' | 'ending-soon' | 'ended' | 'unknown';
    /** Days until the support end (negative once it has passed), `null` when there is no date. */
    daysOfSupportLeft: number | null;
    /**
     * The newest LTS train to migrate to when this train's support has ended or ends soon (the installed train gets
     * no newer version once it ended: an update within it is no way out). `null` when this is the newest LTS train.
     */
    migrateTo: EflowTrain | null;
}

/** The channel an ARP product name stands for: `Azure IoT Edge LTS` is LTS, `Azure IoT Edge` is CR. */
export function channelOfProduct(productName: string): EflowChannel | null {
    const name = productName.trim().toLowerCase();
    if (name === 'azure iot edge lts') {
        return 'LTS';
    }
    if (name === 'azure iot edge') {
        return 'CR';
    }
    return null;
}

/** The train a version belongs to, or `null`. */
export function findTrain(version: EflowVersion, catalogue: EflowReleaseCatalogue = EFLOW_RELEASE_CATALOGUE): EflowTrain | null {
    const prefix = trainOf(version);
    return catalogue.trains.find((train: EflowTrain) => train.versionPrefixes.includes(prefix)) ?? null;
}

/** The newest LTS train in the catalogue: where hosts on an ended train should go. */
export function newestLtsTrain(catalogue: EflowReleaseCatalogue = EFLOW_RELEASE_CATALOGUE): EflowTrain | null {
    let newest: EflowTrain | null = null;
    for (const train of catalogue.trains) {
        if (train.channel !== 'LTS') {
            continue;
        }
        const latest = parseEflowVersion(train.latestVersion);
        const newestLatest = newest ? parseEflowVersion(newest.latestVersion) : null;
        if (latest && (!newestLatest || compareEflowVersions(latest, newestLatest) > 0)) {
            newest = train;
        }
    }
    return newest;
}

/**
 * Compares an installed version with the catalogue at time `nowMs`: update within its train, support state.
 * Support ends at the end of the `supportEnds` day (UTC).
 */
export function releaseStatus(
    installed: EflowVersion, nowMs: number, catalogue: EflowReleaseCatalogue = EFLOW_RELEASE_CATALOGUE): EflowReleaseStatus {
    const train = findTrain(installed, catalogue);
    if (!train) {
        return { train: null, updateTo: null, support: 'unknown', daysOfSupportLeft: null, migrateTo: null };
    }
    const latest = parseEflowVersion(train.latestVersion);
    const updateTo = latest && compareEflowVersions(installed, latest) < 0 ? train.latestVersion : null;
    if (!train.supportEnds) {
        return { train, updateTo, support: 'unknown', daysOfSupportLeft: null, migrateTo: null };
    }
    const endOfSupportMs = Date.parse(`${train.supportEnds}T00:00:00Z`) + DAY_MS;
    const daysOfSupportLeft = Math.floor((endOfSupportMs - nowMs) / DAY_MS);
    let support: EflowReleaseStatus['support'] = 'supported';
    if (nowMs >= endOfSupportMs) {
        support = 'ended';
    } else if (endOfSupportMs - nowMs <= SUPPORT_ENDING_NOTICE_DAYS * DAY_MS) {
        support = 'ending-soon';
    }
    const newest = newestLtsTrain(catalogue);
    const migrateTo = support !== 'supported' && newest && newest !== train ? newest : null;
    return { train, updateTo, support, daysOfSupportLeft, migrateTo };
}

/** Whether the support end is close enough (or past) that the dashboard warns rather than informs. */
export function isSupportEndUrgent(release: EflowReleaseStatus): boolean {
    return release.support === 'ended'
        || (release.support === 'ending-soon' && release.daysOfSupportLeft !== null && release.daysOfSupportLeft <= SUPPORT_ENDING_WARNING_DAYS);
}
