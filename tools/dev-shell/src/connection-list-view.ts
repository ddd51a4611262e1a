/**
 * The left pane: WAC's connection list with a search box. Renders the simulated hosts; selecting one is reported
 * to the page, which updates the URL hash (the single source of the selection).
 */
import type { FleetHostInfo } from '../../simulator/api';
import { createElement } from './dom';
import { createIcon } from './icons';
import { connectionTypeLabel, matchesConnectionSearch } from './wac-connection';

/** The connection list, bound to its container (`#connections`). */
export class ConnectionListView {
    private hosts: FleetHostInfo[] = [];
    private selectedName: string | null = null;
    private readonly list: HTMLUListElement;
    private readonly search: HTMLInputElement;
    private readonly count: HTMLElement;

    /** @param onSelect called with the host name the user picked. */
    constructor(container: HTMLElement, private readonly onSelect: (hostName: string) => void) {
        this.search = createElement('input', {
            className: 'connection-search',
            attributes: {
                type: 'search', placeholder: 'Search by name or tag', 'aria-label': 'Search connections',
                'data-testid': 'connection-search'
            }
        });
        this.search.addEventListener('input', () => this.render());
        this.count = createElement('span', { className: 'connection-count' });
        this.list = createElement('ul', {
            className: 'connection-list', attributes: { role: 'listbox', 'aria-label': 'Connections' }
        });
        container.replaceChildren(
            createElement('div', {
                className: 'connection-pane-header',
                children: [createElement('h2', { text: 'All connections' }), this.count]
            }),
            createElement('div', {
                className: 'connection-search-box', children: [createIcon('search'), this.search]
            }),
            this.list);
    }

    /** Replaces the hosts shown. */
    setHosts(hosts: FleetHostInfo[]): void {
        this.hosts = hosts;
        this.render();
    }

    /** Marks the selected host (null: none). */
    setSelected(hostName: string | null): void {
        this.selectedName = hostName;
        this.render();
    }

    /** Shows why the list is empty (the gateway could not be asked). */
    showError(message: string): void {
        this.list.replaceChildren(createElement('li', { className: 'connection-error', text: message }));
    }

    private render(): void {
        const query = this.search.value;
        const visible = this.hosts.filter(host => matchesConnectionSearch(host, query));
        this.count.textContent = `${visible.length} of ${this.hosts.length}`;
        this.list.replaceChildren(...visible.map(host => this.renderRow(host)));
    }

    private renderRow(host: FleetHostInfo): HTMLLIElement {
        const selected = host.name === this.selectedName;
        const typeLabel = connectionTypeLabel(host.connectionType);
        const row = createElement('li', {
            className: `connection-row${selected ? ' selected' : ''}${host.reachable ? '' : ' unreachable'}`,
            attributes: {
                role: 'option', tabindex: '0', 'aria-selected': String(selected), title: host.description,
                'data-testid': 'connection-row', 'data-host': host.name,
                'data-reachable': String(host.reachable)
            },
            children: [
                createIcon(host.connectionType === 'msft.sme.connection-type.server' ? 'server' : 'pc', typeLabel),
                createElement('div', {
                    className: 'connection-main',
                    children: [
                        createElement('span', { className: 'connection-name', text: host.name }),
                        createElement('span', {
                            className: 'connection-type', text: typeLabel, attributes: { 'data-testid': 'connection-type' }
                        }),
                        createElement('div', {
                            className: 'connection-tags',
                            children: host.tags.map(tag => createElement('span', {
                                className: 'tag-chip', text: tag, attributes: { 'data-testid': 'connection-tag' }
                            }))
                        })
                    ]
                }),
                this.renderReachability(host.reachable)
            ]
        });
        row.addEventListener('click', () => this.onSelect(host.name));
        row.addEventListener('keydown', event => {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                this.onSelect(host.name);
            }
        });
        return row;
    }

    private renderReachability(reachable: boolean): HTMLElement {
        const label = reachable ? 'Reachable' : 'Unreachable';
        return createElement('span', {
            className: `connection-status ${reachable ? 'status-ok' : 'status-error'}`,
            attributes: { 'data-testid': 'connection-status' },
            children: [
                createIcon(reachable ? 'reachable' : 'unreachable'),
                createElement('span', { className: 'connection-status-label', text: label })
            ]
        });
    }
}
