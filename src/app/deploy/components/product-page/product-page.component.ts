import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import type { MsiPackageReading } from '../../domain/msi-package-rules';
import { EFLOW_ARCHITECTURES, EFLOW_CHANNELS, type EflowArchitecture, type EflowChannel } from '../../domain/product-catalog';
import type { ValidationMessage } from '../../domain/validation-message';
import type { ProductChoice } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { eventText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy, hintId } from '../shared/field-ids';

/** Page 2: the release (LTS or CR), the architecture (the host's), where the MSI comes from, and install folders. */
@Component({
    selector: 'em-product-page',
    templateUrl: './product-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class ProductPageComponent {
    /** The choices. */
    @Input() public product: ProductChoice | null = null;
    /** The host's architecture (`x64`, `ARM64`, ...), null when unknown. */
    @Input() public hostArchitecture: string | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Whether the host has fixed these choices (EFLOW is installed). */
    @Input() public locked = false;
    /** The host's reading of the MSI file when it is the chosen product, null otherwise (a mismatch is a message). */
    @Input() public confirmedMsi: MsiPackageReading | null = null;
    /** Emits the whole choice on every change. */
    @Output() public readonly productChange = new EventEmitter<ProductChoice>();

    protected readonly strings = extensionStrings().Deploy.Product;
    protected readonly describedBy = describedBy;
    protected readonly hintId = hintId;
    protected readonly channels = EFLOW_CHANNELS;
    protected readonly architectures = EFLOW_ARCHITECTURES;

    protected get architectureNote(): string {
        return this.hostArchitecture ? formatText(this.strings.architectureHost, { architecture: this.hostArchitecture }) : '';
    }

    /** "This MSI is Azure IoT Edge LTS 1.5.6.08025, the LTS release for x64."; '' when the MSI is not confirmed. */
    protected get msiConfirmation(): string {
        const msi = this.confirmedMsi;
        if (!msi || this.product?.source.kind !== 'hostPath') {
            return '';
        }
        return formatText(this.strings.msiConfirmed, { product: msi.productName ?? '', version: msi.productVersion ?? '',
            channel: msi.channel ?? '', architecture: msi.architecture ?? '' });
    }

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected setChannel(channel: EflowChannel): void {
        this.change({ channel });
    }

    protected setArchitecture(architecture: EflowArchitecture): void {
        this.change({ architecture });
    }

    protected setSource(kind: 'download' | 'hostPath'): void {
        const current = this.product?.source;
        this.change({ source: kind === 'download' ? { kind } : { kind, msiPath: current?.kind === 'hostPath' ? current.msiPath : '' } });
    }

    protected setMsiPath(event: Event): void {
        this.change({ source: { kind: 'hostPath', msiPath: eventText(event) } });
    }

    protected setFolder(field: 'installPath' | 'vhdxPath', event: Event): void {
        this.change({ [field]: eventText(event) });
    }

    private change(changes: Partial<ProductChoice>): void {
        if (this.product) {
            this.productChange.emit({ ...this.product, ...changes });
        }
    }
}
