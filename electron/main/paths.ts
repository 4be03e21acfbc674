/**
 * Where the app keeps its data on disk. Node only (no `electron` import) so that the headless `omi-import`
 * and the desktop app agree on one folder: the desktop app calls these instead of `app.getPath('userData')`.
 */
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';

/** The product name Electron uses for the userData folder. */
export const PRODUCT_NAME = 'OMI Importer';

/** What `userDataDir` reads; injectable so tests can ask for another OS's answer. */
export interface PathEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

function currentPathEnv(): PathEnv {
  return { env: process.env, platform: process.platform, home: homedir() };
}

/**
 * The user data folder: `OMI_IMPORTER_HOME` when set (tests give each run its own), otherwise Electron's
 * userData convention for "OMI Importer": %APPDATA%\OMI Importer on Windows, ~/Library/Application Support/OMI Importer
 * on macOS, $XDG_CONFIG_HOME/OMI Importer (or ~/.config/OMI Importer) elsewhere.
 */
export function userDataDir(pe: PathEnv = currentPathEnv()): string {
  const override = pe.env.OMI_IMPORTER_HOME;
  if (override && override.trim() !== '') return override;
  // The separator is the target OS's, so the answer for Windows is right even when asked on Linux (tests).
  if (pe.platform === 'win32') {
    const appData = pe.env.APPDATA && pe.env.APPDATA.trim() !== '' ? pe.env.APPDATA : win32.join(pe.home, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME);
  }
  if (pe.platform === 'darwin') return posix.join(pe.home, 'Library', 'Application Support', PRODUCT_NAME);
  const xdg = pe.env.XDG_CONFIG_HOME && pe.env.XDG_CONFIG_HOME.trim() !== '' ? pe.env.XDG_CONFIG_HOME : posix.join(pe.home, '.config');
  return posix.join(xdg, PRODUCT_NAME);
}

/** The app's settings file (saved connection, preferences). */
export function settingsPath(dir: string = userDataDir()): string {
  return join(dir, 'settings.json');
}

/** The folder holding one journal per import. */
export function journalsDir(dir: string = userDataDir()): string {
  return join(dir, 'journals');
}

/** The default journal of one import: `<userData>/journals/<importId>.jsonl`. */
export function journalPathFor(importId: string, dir: string = userDataDir()): string {
  // importId comes from a fingerprint, but keep it a plain file name whatever it holds.
  return join(journalsDir(dir), `${importId.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`);
}

/** Where the embedded sandbox (`--sandbox`, the app's practice mode) keeps its store. */
export function sandboxDataPath(dir: string = userDataDir()): string {
  return join(dir, 'sandbox', 'data.json');
}
