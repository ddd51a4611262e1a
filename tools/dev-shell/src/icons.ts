/**
 * The shell's icons as inline SVG. The SDK's icon font (Server MDL2) cannot be used: the woff files in the
 * SDK 5.0.0 npm package are corrupt (UTF-8 replacement bytes in the header; Chromium rejects them with "OTS
 * parsing error: incorrect file size in WOFF header"). Simple outlines in WAC's spirit, 16 x 16, currentColor.
 */

/** The icons the shell draws. */
export type IconName = 'bell' | 'server' | 'pc' | 'search' | 'reachable' | 'unreachable' | 'in-progress' | 'success'
    | 'error' | 'warning' | 'info' | 'close' | 'refresh' | 'menu';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Outline path data per icon (stroked, not filled). */
const ICON_PATHS: { [name in IconName]: string[] } = {
    bell: ['M8 1.8a3.9 3.9 0 0 0-3.9 3.9v3.1L2.6 11.4h10.8L11.9 8.8V5.7A3.9 3.9 0 0 0 8 1.8Z', 'M6.4 13.2a1.6 1.6 0 0 0 3.2 0'],
    server: ['M4.5 1.5h7v13h-7Z', 'M6.5 4h3', 'M6.5 6h3', 'M8 11.5h.01'],
    pc: ['M1.5 2.5h13v8.5h-13Z', 'M6 14h4', 'M8 11v3'],
    search: ['M6.5 2a4.5 4.5 0 1 1 0 9a4.5 4.5 0 0 1 0-9Z', 'M10 10l4.5 4.5'],
    reachable: ['M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13Z', 'M5 8.2l2 2l4-4.4'],
    unreachable: ['M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13Z', 'M5.5 5.5l5 5', 'M10.5 5.5l-5 5'],
    'in-progress': ['M14.5 8A6.5 6.5 0 1 1 8 1.5'],
    success: ['M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13Z', 'M5 8.2l2 2l4-4.4'],
    error: ['M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13Z', 'M5.5 5.5l5 5', 'M10.5 5.5l-5 5'],
    warning: ['M8 1.5l6.8 12.5H1.2Z', 'M8 6v4', 'M8 12h.01'],
    info: ['M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13Z', 'M8 7v4.5', 'M8 4.8h.01'],
    close: ['M3.5 3.5l9 9', 'M12.5 3.5l-9 9'],
    refresh: ['M13.5 8A5.5 5.5 0 1 1 11.9 4.1', 'M12 1.5v2.8H9.2'],
    menu: ['M2 4h12', 'M2 8h12', 'M2 12h12']
};

/** An icon element. With a label it is announced (role img); without, it is decoration. */
export function createIcon(name: IconName, label?: string): HTMLSpanElement {
    const wrapper = document.createElement('span');
    wrapper.className = `shell-icon icon-${name}`;
    if (label) {
        wrapper.setAttribute('role', 'img');
        wrapper.setAttribute('aria-label', label);
        wrapper.title = label;
    } else {
        wrapper.setAttribute('aria-hidden', 'true');
    }
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    for (const data of ICON_PATHS[name]) {
        const path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('d', data);
        svg.appendChild(path);
    }
    wrapper.appendChild(svg);
    return wrapper;
}
