/**
 * The collapsible debug log at the bottom of the shell: the module's Log, Telemetry and Report messages, the
 * Forward requests it made with what the shell answered, and the handshake's steps. People read it while
 * developing; browser tests read it to see which answers a tool frame got.
 */
import { createElement } from './dom';
import { compactJson, DebugLogEntry } from './module-request-routing';

/** Keeps the page responsive when a module logs a lot. */
const MAX_ENTRIES = 500;

/** The `<details>` debug log. */
export class DebugLogView {
    private readonly list: HTMLOListElement;
    private readonly count: HTMLElement;
    private total = 0;

    constructor(container: HTMLDetailsElement) {
        this.count = createElement('span', { className: 'debug-log-count', text: '0' });
        this.list = createElement('ol', { className: 'debug-log-list', attributes: { 'data-testid': 'debug-log' } });
        container.replaceChildren(
            createElement('summary', { children: [document.createTextNode('Debug log '), this.count] }),
            this.list);
    }

    /** Appends an entry (dropping the oldest beyond the cap). */
    add(entry: DebugLogEntry): void {
        this.total++;
        this.count.textContent = String(this.total);
        const attributes: { [name: string]: string } = {
            'data-category': entry.category, 'data-command': entry.command, 'data-host': entry.hostName
        };
        if (entry.service !== undefined) {
            attributes['data-service'] = entry.service;
        }
        if (entry.detail !== undefined) {
            attributes['title'] = compactJson(entry.detail, 2000);
        }
        this.list.appendChild(createElement('li', {
            className: `debug-log-entry category-${entry.category}`,
            attributes,
            children: [
                createElement('span', { className: 'debug-log-time', text: new Date().toLocaleTimeString() }),
                createElement('span', { className: 'debug-log-command', text: entry.command }),
                createElement('span', { className: 'debug-log-host', text: entry.hostName }),
                createElement('span', { className: 'debug-log-summary', text: entry.summary })
            ]
        }));
        while (this.list.childElementCount > MAX_ENTRIES) {
            this.list.firstElementChild?.remove();
        }
    }
}
