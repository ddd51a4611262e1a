/** Printing helpers for `npm run bench`: plain aligned tables on stdout. */

export function median(values: number[]): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
    const cells = [headers, ...rows.map(row => row.map(String))];
    const widths = headers.map((_, column) => Math.max(...cells.map(row => (row[column] ?? '').length)));
    process.stdout.write(`\n${title}\n`);
    for (const [index, row] of cells.entries()) {
        process.stdout.write(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`);
        if (index === 0) {
            process.stdout.write(`  ${widths.map(w => '-'.repeat(w)).join('  ')}\n`);
        }
    }
}
