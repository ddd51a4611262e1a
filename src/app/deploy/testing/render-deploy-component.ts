import { CommonModule } from '@angular/common';
import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TooltipHostComponent, TooltipModule } from '@microsoft/windows-admin-center-sdk/angular';
import { setInputs } from '../../testing/render-component';
import { loadSdkStrings } from '../../testing/sdk-test-environment';
import { DEPLOY_SDK_MODULES } from '../components/shared/deploy-sdk-modules';
import { DEPLOY_SHARED_DECLARATIONS } from '../deploy.module';

/**
 * Renders one of the wizard's presentational components with what every page uses (field messages, secret fields,
 * the parsed-value binding) and the SDK modules of the feature; inputs are set as a parent template would.
 */
export function renderDeployComponent<T>(component: Type<T>, inputs: Readonly<Record<string, unknown>>): ComponentFixture<T> {
    loadSdkStrings();
    const declarations = DEPLOY_SHARED_DECLARATIONS.includes(component as never) ? DEPLOY_SHARED_DECLARATIONS : [component, ...DEPLOY_SHARED_DECLARATIONS];
    TestBed.configureTestingModule({ declarations, imports: [CommonModule, TooltipModule, ...DEPLOY_SDK_MODULES] });
    const fixture = TestBed.createComponent(component);
    TestBed.createComponent(TooltipHostComponent).detectChanges();
    setInputs(fixture, inputs);
    return fixture;
}

/** The input, select or textarea of a model field (`data-field`), by value for radios. */
export function fieldElement(fixture: ComponentFixture<unknown>, field: string, value?: string): HTMLInputElement {
    const selector = `[data-test="field"][data-field="${field}"]${value === undefined ? '' : `[data-value="${value}"]`}`;
    const element = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(selector);
    if (!element) {
        throw new Error(`no field ${selector}`);
    }
    return element;
}

/** Types `text` into a field as the admin would (the whole value, then an input event). */
export function typeInto(element: HTMLInputElement | HTMLSelectElement, text: string): void {
    element.value = text;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Picks a radio (or ticks a checkbox) as a click would: checked, then a change event (jsdom does not fire one). */
export function choose(element: HTMLInputElement, checked = true): void {
    element.checked = checked;
    element.dispatchEvent(new Event('change'));
}

/** The codes of the messages shown for a field. */
export function shownCodes(fixture: ComponentFixture<unknown>, field?: string): string[] {
    const selector = field === undefined ? '[data-test="field-message"]' : `[data-test="field-message"][data-field^="${field}"]`;
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), element => element.getAttribute('data-code') ?? '');
}
