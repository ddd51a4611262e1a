/**
 * "Nothing entered is lost": what the admin typed for the kinds of a choice that are not chosen now (the other
 * provisioning types, disk kinds and switch kinds), so that switching back restores it.
 *
 * Kept beside the model, in the wizard's state and draft, never inside it: the model holds the chosen kind's values
 * only, so the export, the preview and the deploy plan cannot pick up a value of a kind the admin left. Never a
 * secret either: the provisioning secrets are not model fields, and this holds model values only
 * (`remembered-entries.spec.ts` checks it at compile time as wizard-model.spec.ts does for the model).
 */
import {
    PROVISIONING_FIELD_KEYS, provisioningFieldsOf, provisioningValues, type ProvisioningFieldKey
} from './provisioning-field-values';
import type { DiskChoice, SwitchChoice, WizardModel } from './wizard-model';
import { ModelShapeError, readCount, readFields, readSwitch, readText } from './wizard-model-reader';

type ExistingSwitch = Extract<SwitchChoice, { kind: 'existing' }>;
type NewExternalSwitch = Extract<SwitchChoice, { kind: 'newExternal' }>;
type NewInternalSwitch = Extract<SwitchChoice, { kind: 'newInternal' }>;

export interface RememberedEntries {
    /** The non-secret provisioning fields by name: a field several types share (scope ID, ...) is one entry. */
    provisioning: Record<ProvisioningFieldKey, string>;
    /** The size last typed for each disk kind (null: none typed). */
    disk: { vmDiskSizeGB: number | null; vmDataSizeGB: number | null };
    /** The switch last chosen for each switch kind (null: that kind was never chosen). */
    switches: { existing: ExistingSwitch | null; newExternal: NewExternalSwitch | null; newInternal: NewInternalSwitch | null };
}

/** Nothing remembered. */
export function emptyRememberedEntries(): RememberedEntries {
    return {
        provisioning: provisioningValues({ type: 'skip' }),
        disk: { vmDiskSizeGB: null, vmDataSizeGB: null },
        switches: { existing: null, newExternal: null, newInternal: null }
    };
}

/** `previous` with the model's chosen kinds recorded: what the admin sees now replaces what was remembered for them. */
export function rememberEntries(previous: RememberedEntries, model: WizardModel): RememberedEntries {
    const provisioning = { ...previous.provisioning };
    const values = provisioningValues(model.provisioning);
    for (const key of provisioningFieldsOf(model.provisioning)) {
        provisioning[key] = values[key];
    }
    const disk = model.vmSize.disk;
    const chosen = model.network.virtualSwitch;
    return {
        provisioning,
        disk: {
            vmDiskSizeGB: disk.kind === 'osDisk' ? disk.vmDiskSizeGB : previous.disk.vmDiskSizeGB,
            vmDataSizeGB: disk.kind === 'dataPartition' ? disk.vmDataSizeGB : previous.disk.vmDataSizeGB
        },
        switches: {
            existing: chosen.kind === 'existing' ? { ...chosen } : previous.switches.existing,
            newExternal: chosen.kind === 'newExternal' ? { ...chosen } : previous.switches.newExternal,
            newInternal: chosen.kind === 'newInternal' ? { ...chosen } : previous.switches.newInternal
        }
    };
}

/** The disk of `kind` with the size last typed for it. */
export function rememberedDisk(kind: DiskChoice['kind'], disk: RememberedEntries['disk']): DiskChoice {
    switch (kind) {
        case 'default':
            return { kind };
        case 'osDisk':
            return { kind, vmDiskSizeGB: disk.vmDiskSizeGB };
        case 'dataPartition':
            return { kind, vmDataSizeGB: disk.vmDataSizeGB };
    }
}

/** The switch last chosen for `kind`, null when that kind was never chosen (the page proposes one). */
export function rememberedSwitch(kind: SwitchChoice['kind'], switches: RememberedEntries['switches']): SwitchChoice | null {
    return kind === 'defaultSwitch' ? { kind } : switches[kind];
}

// ---------------------------------------------------------------- reading a draft's copy

/** A remembered switch of `kind`, read as the model's own switch is, or null. */
function readRememberedSwitch<K extends keyof RememberedEntries['switches']>(value: unknown, kind: K): RememberedEntries['switches'][K] {
    if (value === null) {
        return null;
    }
    const path = `remembered.switches.${kind}`;
    const choice = readSwitch(value, path);
    if (choice.kind !== kind) {
        throw new ModelShapeError(`${path}.kind`, kind);
    }
    return choice as RememberedEntries['switches'][K];
}

/**
 * The remembered entries of a stored draft, copied field by field (a stray field, such as a secret pasted into
 * storage, never gets through). Throws a `ModelShapeError` for anything that is not exactly their shape.
 */
export function readRememberedEntries(value: unknown): RememberedEntries {
    const root = readFields(value, 'remembered');
    const provisioningFields = readFields(root['provisioning'], 'remembered.provisioning');
    const provisioning = provisioningValues({ type: 'skip' });
    for (const key of PROVISIONING_FIELD_KEYS) {
        provisioning[key] = readText(provisioningFields, key, 'remembered.provisioning');
    }
    const disk = readFields(root['disk'], 'remembered.disk');
    const switches = readFields(root['switches'], 'remembered.switches');
    return {
        provisioning,
        disk: { vmDiskSizeGB: readCount(disk, 'vmDiskSizeGB', 'remembered.disk'), vmDataSizeGB: readCount(disk, 'vmDataSizeGB', 'remembered.disk') },
        switches: {
            existing: readRememberedSwitch(switches['existing'], 'existing'),
            newExternal: readRememberedSwitch(switches['newExternal'], 'newExternal'),
            newInternal: readRememberedSwitch(switches['newInternal'], 'newInternal')
        }
    };
}
