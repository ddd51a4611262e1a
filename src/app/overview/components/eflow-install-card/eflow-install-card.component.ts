import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { EflowInstallState } from '../../../core/domain/install-state';
import { EflowChannel, EflowReleaseStatus, isSupportEndUrgent } from '../../../core/domain/release-catalogue';
import { WssdCertificateStatus } from '../../../core/domain/wssd-certificate';
import { EflowInstallation } from '../../../core/models/host-overview';
import { formatDate } from '../../../shared/display-format';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { okIcon, StatusIconName } from '../../view-model/status-icons';

/** A line of the card with a status. */
interface StatusLine {
    text: string;
    icon: StatusIconName;
}

/**
 * The EFLOW installation: product, channel, version against the release catalogue (update available, support),
 * install state, host services and the WSSDAgent certificate estimate.
 */
@Component({
    selector: 'em-eflow-install-card',
    templateUrl: './eflow-install-card.component.html',
    styleUrls: ['../overview-card.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class EflowInstallCardComponent implements OnChanges {
    /** The installation. */
    @Input() public installation: EflowInstallation | null = null;
    /** Where the host is on the lifecycle. */
    @Input() public installState: EflowInstallState | null = null;
    /** The channel the product name stands for. */
    @Input() public channel: EflowChannel | null = null;
    /** The version against the release catalogue, `null` when the version could not be read. */
    @Input() public release: EflowReleaseStatus | null = null;
    /** The certificate estimate, `null` without an install date. */
    @Input() public certificate: WssdCertificateStatus | null = null;
    /** When the release catalogue was compiled (yyyy-MM-dd). */
    @Input() public catalogueDate = '';

    protected readonly strings = extensionStrings().Overview.Install;
    protected channelText = '';
    protected stateText = '';
    protected update: StatusLine | null = null;
    protected support: StatusLine | null = null;
    protected installDate = '';
    protected certificateLine: StatusLine | null = null;

    public ngOnChanges(): void {
        const installation = this.installation;
        if (!installation) {
            return;
        }
        this.channelText = this.strings.Channels[this.channel ?? 'unknown'];
        this.stateText = this.describeState();
        this.update = this.describeUpdate();
        this.support = this.describeSupport();
        this.installDate = installation.installDate ? formatDate(installation.installDate) : this.strings.unknownDate;
        this.certificateLine = this.describeCertificate();
    }

    /** The icon for a Windows service state: running is fine, anything else is an error. */
    protected serviceIcon(state: string): StatusIconName {
        return okIcon(state.toLowerCase() === 'running');
    }

    private describeState(): string {
        switch (this.installState) {
            case 'installed':
                return this.strings.States.installed;
            case 'deployment-in-progress':
                return this.strings.States.deploying;
            case 'partial-deployment':
                return this.strings.States.partial;
            case 'vm-unknown':
                return this.strings.States.vmUnknown;
            case 'vm-deployed':
                // Provisioning is unknown while the VM is off or unreadable: do not call it "not provisioned".
                return this.installation?.vm?.provisioning.state.toLowerCase() === 'notprovisioned'
                    ? this.strings.States.vmDeployed
                    : this.strings.States.vmDeployedProvisioningUnknown;
            case 'provisioned':
                return this.strings.States.provisioned;
            default:
                return '';
        }
    }

    private describeUpdate(): StatusLine | null {
        if (!this.release?.train) {
            return null;
        }
        // An ended train gets no newer release: "current" with a green check would hide that the way out is a
        // migration to the newest LTS train.
        if (this.release.support === 'ended' && !this.release.updateTo) {
            const values = { train: this.release.train.name, target: this.release.migrateTo?.name ?? '' };
            return {
                text: formatText(this.release.migrateTo ? this.strings.lastOfEndedTrain : this.strings.lastOfEndedTrainNoTarget, values),
                icon: StatusIconType.Warning
            };
        }
        return this.release.updateTo
            ? { text: formatText(this.strings.updateAvailable, { version: this.release.updateTo }), icon: StatusIconType.Info }
            : { text: formatText(this.strings.upToDate, { date: formatDate(this.catalogueDate) }), icon: StatusIconType.Success };
    }

    private describeSupport(): StatusLine | null {
        const release = this.release;
        if (!release) {
            return null;
        }
        const date = release.train?.supportEnds ? formatDate(release.train.supportEnds) : '';
        switch (release.support) {
            case 'ended':
                return { text: formatText(this.strings.Support.ended, { date }), icon: StatusIconType.Warning };
            case 'ending-soon':
                return { text: formatText(this.strings.Support.endingSoon, { date }), icon: isSupportEndUrgent(release) ? StatusIconType.Warning : StatusIconType.Info };
            case 'supported':
                return { text: formatText(this.strings.Support.supported, { date }), icon: StatusIconType.Success };
            default:
                return { text: this.strings.Support.unknown, icon: StatusIconType.Unknown };
        }
    }

    private describeCertificate(): StatusLine | null {
        const certificate = this.certificate;
        if (!certificate) {
            return null;
        }
        if (certificate.state === 'expired') {
            // Known from the cmdlets' own failure even where the install date gives no estimate.
            return certificate.expiresOn
                ? { text: formatText(this.strings.certificateExpired, { date: formatDate(certificate.expiresOn) }), icon: StatusIconType.Critical }
                : { text: this.strings.certificateExpiredNoDate, icon: StatusIconType.Critical };
        }
        const date = formatDate(certificate.expiresOn);
        if (certificate.state === 'renewalUnconfirmed') {
            return { text: formatText(this.strings.certificateRenewalUnconfirmed, { date }), icon: StatusIconType.Warning };
        }
        return {
            text: formatText(this.strings.certificateExpires, { date }),
            icon: certificate.state === 'expiring' ? StatusIconType.Warning : StatusIconType.Success
        };
    }
}
