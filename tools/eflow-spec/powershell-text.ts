/**
 * Helpers that turn data into PowerShell source text safely. Generated stand-ins embed names and descriptions from
 * the JSON descriptions; nothing from them may be able to end a string or a comment early.
 */

/**
 * PowerShell treats these as single-quote characters inside single-quoted strings (besides U+0027), so each must
 * be doubled, or a description with a typographic apostrophe would end the string.
 */
const SINGLE_QUOTE_CHARACTERS = /['\u2018\u2019\u201A\u201B]/g;

/** `text` as a single-quoted PowerShell string literal: no expansion, quotes doubled. */
export function singleQuoted(text: string): string {
    return `'${text.replace(SINGLE_QUOTE_CHARACTERS, quote => quote + quote)}'`;
}

/** `@('a', 'b')`: an array literal of single-quoted strings. */
export function stringArrayLiteral(items: readonly string[]): string {
    return `@(${items.map(singleQuoted).join(', ')})`;
}

/**
 * Text that is safe inside a `<# ... #>` block comment on one line: `#>` would close the comment, `<#` would be
 * confusing, and a line break would break the help keyword layout.
 */
export function blockCommentText(text: string): string {
    return text.replace(/#>/g, '# >').replace(/<#/g, '< #').replace(/[\r\n]+/g, ' ');
}

/** A bare word safe as a PowerShell function or parameter name (what validate.ts allows). */
export function assertBareName(name: string, what: string): string {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
        throw new Error(`${what} '${name}' cannot be used as a PowerShell name`);
    }
    return name;
}
