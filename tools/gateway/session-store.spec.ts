import { SessionStore } from './session-store';
import { FakeScriptRunner } from './testing/fake-script-runner';

describe('SessionStore', () => {
    it('drops a session idle for longer than the idle period and stops its command', async () => {
        let now = 1_000;
        const runner = new FakeScriptRunner();
        runner.define('endless', io => new Promise(resolve => io.signal.addEventListener('abort', () => resolve())));
        const store = new SessionStore(runner, 60_000, () => now);
        const idle = store.create('host1', 'keyed');
        const run = idle.submit('endless');
        now += 30_000;
        const recent = store.create('host1', 'keyed');

        now += 40_000;
        store.sweep();
        await run.ended;

        expect(store.find('host1', idle.id)).toBeUndefined();
        expect(store.find('host1', recent.id)).toBe(recent);
        expect(run.state).toBe('Stopped');
        await store.close();
    });

    it('keeps a session that requests keep touching', async () => {
        let now = 0;
        const store = new SessionStore(new FakeScriptRunner(), 60_000, () => now);
        const session = store.create('host1', 'keyed');

        for (let step = 0; step < 5; step++) {
            now += 50_000;
            session.touch();
            store.sweep();
        }

        expect(store.find('host1', session.id)).toBe(session);
        await store.close();
    });
});
