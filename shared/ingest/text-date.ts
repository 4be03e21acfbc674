/**
 * A date typed as text, read day-first as Vietnamese write it ("15/03/1990", "5-3-90", "15.03.1990", "1990-03-15"),
 * never US month-first. Returns ISO `yyyy-mm-dd`, or undefined when the text is not a real calendar date.
 * Two-digit years: 00–29 → 2000s, 30–99 → 1900s.
 */
export function parseDayFirstDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += y < 30 ? 2000 : 1900;
  }
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
