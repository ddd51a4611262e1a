/**
 * Elastic tabstops as Rust's tabwriter crate prints `iotedge list` (`TabWriter::new(..).minwidth(15)`, padding 2):
 * every column but the last is padded to max(widest cell + 2, 15); the last column is not padded.
 */
export function tabWriter(rows: string[][], minWidth = 15, padding = 2): string[] {
    const columnCount = Math.max(0, ...rows.map(row => row.length));
    const widths: number[] = [];
    for (let column = 0; column < columnCount - 1; column++) {
        const widest = Math.max(0, ...rows.map(row => [...(row[column] ?? '')].length));
        widths.push(Math.max(widest + padding, minWidth));
    }
    return rows.map(row => row.map((cell, column) =>
        column < row.length - 1 ? cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length)) : cell
    ).join(''));
}
