import { CommonModule } from '@angular/common';
import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TooltipHostComponent, TooltipModule } from '@microsoft/windows-admin-center-sdk/angular';
import { OVERVIEW_SDK_MODULES } from '../overview/overview-sdk-modules';
import { loadSdkStrings } from './sdk-test-environment';

/**
 * Renders a presentational component with the SDK UI modules the overview uses, for DOM assertions. Inputs are set
 * through `setInput`, as a parent template would, so `ngOnChanges` and OnPush behave as in the app. SDK components
 * look up a tooltip host globally (in the app, `<sme-ux>` provides it); it is created after the component's fixture
 * but before its first render, so that TestBed destroys it last, after the icons that unregister from it.
 */
export function renderComponent<T>(component: Type<T>, inputs: Readonly<Record<string, unknown>>): ComponentFixture<T> {
    loadSdkStrings();
    TestBed.configureTestingModule({ declarations: [component], imports: [CommonModule, TooltipModule, ...OVERVIEW_SDK_MODULES] });
    const fixture = TestBed.createComponent(component);
    TestBed.createComponent(TooltipHostComponent).detectChanges();
    setInputs(fixture, inputs);
    return fixture;
}

/** Changes inputs of a rendered component and updates the DOM. */
export function setInputs<T>(fixture: ComponentFixture<T>, inputs: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(inputs)) {
        fixture.componentRef.setInput(name, value);
    }
    fixture.detectChanges();
}

/** Where to look: a fixture's root element, or any element. */
export type TestRoot = ComponentFixture<unknown> | Element;

function rootElement(root: TestRoot): Element {
    return root instanceof Element ? root : root.nativeElement as Element;
}

/** The elements with `data-test="<name>"` under the root. */
export function allByTest(root: TestRoot, name: string): HTMLElement[] {
    return Array.from(rootElement(root).querySelectorAll<HTMLElement>(`[data-test="${name}"]`));
}

/** The first element with `data-test="<name>"` under the root; fails the test when there is none. */
export function byTest(root: TestRoot, name: string): HTMLElement {
    const element = rootElement(root).querySelector<HTMLElement>(`[data-test="${name}"]`);
    if (!element) {
        throw new Error(`no element with data-test="${name}"`);
    }
    return element;
}

/**
 * The text a sighted user reads in an element: text nodes joined by spaces (adjacent inline elements read as
 * separate words), whitespace collapsed, screen-reader-only text (`.sme-screen-reader`, e.g. a status icon's name)
 * left out.
 */
export function textOf(element: Element | null): string {
    if (!element) {
        return '';
    }
    const parts: string[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('.sme-screen-reader')) {
            parts.push(node.textContent ?? '');
        }
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}
