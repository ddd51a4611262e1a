/**
 * Get-EflowVmFeature's answer is not documented (eflow.md section 2), so the scripts read it with
 * Read-EflowVmFeatureEnabled: the forms a module could answer with are read as meant, and anything else stops the
 * script before it toggles a feature the wrong way.
 */
import type { CallOutcome, JsonValue } from '../../../tools/pwsh-host/protocol';
import type { StandInCall } from '../../../tools/simulator/api';
import { callsOf, changingCalls, failureCode, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';

const harness = useDeployHarness();

/** Answers every Get-EflowVmFeature call with `value`; the simulator answers the rest. */
function featureAnswer(value: JsonValue): { answer: (call: StandInCall) => CallOutcome | null } {
    return { answer: call => call.command === 'Get-EflowVmFeature' ? { ok: true, value } : null };
}

describe('reading Get-EflowVmFeature', () => {
    it.each([
        ['the text False', 'False', true],
        ['the text Disabled', 'disabled', true],
        ['false', false, true],
        ['an object with Enabled false', { Enabled: false }, true],
        ['the text True', 'True', false],
        ['the text Enabled', 'Enabled', false],
        ['true', true, false]
    ] as [string, JsonValue, boolean][])('reads %s as meant: Defender is turned on only when it was off', async (_case, answer, turnsOn) => {
        const run = await harness.run('edge-unprovisioned', 'Set-EflowVmConfiguration', { Defender: true }, featureAnswer(answer));
        expect(run.failure).toBeNull();
        expect(callsOf(run, 'Set-EflowVmFeature').map(call => call.parameters)).toEqual(turnsOn ? [{ feature: 'Defender', enable: true }] : []);
        expect(outputOf(run)).toEqual(expect.objectContaining({ defender: true }));
    }, RUN_TIMEOUT_MS);

    it('refuses an answer it cannot read, with a coded error, and changes nothing', async () => {
        const run = await harness.run('edge-unprovisioned', 'Set-EflowVmConfiguration', { Defender: false }, featureAnswer('Feature Defender: status pending'));
        expect(failureCode(run)).toBe('FeatureStateUnreadable');
        expect(run.failure).toContain("answered 'Feature Defender: status pending'");
        expect(changingCalls(run).filter(call => call.command !== 'Start-EflowVm')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('lists an unreadable feature state as a read error in the deployment state instead of a wrong value', async () => {
        const run = await harness.run('edge-unprovisioned', 'Get-EflowDeploymentState', {}, featureAnswer('n/a'));
        const state = outputOf(run) as { configuration: { dpsTpm: unknown; defender: unknown }; errors: { code: string }[] };
        expect(state.configuration.dpsTpm).toBeNull();
        expect(state.configuration.defender).toBeNull();
        expect(state.errors.filter(error => error.code === 'FeatureUnreadable')).toHaveLength(2);
    }, RUN_TIMEOUT_MS);
});
