/** Spreadsheet letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Unique, readable column names: a blank header becomes "Cột C" (its letter), a repeated one gets " (2)", " (3)".
 * Comparison ignores case, since "Email" and "EMAIL" would confuse a person choosing a mapping.
 */
export function uniqueHeaders(headers: string[]): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  headers.forEach((h, i) => {
    const base = h === '' ? `Cột ${columnLetter(i)}` : h;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    used.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}
