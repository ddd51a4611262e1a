/**
 * Fills `{name}` placeholders of a localized string, e.g. `formatText('Updated {age}', { age: '3 min ago' })`.
 * A placeholder without a value stays as it is, so a missing value shows up instead of vanishing.
 */
export function formatText(template: string, values: Readonly<Record<string, string | number>>): string {
    return template.replace(/\{(\w+)\}/g, (placeholder: string, name: string) =>
        Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : placeholder);
}
