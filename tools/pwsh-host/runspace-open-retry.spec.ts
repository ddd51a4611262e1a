/**
 * PwshHost start-up when opening a runspace fails: runspaces that import modules at the same time in one process
 * now and then fail to open (seen in CI: "An item with the same key has already been added. Key: Alias"), so the
 * host tries a failed open again. `--failing-opens` makes opens fail on purpose.
 */
import { PwshHost, PwshHostCrashError } from './client';
import { HOST_START_TIMEOUT_MS, noStandInCalls } from './spec-support';

jest.setTimeout(HOST_START_TIMEOUT_MS);

describe('PwshHost runspace opens', () => {
    it('tries a failed open again, and then runs scripts in every runspace', async () => {
        const host = await PwshHost.start({ runspaces: 2, failingOpens: 2 });
        try {
            expect(host.runspaces).toBe(2);
            const results = await Promise.all([1, 2].map(n => host.run({ host: 'host-a', script: `${n} + 40` }, noStandInCalls()).done));
            expect(results.map(result => [result.state, result.outputs])).toEqual([['Completed', [41]], ['Completed', [42]]]);
        } finally {
            await host.stop();
        }
    });

    it('gives up after three attempts at one runspace and says why', async () => {
        const start = PwshHost.start({ runspaces: 1, failingOpens: 3 });
        await expect(start).rejects.toThrow(PwshHostCrashError);
        await expect(start).rejects.toThrow(/trying again: Simulated runspace open failure[\s\S]*could not open the runspaces: Simulated runspace open failure/);
    });
});
