import { compareEflowVersions, EflowVersion, parseEflowVersion, trainOf } from './eflow-version';

function v(text: string): EflowVersion {
    const version = parseEflowVersion(text);
    if (!version) {
        throw new Error(`test data: "${text}" is not a version`);
    }
    return version;
}

describe('parseEflowVersion', () => {
    it.each([
        ['1.5.7.01026', [1, 5, 7, 1026]],
        ['1.4.12.05024', [1, 4, 12, 5024]],
        ['1.1.2212.12122', [1, 1, 2212, 12122]],
        ['1.1.2106.0', [1, 1, 2106, 0]],
        ['1.5', [1, 5]],
        ['  1.4.2.12122 ', [1, 4, 2, 12122]]
    ])('reads %s', (text: string, parts: number[]) => {
        expect(parseEflowVersion(text)?.parts).toEqual(parts);
    });

    it.each(['', '1', '1.5.7.01026.1', 'v1.5', '1.5-beta', '1..5', 'Azure IoT Edge LTS'])('refuses "%s"', (text: string) => {
        expect(parseEflowVersion(text)).toBeNull();
    });
});

describe('compareEflowVersions', () => {
    it('compares parts as numbers, not text (1.4.12 is newer than 1.4.3)', () => {
        expect(compareEflowVersions(v('1.4.12.05024'), v('1.4.3.23013'))).toBe(1);
        expect(compareEflowVersions(v('1.4.3.23013'), v('1.4.12.05024'))).toBe(-1);
    });

    it('ignores leading zeros', () => {
        expect(compareEflowVersions(v('1.5.7.01026'), v('1.5.7.1026'))).toBe(0);
        expect(compareEflowVersions(v('1.5.7.01026'), v('1.5.7.999'))).toBe(1);
    });

    it('orders trains before builds', () => {
        expect(compareEflowVersions(v('1.1.2212.12122'), v('1.4.1.13112'))).toBe(-1);
        expect(compareEflowVersions(v('1.5.3.12025'), v('1.4.12.05024'))).toBe(1);
    });

    it('treats missing parts as zero', () => {
        expect(compareEflowVersions(v('1.4'), v('1.4.0.0'))).toBe(0);
        expect(compareEflowVersions(v('1.4'), v('1.4.0.1'))).toBe(-1);
    });

    it('is equal for the same version', () => {
        expect(compareEflowVersions(v('1.5.6.08025'), v('1.5.6.08025'))).toBe(0);
    });
});

describe('trainOf', () => {
    it('is major.minor', () => {
        expect(trainOf(v('1.5.7.01026'))).toBe('1.5');
        expect(trainOf(v('1.1.2212.12122'))).toBe('1.1');
    });
});
