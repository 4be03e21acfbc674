/**
 * Misspelt email domains seen in Vietnamese contact lists, and the domain that was meant.
 * Only ever offered as a suggestion: `gmai.com` might be a real domain, the person decides.
 */
export const KNOWN_DOMAINS = [
  'gmail.com', 'yahoo.com', 'yahoo.com.vn', 'hotmail.com', 'outlook.com', 'icloud.com', 'live.com', 'msn.com',
  'fpt.com.vn', 'fpt.vn', 'vnn.vn', 'viettel.com.vn', 'vnpt.vn', 'zing.vn', 'ymail.com', 'googlemail.com',
] as const;

const EXPLICIT: Record<string, string> = {
  'gmial.com': 'gmail.com', 'gmai.com': 'gmail.com', 'gamil.com': 'gmail.com', 'gmal.com': 'gmail.com',
  'gmaill.com': 'gmail.com', 'gmail.co': 'gmail.com', 'gmail.con': 'gmail.com', 'gmail.cm': 'gmail.com',
  'gmail.om': 'gmail.com', 'gmail.vn': 'gmail.com', 'gmail.com.vn': 'gmail.com', 'gnail.com': 'gmail.com',
  'gmil.com': 'gmail.com', 'gmail.comm': 'gmail.com', 'gmail.c0m': 'gmail.com', 'gmali.com': 'gmail.com',
  'gmaii.com': 'gmail.com', 'g.mail.com': 'gmail.com', 'gmail.cpm': 'gmail.com', 'gmail.xom': 'gmail.com',
  'yaho.com': 'yahoo.com', 'yahooo.com': 'yahoo.com', 'yahoo.co': 'yahoo.com', 'yahoo.con': 'yahoo.com',
  'yhoo.com': 'yahoo.com', 'yahho.com': 'yahoo.com', 'yaoo.com': 'yahoo.com',
  'yahoo.com.v': 'yahoo.com.vn', 'yahoo.com.vm': 'yahoo.com.vn', 'yahoo.comvn': 'yahoo.com.vn', 'yahoo.vn': 'yahoo.com.vn',
  'yahoo.con.vn': 'yahoo.com.vn', 'yaho.com.vn': 'yahoo.com.vn', 'yahooo.com.vn': 'yahoo.com.vn', 'yahoo.co.vn': 'yahoo.com.vn',
  'yahoo.com.n': 'yahoo.com.vn', 'yahoo.cm.vn': 'yahoo.com.vn',
  'hotmial.com': 'hotmail.com', 'hotmai.com': 'hotmail.com', 'hotmal.com': 'hotmail.com', 'hotmail.co': 'hotmail.com',
  'hotmail.con': 'hotmail.com', 'homail.com': 'hotmail.com',
  'outlok.com': 'outlook.com', 'outloo.com': 'outlook.com', 'outlook.co': 'outlook.com', 'outlook.con': 'outlook.com',
  'iclod.com': 'icloud.com', 'icloud.co': 'icloud.com', 'icoud.com': 'icloud.com',
};

/** One edit (insert, delete, replace, swap of neighbours) apart? */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The domain certainly meant by a well-known misspelling (`gmial.com` → `gmail.com`), or null. */
export function knownTypo(domain: string): string | null {
  return EXPLICIT[domain.toLowerCase()] ?? null;
}

const suggested = new Map<string, string | null>();

/** The domain that was probably meant, or null when the domain looks right (or is unknown but not close to a common one). */
export function suggestDomain(domain: string): string | null {
  const d = domain.toLowerCase();
  let s = suggested.get(d);
  if (s === undefined) {
    s = suggest(d);
    if (suggested.size >= 10_000) suggested.clear();
    suggested.set(d, s);
  }
  return s;
}

function suggest(d: string): string | null {
  if ((KNOWN_DOMAINS as readonly string[]).includes(d)) return null;
  if (EXPLICIT[d]) return EXPLICIT[d];
  for (const known of KNOWN_DOMAINS) if (oneEditApart(d, known)) return known;
  return null;
}
