/**
 * A plain-text table for the terminal: a header row, columns padded to their widest cell, two
 * spaces between columns, no trailing spaces. Cells are single-line text (newlines become spaces).
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => headers.map((_, column) => (row[column] ?? '').replace(/\s*\n\s*/g, ' ')));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...row[column]].length)));
  return cells
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - [...cell].length))).join('  ').trimEnd())
    .join('\n');
}

/** Label / value lines (`status   RUNNING`), labels padded to the longest; multi-line values indented under the value column. */
export function renderFields(fields: readonly (readonly [string, string | undefined])[]): string {
  const shown = fields.filter((field): field is [string, string] => field[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown
    .map(([label, value]) => `${label.padEnd(width)}  ${value.split('\n').join(`\n${' '.repeat(width + 2)}`)}`)
    .join('\n');
}
