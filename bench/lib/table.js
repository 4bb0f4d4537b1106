/** A plain-text table: a header row, a rule, then rows; numbers right-aligned, text left-aligned, nulls as '-'. */
export function formatTable(columns, rows) {
  const cell = (value) => (value === null || value === undefined ? '-' : typeof value === 'number' ? String(value) : String(value));
  const cells = rows.map((row) => columns.map((c) => cell(row[c.key])));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((r) => r[i].length)));
  const numeric = columns.map((c) => rows.some((row) => typeof row[c.key] === 'number'));
  const pad = (text, i) => (numeric[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (values) => values.map(pad).join('  ').trimEnd();
  return [line(columns.map((c) => c.label)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** a/b to two decimals, or null when either side is missing. */
export function ratio(a, b) {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}
