import { appendChunk, NO_OUTPUT, readChunk } from './powershell-chunk';

describe('readChunk', () => {
    it('reads a chunk wrapped in properties, with completed as a string', () => {
        expect(readChunk({ properties: { sessionId: 's', completed: 'True', results: [1], progress: [], errors: [] } }))
            .toEqual({ completed: true, results: [1], progress: [], errors: [], exception: null });
    });

    it('reads a bare chunk, a single result and missing arrays', () => {
        expect(readChunk({ completed: 'false', results: { a: 1 } }))
            .toEqual({ completed: false, results: [{ a: 1 }], progress: [], errors: [], exception: null });
    });

    it('reads progress records, dropping malformed ones and clamping the percentage', () => {
        const chunk = readChunk({ completed: 'False', progress: [
            { activity: 'A', statusDescription: 'S', percentComplete: 150 },
            'not a record',
            { Activity: 'B', StatusDescription: 'T' }
        ] });
        expect(chunk.progress).toEqual([
            { activity: 'A', statusDescription: 'S', percentComplete: 100 },
            { activity: 'B', statusDescription: 'T', percentComplete: null }
        ]);
    });

    it('treats garbage as an empty, incomplete chunk', () => {
        expect(readChunk(null)).toEqual({ completed: false, results: [], progress: [], errors: [], exception: null });
    });
});

describe('appendChunk', () => {
    it('concatenates results and errors, keeps completion and the latest exception', () => {
        let merged = appendChunk(NO_OUTPUT, readChunk({ completed: 'False', results: [1], errors: ['e1'], exception: 'x1' }));
        merged = appendChunk(merged, readChunk({ completed: 'True', results: [2], errors: [] }));
        merged = appendChunk(merged, readChunk({ completed: 'False', errors: ['e2'], exception: 'x2' }));
        expect(merged).toEqual({ completed: true, results: [1, 2], errors: ['e1', 'e2'], exception: 'x2' });
    });
});
