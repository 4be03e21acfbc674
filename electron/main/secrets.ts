import { safeStorage } from 'electron';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SecretStore } from './handlers/types';

/**
 * The OMI token, encrypted at rest with the operating system's key store (Electron safeStorage:
 * DPAPI on Windows, Keychain on macOS, libsecret on Linux). It stays in the main process.
 */
export function safeStorageSecrets(userDataDir: string): SecretStore {
  const path = join(userDataDir, 'token.bin');
  return {
    async get() {
      try {
        return safeStorage.decryptString(await readFile(path));
      } catch {
        return null;
      }
    },
    async set(token: string) {
      if (!safeStorage.isEncryptionAvailable()) {
        await rm(path, { force: true });
        throw new Error('Encryption is not available on this system; the token was not stored.');
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, safeStorage.encryptString(token), { mode: 0o600 });
    },
  };
}
