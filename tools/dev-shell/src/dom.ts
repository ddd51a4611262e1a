/**
 * A tiny element builder for the dev shell's views (no framework: the shell must not share Angular or the SDK
 * with the module it hosts, as WAC's shell does not).
 */

/** Attributes and content for `createElement`. */
export interface ElementSpec {
    className?: string;
    text?: string;
    /** Attributes set with `setAttribute` (`data-*`, `aria-*`, `title`, ...). */
    attributes?: { [name: string]: string };
    children?: Node[];
}

/** Creates an element; text is set as text, never parsed as HTML. */
export function createElement<K extends keyof HTMLElementTagNameMap>(
    tag: K, spec: ElementSpec = {}): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (spec.className) {
        element.className = spec.className;
    }
    if (spec.text !== undefined) {
        element.textContent = spec.text;
    }
    for (const [name, value] of Object.entries(spec.attributes ?? {})) {
        element.setAttribute(name, value);
    }
    for (const child of spec.children ?? []) {
        element.appendChild(child);
    }
    return element;
}

/** Finds a required element of the page skeleton (index.html), failing loudly if the page and code disagree. */
export function requireElement<T extends Element>(root: ParentNode, selector: string,
    type: new () => T): T {
    const element = root.querySelector(selector);
    if (!(element instanceof type)) {
        throw new Error(`The dev shell page lacks ${selector}`);
    }
    return element;
}
