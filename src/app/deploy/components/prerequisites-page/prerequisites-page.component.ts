import { ChangeDetectionStrategy, Component, ElementRef, EventEmitter, Input, OnChanges, Output, ViewChild } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import type { HyperVFeatureState, PrerequisiteCheck, PrerequisiteCheckId, PrerequisiteStatus } from '../../domain/deployment-prerequisites';
import type { ResumeBlocker } from '../../domain/resume-detection';
import type { HyperVEnabling } from '../../store/deploy-wizard-state';
import type { MessageText } from '../../domain/message-text';
import { prerequisiteDetail, prerequisiteFix } from '../../domain/prerequisite-text';
import { deployTexts, messageText } from '../../view-model/message-text';
import { extensionStrings } from '../../../shared/extension-strings';
import { gatewayErrorText, gatewayTexts } from '../../../shared/gateway-error-text';
import { formatText } from '../../../shared/format-text';

/** The strings key of each check (resjson keys cannot hold hyphens). */
const CHECK_KEYS = {
    'os-edition': 'osEdition', architecture: 'architecture', 'hyperv-feature': 'hypervFeature', 'hyperv-services': 'hypervServices',
    'virtualization-firmware': 'virtualizationFirmware', 'hypervisor-present': 'hypervisorPresent',
    'nested-virtualization': 'nestedVirtualization', memory: 'memory', disk: 'disk', 'openssh-client': 'opensshClient',
    'pending-reboot': 'pendingReboot', 'virtual-switch': 'virtualSwitch', 'existing-eflow': 'existingEflow'
} as const;

const STATUS_ICONS: Readonly<Record<PrerequisiteStatus, StatusIconType>> = {
    pass: StatusIconType.Success, warning: StatusIconType.Warning, fail: StatusIconType.Error
};

/** One check as the page shows it: its sentences worded from the strings. */
interface CheckRow {
    check: PrerequisiteCheck;
    detail: string;
    /** "What to do: ..."; null for a pass. */
    fix: string | null;
}

/**
 * Page 1: every prerequisite check with pass / warning / fail, what was found and how to fix it; why the wizard cannot
 * go on (failed checks, resume blockers); and, where Hyper-V is off, the offer to enable it, now with a restart or
 * with a restart later.
 */
@Component({
    selector: 'em-prerequisites-page',
    templateUrl: './prerequisites-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class PrerequisitesPageComponent implements OnChanges {
    /** The checks, in the script's order. */
    @Input() public checks: readonly PrerequisiteCheck[] = [];
    /** The Hyper-V feature or role state, null before the host was read. */
    @Input() public hyperVState: HyperVFeatureState | null = null;
    /** Why the wizard cannot continue on this host (resume-detection.ts). */
    @Input() public blockers: readonly ResumeBlocker[] = [];
    /** The Hyper-V offer's progress. */
    @Input() public hyperV: HyperVEnabling | null = null;
    /** Whether the host is being read again. */
    @Input() public refreshing = false;
    /** The host's name, which the restart question names. */
    @Input() public hostName = '';
    /** Whether the host restarts to enable Hyper-V: the results shown are from before, and a re-check is waiting. */
    @Input() public hostRestarting = false;
    /** Emits `true` to enable Hyper-V and restart at once (after the admin confirmed), `false` to restart later. */
    @Output() public readonly enableHyperV = new EventEmitter<boolean>();
    /** Emits when the admin asks to check the host again. */
    @Output() public readonly recheck = new EventEmitter<void>();

    protected readonly strings = extensionStrings().Deploy;
    private readonly texts = deployTexts(extensionStrings());
    private readonly gatewayTexts = gatewayTexts(extensionStrings());
    protected rows: CheckRow[] = [];
    protected failed = false;
    protected offerHyperV = false;
    protected hyperVNote = '';
    protected confirmingRestart = false;
    protected restartQuestion = '';
    protected restartYes = '';
    protected staleText = '';
    @ViewChild('confirmRestart') protected set confirmButton(button: ElementRef<HTMLButtonElement> | undefined) {
        // The question appears under the button that asked it: the focus goes to its answer so keyboard users hear it.
        button?.nativeElement.focus();
    }

    public ngOnChanges(): void {
        this.rows = this.checks.map(check => {
            const fix = prerequisiteFix(check, this.hyperVState);
            return { check, detail: this.text(prerequisiteDetail(check)), fix: fix === null ? null : this.fixText(this.text(fix)) };
        });
        this.failed = this.checks.some(check => check.status === 'fail');
        const status = this.hyperV?.status ?? 'idle';
        this.offerHyperV = this.hyperVState === 'Disabled' && (status === 'idle' || status === 'failed');
        this.hyperVNote = this.describeHyperV();
        const host = { host: this.hostName };
        this.restartQuestion = formatText(this.strings.Prerequisites.restartConfirm, host);
        this.restartYes = formatText(this.strings.Prerequisites.restartConfirmYes, host);
        this.staleText = formatText(this.strings.Prerequisites.staleResults, host);
    }

    /** "Enable Hyper-V and restart now": asks first. */
    protected askRestart(): void {
        this.confirmingRestart = true;
    }

    protected confirmRestartNow(): void {
        this.confirmingRestart = false;
        this.enableHyperV.emit(true);
    }

    protected cancelRestart(): void {
        this.confirmingRestart = false;
    }

    protected text(message: MessageText): string {
        return messageText(message, this.texts);
    }

    protected label(id: PrerequisiteCheckId): string {
        return this.strings.Prerequisites.check[CHECK_KEYS[id]];
    }

    protected icon(status: PrerequisiteStatus): StatusIconType {
        return STATUS_ICONS[status];
    }

    protected statusText(status: PrerequisiteStatus): string {
        return this.strings.Prerequisites.status[status];
    }

    private fixText(fix: string): string {
        return formatText(this.strings.Prerequisites.fix, { fix });
    }

    private describeHyperV(): string {
        const texts = this.strings.Prerequisites;
        const hyperV = this.hyperV;
        switch (hyperV?.status) {
            case 'running':
                return texts.enabling;
            case 'failed':
                return formatText(texts.enableFailed, { message: hyperV.error ? gatewayErrorText(hyperV.error, this.gatewayTexts) : '' });
            case 'done':
                if (hyperV.result?.restarting) {
                    return texts.restarting;
                }
                return hyperV.result?.status === 'alreadyEnabled' ? texts.alreadyEnabled : texts.enabled;
            default:
                return '';
        }
    }
}
