import { ChangeDetectionStrategy, ChangeDetectorRef, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { WHOLE_FILE_PATH, type AutoDeployIssue } from '../../domain/auto-deploy-config';
import type { MessageText } from '../../domain/message-text';
import { previewText, type PreviewLine } from '../../domain/powershell-preview';
import type { WizardModel } from '../../domain/wizard-model';
import type { WizardPageId } from '../../domain/wizard-pages';
import type { ImportOutcome } from '../../store/deploy-wizard-state';
import { deployTexts, messageText } from '../../view-model/message-text';
import type { ExportFile } from '../../view-model/wizard-view-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { reviewLines, type ReviewLine } from './review-summary';

/** A file the admin chose to import. */
export interface ImportedFile {
    fileName: string;
    text: string;
}

/**
 * Page 8: the summary of every choice (each with a link back to its page), the exact PowerShell the wizard will run
 * with secrets masked (copy), the eflowAutoDeploy export (a download) and import (a file, with its errors and
 * warnings shown).
 */
@Component({
    selector: 'em-review-page',
    templateUrl: './review-page.component.html',
    styleUrls: ['../shared/wizard-form.css', './review-page.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReviewPageComponent implements OnChanges {
    /** The choices. */
    @Input() public model: WizardModel | null = null;
    /** The PowerShell, its comments not worded yet; null while the choices are not valid. */
    @Input() public preview: readonly PreviewLine[] | null = null;
    /** The export of the current choices. */
    @Input() public exportFile: ExportFile | null = null;
    /** The pages with errors. */
    @Input() public invalidPages: readonly WizardPageId[] = [];
    /** The last import's outcome. */
    @Input() public importOutcome: ImportOutcome | null = null;
    /** Emits the page to change. */
    @Output() public readonly openPage = new EventEmitter<WizardPageId>();
    /** Emits a file chosen for import. */
    @Output() public readonly importFile = new EventEmitter<ImportedFile>();

    protected readonly strings = extensionStrings().Deploy;
    private readonly texts = deployTexts(extensionStrings());
    protected lines: ReviewLine[] = [];
    /** The preview as the script text shown and copied, in the admin's language. */
    protected script: string | null = null;
    protected copied = false;

    constructor(private readonly changeDetector: ChangeDetectorRef) {}

    public ngOnChanges(): void {
        this.lines = this.model ? reviewLines(this.model, this.strings) : [];
        this.script = this.preview ? previewText(this.preview, text => messageText(text, this.texts)) : null;
        this.copied = false;
    }

    /** The accessible name of a summary line's Change button: "Change VM size", not six buttons all named "Change". */
    protected changeLabel(page: WizardPageId): string {
        return formatText(this.strings.Review.changePage, { page: this.strings.Pages[page] });
    }

    protected importText(outcome: ImportOutcome): string {
        return formatText(outcome.applied ? this.strings.Review.importApplied : this.strings.Review.importFailed, { file: outcome.fileName });
    }

    /** An issue with the setting it is about; one about the whole file names the file, not a "(file)" placeholder. */
    protected issueText(issue: AutoDeployIssue, fileName: string): string {
        return formatText(this.strings.Review.issue, { path: issue.path === WHOLE_FILE_PATH ? fileName : issue.path,
            text: messageText(issue.text, this.texts) });
    }

    protected noteText(note: MessageText): string {
        return messageText(note, this.texts);
    }

    protected issueIcon(error: boolean): StatusIconType {
        return error ? StatusIconType.Error : StatusIconType.Warning;
    }

    /** Copies the PowerShell; where the clipboard API is refused (a framed page without permission), selects and copies. */
    protected async copy(code: HTMLTextAreaElement): Promise<void> {
        const text = this.script ?? '';
        try {
            await navigator.clipboard.writeText(text);
        } catch {
            // The WAC frame may not grant clipboard access: fall back on the selection, which needs no permission.
            code.select();
            document.execCommand('copy');
        }
        this.copied = true;
        this.changeDetector.markForCheck();
    }

    /** Downloads the eflowAutoDeploy file. */
    protected download(): void {
        const file = this.exportFile;
        if (!file) {
            return;
        }
        const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = file.fileName;
        link.click();
        URL.revokeObjectURL(url);
    }

    protected async chosen(event: Event): Promise<void> {
        const input = event.target as HTMLInputElement;
        const file = input.files?.[0];
        if (file) {
            this.importFile.emit({ fileName: file.name, text: await readText(file) });
        }
        // Choosing the same file again must import it again.
        input.value = '';
    }
}

/** A file's text (FileReader: Blob.text() is missing in some embedded browsers). */
function readText(file: Blob): Promise<string> {
    return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
        reader.onerror = () => reject(reader.error);
        reader.readAsText(file);
    });
}
