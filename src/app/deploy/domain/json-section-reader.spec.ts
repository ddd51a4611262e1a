import { rendered } from '../testing/rendered-text';
import type { AutoDeployIssue } from './auto-deploy-config';
import { canonicalValue, JsonSectionReader } from './json-section-reader';

function reader(value: unknown, path = 'vmConfig') {
    const errors: AutoDeployIssue[] = [];
    const warnings: AutoDeployIssue[] = [];
    return { errors, warnings, read: new JsonSectionReader(value, path, errors, warnings) };
}

describe('JsonSectionReader', () => {
    it('reads unset fields as the template\'s unset values', () => {
        const { read, errors } = reader(undefined);
        expect([read.string('a'), read.integer('b'), read.boolean('c'), read.stringList('d')]).toEqual(['', null, false, []]);
        expect(errors).toEqual([]);
    });

    it('accepts whole numbers and digit-only text, and names the path and type of anything else', () => {
        const { read, errors } = reader({ cpuCount: 4, prefix: '24', memory: 'four', disk: 2.5, big: '1234567890' });
        expect([read.integer('cpuCount'), read.integer('prefix'), read.integer('memory'), read.integer('disk'), read.integer('big')])
            .toEqual([4, 24, null, null, null]);
        expect(rendered(errors)).toEqual([
            { path: 'vmConfig.memory', text: 'expected a whole number, got the text "four"' },
            { path: 'vmConfig.disk', text: 'expected a whole number, got number 2.5' },
            { path: 'vmConfig.big', text: 'expected a whole number, got the text "1234567890"' }
        ]);
    });

    it('reports wrong types for text, flags and lists', () => {
        const { read, errors } = reader({ name: 5, flag: 'true', list: [1], one: '10.0.0.1' }, 'network');
        expect(read.string('name')).toBe('');
        expect(read.boolean('flag')).toBe(false);
        expect(read.stringList('list')).toEqual([]);
        expect(read.stringList('one')).toEqual(['10.0.0.1']);
        expect(errors.map(e => e.path)).toEqual(['network.name', 'network.flag', 'network.list']);
    });

    it('refuses a section that is not an object', () => {
        const { errors } = reader([1, 2]);
        expect(rendered(errors)).toEqual([{ path: 'vmConfig', text: 'expected an object, got a list' }]);
    });

    it('warns about fields nobody read', () => {
        const { read, warnings } = reader({ cpuCount: 1, extra: true });
        read.integer('cpuCount');
        read.warnUnknownFields();
        expect(rendered(warnings)).toEqual([{ path: 'vmConfig.extra', text: 'is not an eflowAutoDeploy setting the wizard knows; it is ignored.' }]);
    });

    it('matches field names ignoring case (an exact name first), as PowerShell reads eflowAutoDeploy files', () => {
        const { read, warnings } = reader({ vSwitchType: 'Internal', VSWITCHNAME: 'A', ip4address: 'x', ip4Address: 'y' }, 'network');
        expect([read.string('vswitchType'), read.string('vswitchName'), read.string('ip4Address'), read.has('VswitchType')]).toEqual(['Internal', 'A', 'y', true]);
        read.warnUnknownFields();
        expect(rendered(warnings)).toEqual([{ path: 'network.ip4address', text: 'is not an eflowAutoDeploy setting the wizard knows; it is ignored.' }]);
    });

    it('never reads inherited properties as fields', () => {
        const { read } = reader({});
        expect([read.string('constructor'), read.has('toString')]).toEqual(['', false]);
    });
});

describe('canonicalValue', () => {
    it('returns the allowed spelling of a value that matches ignoring case, else null', () => {
        expect(canonicalValue('dpstpm', ['DpsTPM', 'DpsX509'] as const)).toBe('DpsTPM');
        expect(canonicalValue('YES', ['Yes', 'No'] as const)).toBe('Yes');
        expect(canonicalValue('Y', ['Yes', 'No'] as const)).toBeNull();
        expect(canonicalValue('', ['Yes', 'No'] as const)).toBeNull();
    });
});
