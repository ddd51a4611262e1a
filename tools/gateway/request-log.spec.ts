import { RequestLog, RequestLogEntry } from './request-log';

function entry(path: string): Omit<RequestLogEntry, 'seq'> {
    return {
        time: new Date(0).toISOString(), method: 'GET', path, family: 'other', node: null, command: null, sessionId: null,
        status: 404, durationMs: 1, batchParts: null
    };
}

describe('RequestLog', () => {
    it('numbers entries from 1 and answers those after a given seq', () => {
        const log = new RequestLog();
        log.append(entry('/a'));
        log.append(entry('/b'));
        log.append(entry('/c'));

        expect(log.since(1).map(logged => [logged.seq, logged.path])).toEqual([[2, '/b'], [3, '/c']]);
        expect(log.lastSeq).toBe(3);
    });

    it('keeps only the newest entries up to its capacity', () => {
        const log = new RequestLog(10);
        for (let index = 1; index <= 25; index++) {
            log.append(entry(`/${index}`));
        }

        const kept = log.since(0);

        expect(kept).toHaveLength(10);
        expect(kept[0].seq).toBe(16);
        expect(kept[9].seq).toBe(25);
    });

    it('keeps counting after clear, so pollers using since() see only new entries', () => {
        const log = new RequestLog();
        log.append(entry('/a'));
        log.clear();
        log.append(entry('/b'));

        expect(log.since(0).map(logged => [logged.seq, logged.path])).toEqual([[2, '/b']]);
    });
});
