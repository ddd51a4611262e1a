import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import type { DeploymentHostFacts, HostNetAdapter, HostVirtualSwitch } from '../../domain/deployment-prerequisites';
import { rememberedSwitch, type RememberedEntries } from '../../domain/remembered-entries';
import { DEFAULT_SWITCH_NAME } from '../../domain/switch-rules';
import type { ValidationMessage } from '../../domain/validation-message';
import type { Ipv4Addressing, NetworkChoice, StaticIpv4Fields, SwitchChoice } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { eventText, formatListText, formatNumberText, parseListText, parseNumberText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy, hintId } from '../shared/field-ids';

/** The switch options of the host's SKU (eflow.md section 9). */
type SwitchKind = SwitchChoice['kind'];

/** Names the wizard proposes for a switch it creates. */
const NEW_EXTERNAL_NAME = 'EFLOW-External';
const NEW_INTERNAL_NAME = 'EFLOW-Internal';

/**
 * Page 4: the virtual switch (only the kinds the host's SKU allows: the Default Switch on client SKUs, Internal on
 * Server; the host's switches and adapters to choose from), DHCP or a static IPv4 address with its prefix length and
 * gateway, and DNS servers. Fields the deployed VM has fixed are read-only.
 */
@Component({
    selector: 'em-network-page',
    templateUrl: './network-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class NetworkPageComponent implements OnChanges {
    /** The choices. */
    @Input() public network: NetworkChoice | null = null;
    /** The host's facts (SKU, switches, adapters), null before they were read. */
    @Input() public host: DeploymentHostFacts | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Model field prefixes the host has fixed (the switch and address of a deployed VM). */
    @Input() public lockedFields: readonly string[] = [];
    /** The switch last chosen for each kind (remembered-entries.ts): switching back to a kind brings it back. */
    @Input() public rememberedSwitches: RememberedEntries['switches'] | null = null;
    /** Emits the whole choice on every change. */
    @Output() public readonly networkChange = new EventEmitter<NetworkChoice>();

    protected readonly strings = extensionStrings().Deploy.Network;
    protected readonly describedBy = describedBy;
    protected readonly hintId = hintId;
    protected readonly parseNumber = parseNumberText;
    protected readonly formatNumber = formatNumberText;
    protected readonly parseList = parseListText;
    protected readonly formatList = formatListText;
    protected switchKinds: SwitchKind[] = [];
    /** The host's switches the VM can use on this SKU. */
    protected usableSwitches: HostVirtualSwitch[] = [];
    protected adapters: HostNetAdapter[] = [];
    protected hostSwitchesText = '';
    protected switchLocked = false;

    /**
     * A host switch's type as this page words it: Hyper-V reports the Default Switch as Internal, and the page calls it
     * "Internal, with NAT" in the choice above, so the list says the same rather than "Internal" there and "NAT" here.
     */
    private hostSwitchType(item: { name: string; switchType: string }): string {
        return item.name === DEFAULT_SWITCH_NAME ? this.strings.defaultSwitchType : item.switchType;
    }

    public ngOnChanges(): void {
        const server = this.host?.isServerSku ?? false;
        const switches = this.host?.switches ?? [];
        this.usableSwitches = switches.filter(s => s.name !== DEFAULT_SWITCH_NAME &&
            (s.switchType === 'External' || (server && s.switchType === 'Internal')));
        const kinds: SwitchKind[] = server ? ['existing', 'newExternal', 'newInternal'] : ['defaultSwitch', 'existing', 'newExternal'];
        // "A switch that exists" only where one the VM can use exists (and always when it is the current choice).
        this.switchKinds = kinds.filter(kind => kind !== 'existing' || this.usableSwitches.length > 0 || this.network?.virtualSwitch.kind === 'existing');
        this.adapters = this.host?.physicalAdapters ?? [];
        this.hostSwitchesText = switches.length > 0
            ? formatText(this.strings.hostSwitches, { names: switches.map(s => `${s.name} (${this.hostSwitchType(s)})`).join(', ') })
            : this.strings.noSwitches;
        this.switchLocked = this.lockedFields.some(prefix => prefix.startsWith('network.virtualSwitch'));
    }

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected kindLabel(kind: SwitchKind): string {
        switch (kind) {
            case 'defaultSwitch':
                return this.strings.switchDefault;
            case 'existing':
                return this.strings.switchExisting;
            case 'newExternal':
                return this.strings.switchNewExternal;
            case 'newInternal':
                return this.strings.switchNewInternal;
        }
    }

    protected switchOption(item: HostVirtualSwitch): string {
        return formatText(this.strings.switchOption, { name: item.name, type: item.switchType });
    }

    protected adapterOption(adapter: HostNetAdapter): string {
        return formatText(this.strings.adapterOption, { name: adapter.name, description: adapter.interfaceDescription, status: adapter.status });
    }

    protected setSwitchKind(kind: SwitchKind): void {
        const first = this.usableSwitches[0];
        const upAdapter = this.adapters.find(adapter => adapter.status === 'Up');
        // What was chosen for this kind before, else a proposal that fits the host.
        const virtualSwitch: SwitchChoice = (this.rememberedSwitches ? rememberedSwitch(kind, this.rememberedSwitches) : null) ??
            (kind === 'defaultSwitch' ? { kind }
                : kind === 'existing' ? { kind, switchName: first?.name ?? '', switchType: first?.switchType === 'Internal' ? 'Internal' : 'External' }
                    : kind === 'newExternal' ? { kind, switchName: NEW_EXTERNAL_NAME, adapterName: upAdapter?.name ?? '' }
                        : { kind, switchName: NEW_INTERNAL_NAME });
        // A new Internal switch has no DHCP server; the Default Switch cannot take a static address.
        const addressing: Ipv4Addressing = kind === 'newInternal' ? 'static' : kind === 'defaultSwitch' ? 'dhcp' : this.network?.addressing ?? 'dhcp';
        this.change({ virtualSwitch, addressing });
    }

    protected setExistingSwitch(event: Event): void {
        const name = eventText(event);
        const found = this.usableSwitches.find(s => s.name === name);
        this.change({ virtualSwitch: { kind: 'existing', switchName: name, switchType: found?.switchType === 'Internal' ? 'Internal' : 'External' } });
    }

    protected setNewSwitchName(event: Event): void {
        const current = this.network?.virtualSwitch;
        if (current?.kind === 'newExternal') {
            this.change({ virtualSwitch: { ...current, switchName: eventText(event) } });
        } else if (current?.kind === 'newInternal') {
            this.change({ virtualSwitch: { ...current, switchName: eventText(event) } });
        }
    }

    protected setAdapter(event: Event): void {
        const current = this.network?.virtualSwitch;
        if (current?.kind === 'newExternal') {
            this.change({ virtualSwitch: { ...current, adapterName: eventText(event) } });
        }
    }

    protected setAddressing(addressing: Ipv4Addressing): void {
        this.change({ addressing });
    }

    protected setStaticText(field: 'ip4Address' | 'ip4GatewayAddress', event: Event): void {
        this.changeStatic({ [field]: eventText(event).trim() });
    }

    protected setPrefixLength(event: Event): void {
        this.changeStatic({ ip4PrefixLength: parseNumberText(eventText(event)) });
    }

    protected setDnsServers(event: Event): void {
        this.change({ dnsServers: parseListText(eventText(event)) });
    }

    private changeStatic(changes: Partial<StaticIpv4Fields>): void {
        if (this.network) {
            this.change({ staticIp: { ...this.network.staticIp, ...changes } });
        }
    }

    private change(changes: Partial<NetworkChoice>): void {
        if (this.network) {
            this.networkChange.emit({ ...this.network, ...changes });
        }
    }
}
