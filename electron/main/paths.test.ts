import { describe, expect, it } from 'vitest';
import { journalPathFor, userDataDir } from './paths';

describe('userDataDir', () => {
  it('prefers OMI_IMPORTER_HOME', () => {
    expect(userDataDir({ env: { OMI_IMPORTER_HOME: '/tmp/x', APPDATA: 'C:\\A' }, platform: 'win32', home: 'C:\\U' })).toBe('/tmp/x');
  });
  it("follows Electron's userData convention on each OS", () => {
    expect(userDataDir({ env: { APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\an' }))
      .toBe('C:\\Users\\an\\AppData\\Roaming\\OMI Importer');
    expect(userDataDir({ env: {}, platform: 'darwin', home: '/Users/an' })).toBe('/Users/an/Library/Application Support/OMI Importer');
    expect(userDataDir({ env: {}, platform: 'linux', home: '/home/an' })).toBe('/home/an/.config/OMI Importer');
    expect(userDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/an' })).toBe('/xdg/OMI Importer');
  });
  it('names a journal after its import, as a plain file name', () => {
    expect(journalPathFor('abc/../x', '/data')).toBe('/data/journals/abc_.._x.jsonl');
  });
});
