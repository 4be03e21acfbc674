/**
 * The exact command that continues a stopped import: the same arguments, with `--resume <journal>` in place of
 * any --journal/--resume, quoted for the user's shell so it can be copied as is.
 */

/** Options that take a value: their value must be dropped along with them. */
const JOURNAL_FLAGS = new Set(['--journal', '--resume']);

/** Builds the resume command from the original arguments (without node and the script). */
export function resumeCommand(argv: readonly string[], journalPath: string, platform: NodeJS.Platform = process.platform): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (JOURNAL_FLAGS.has(a)) {
      i++; // skip its value
      continue;
    }
    if ([...JOURNAL_FLAGS].some((f) => a.startsWith(`${f}=`))) continue;
    kept.push(a);
  }
  kept.push('--resume', journalPath);
  const quote = platform === 'win32' ? quoteWindows : quotePosix;
  return ['omi-import', ...kept.map(quote)].join(' ');
}

function quotePosix(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function quoteWindows(s: string): string {
  return /^[A-Za-z0-9_./\\:=@%+,-]+$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}
