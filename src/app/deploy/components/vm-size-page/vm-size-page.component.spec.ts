import { byTest, textOf } from '../../../testing/render-component';
import { emptyRememberedEntries, rememberEntries } from '../../domain/remembered-entries';
import { messageOf } from '../../domain/message-text';
import { clientHostFacts, validWizardModel } from '../../domain/testing/deploy-fixtures';
import { validationError } from '../../domain/validation-message';
import type { VmSizeChoice } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { VmSizePageComponent } from './vm-size-page.component';

const vmSize: VmSizeChoice = { cpuCount: 2, memoryInMB: 4096, disk: { kind: 'default' }, vmLogSize: 'Small' };

describe('VmSizePageComponent', () => {
    function render(inputs: Record<string, unknown> = {}) {
        const fixture = renderDeployComponent(VmSizePageComponent, { vmSize, host: clientHostFacts(), ...inputs });
        const emitted: VmSizeChoice[] = [];
        fixture.componentInstance.vmSizeChange.subscribe((value: VmSizeChoice) => emitted.push(value));
        return { fixture, emitted };
    }

    it('ties each input to its hint and its messages (aria-describedby) and marks it invalid only with an error', () => {
        const messages = [validationError('vmSize.memoryInMB', 'memoryOdd', { value: 4097 })];
        const { fixture } = render({ messages });
        const root = fixture.nativeElement as HTMLElement;
        const memory = fieldElement(fixture, 'vmSize.memoryInMB');
        const describedBy = (memory.getAttribute('aria-describedby') ?? '').split(' ');
        expect(describedBy).toHaveLength(2);
        expect(root.querySelector(`#${describedBy[0]}`)?.textContent).toContain('MB free on the host');
        expect(textOf(root.querySelector(`#${describedBy[1]}`))).toBe('Deploy-Eflow accepts only an even number of MB; 4,097 is odd.');
        expect(memory.getAttribute('aria-invalid')).toBe('true');
        const cpu = fieldElement(fixture, 'vmSize.cpuCount');
        expect(cpu.getAttribute('aria-invalid')).toBe('false');
        // The messages list exists while empty too: the reference never points at nothing.
        expect(root.querySelector(`#${(cpu.getAttribute('aria-describedby') ?? '').split(' ')[1]}`)).not.toBeNull();
    });

    it('emits numbers as typed: empty is null, a number half typed is not a number', () => {
        const { fixture, emitted } = render();
        typeInto(fieldElement(fixture, 'vmSize.memoryInMB'), '2049');
        typeInto(fieldElement(fixture, 'vmSize.memoryInMB'), '');
        typeInto(fieldElement(fixture, 'vmSize.cpuCount'), '1.');
        expect(emitted.map(e => [e.cpuCount, e.memoryInMB])).toEqual([[2, 2049], [2, null], [Number.NaN, 4096]]);
    });

    it('leaves what the admin types alone when the model follows it, and shows a value set from outside', () => {
        const { fixture } = render();
        const memory = fieldElement(fixture, 'vmSize.memoryInMB');
        expect(memory.value).toBe('4096');
        memory.value = '1.';
        fixture.componentRef.setInput('vmSize', { ...vmSize, memoryInMB: Number.NaN });
        fixture.detectChanges();
        expect(memory.value).toBe('1.');
        fixture.componentRef.setInput('vmSize', { ...vmSize, memoryInMB: 8192 });
        fixture.detectChanges();
        expect(memory.value).toBe('8192');
    });

    it('shows the host\'s limits and what the host keeps with this VM', () => {
        const { fixture } = render();
        expect(textOf(byTest(fixture, 'host-left-cpu'))).toBe('6 of 8 logical processors');
        expect(textOf(byTest(fixture, 'host-left-memory'))).toBe('4,096 MB of free memory');
        expect(textOf(fixture.nativeElement as HTMLElement)).toContain('An even number from 1,024 MB up to the 8,192 MB free on the host.');
    });

    it('takes a disk size or a data partition size, never both, with the message under the size', () => {
        const { fixture, emitted } = render({
            vmSize: { ...vmSize, disk: { kind: 'osDisk', vmDiskSizeGB: 10 } },
            messages: [validationError('vmSize.disk.vmDiskSizeGB', 'vmDiskSizeOutOfRange', messageOf('sizeOutOfRange', { label: messageOf('labelVmDiskSize'), min: 21, max: 2000, value: 10 }))]
        });
        expect(shownCodes(fixture, 'vmSize.disk.vmDiskSizeGB')).toEqual(['vmDiskSizeOutOfRange']);
        choose(fieldElement(fixture, 'vmSize.disk', 'dataPartition'));
        expect(emitted[0].disk).toEqual({ kind: 'dataPartition', vmDataSizeGB: null });
        typeInto(fieldElement(fixture, 'vmSize.disk.vmDiskSizeGB'), '64');
        expect(emitted[1].disk).toEqual({ kind: 'osDisk', vmDiskSizeGB: 64 });
    });

    it('gives back the size typed for each disk kind when the admin switches kinds and back (as the store remembers it)', () => {
        const { fixture, emitted } = render();
        let remembered = emptyRememberedEntries();
        const store = (): void => {
            const choice = emitted[emitted.length - 1];
            remembered = rememberEntries(remembered, { ...validWizardModel(), vmSize: choice });
            fixture.componentRef.setInput('vmSize', choice);
            fixture.componentRef.setInput('rememberedDisk', remembered.disk);
            fixture.detectChanges();
        };
        choose(fieldElement(fixture, 'vmSize.disk', 'osDisk'));
        store();
        typeInto(fieldElement(fixture, 'vmSize.disk.vmDiskSizeGB'), '64');
        store();
        choose(fieldElement(fixture, 'vmSize.disk', 'dataPartition'));
        store();
        expect(emitted[emitted.length - 1].disk).toEqual({ kind: 'dataPartition', vmDataSizeGB: null });
        typeInto(fieldElement(fixture, 'vmSize.disk.vmDataSizeGB'), '40');
        store();
        choose(fieldElement(fixture, 'vmSize.disk', 'default'));
        store();
        expect(emitted[emitted.length - 1].disk).toEqual({ kind: 'default' });
        choose(fieldElement(fixture, 'vmSize.disk', 'osDisk'));
        store();
        expect(emitted[emitted.length - 1].disk).toEqual({ kind: 'osDisk', vmDiskSizeGB: 64 });
        expect(fieldElement(fixture, 'vmSize.disk.vmDiskSizeGB').value).toBe('64');
        choose(fieldElement(fixture, 'vmSize.disk', 'dataPartition'));
        store();
        expect(emitted[emitted.length - 1].disk).toEqual({ kind: 'dataPartition', vmDataSizeGB: 40 });
    });
});
