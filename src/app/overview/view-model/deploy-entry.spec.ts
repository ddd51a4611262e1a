import {
    aHealthyOverview, aHomeEditionHost, aHostDeploying, aHostWithoutEflow, anInstallation, aPartialDeployment, FIXTURE_NOW
} from '../../testing/host-overview.fixtures';
import type { HostOverviewPayload } from '../../core/models/host-overview';
import { INITIAL_OVERVIEW_STATE } from '../store/overview-state';
import { deployEntryFor } from './deploy-entry';
import { buildOverviewViewModel } from './overview-view-model';

function entryOf(data: HostOverviewPayload): ReturnType<typeof deployEntryFor> {
    return deployEntryFor(buildOverviewViewModel({ ...INITIAL_OVERVIEW_STATE, node: 'host', data, lastUpdated: FIXTURE_NOW }, FIXTURE_NOW));
}

describe('deployEntryFor', () => {
    it('offers no Prepare to an edition that can never run EFLOW (Windows 10 Home), only the upgrade message', () => {
        expect(entryOf(aHomeEditionHost())).toBe('edition');
    });

    it('offers Prepare to a host whose Hyper-V is only turned off', () => {
        const overview = aHostWithoutEflow();
        overview.host = { ...overview.host, hyperV: { featureState: 'Disabled', hypervisorPresent: false } };
        expect(entryOf(overview)).toBe('prepare');
    });

    it('offers the deployment on a ready host without EFLOW', () => {
        expect(entryOf(aHostWithoutEflow())).toBe('deploy');
    });

    it('continues after the MSI when nothing is left of an earlier attempt', () => {
        expect(entryOf({ ...aHealthyOverview(), eflow: anInstallation(null) })).toBe('continue');
    });

    it('shows the progress of a running deployment instead of offering another', () => {
        expect(entryOf(aHostDeploying())).toBe('progress');
    });

    it('opens the wizard for the clean-up of a partial deployment instead of continuing', () => {
        expect(entryOf(aPartialDeployment())).toBe('partial');
    });

    it('offers nothing on a provisioned host', () => {
        expect(entryOf(aHealthyOverview())).toBeNull();
    });
});
