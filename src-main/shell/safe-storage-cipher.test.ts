import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../sync/secrets/file-secret-store';
import { safeStorageCipher } from './safe-storage-cipher';

/** A faithful stand-in for Electron's safeStorage (the binary is not available here): opaque bytes out, the string back. */
function fakeSafeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').reverse()]),
    decryptString: (stored: Buffer) => Buffer.from(stored.subarray(3)).reverse().toString('utf8'),
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('safeStorageCipher', () => {
  it('keeps only OS ciphertext on disk and reads the secret back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bancada-safe-'));
    dirs.push(dir);
    const store = new FileSecretStore(join(dir, 'secrets.json'), safeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux'));
    expect(store.kind).toBe('os');
    await store.set('store.credentials', '{"accessToken":"shpat_abc"}');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('shpat_abc');
    expect(await store.get('store.credentials')).toBe('{"accessToken":"shpat_abc"}');
  });

  it('refuses the basic_text fallback on Linux and an unavailable keyring anywhere', () => {
    expect(safeStorageCipher(fakeSafeStorage('basic_text'), 'linux').available()).toBe(false);
    expect(safeStorageCipher(fakeSafeStorage('kwallet5'), 'linux').available()).toBe(true);
    expect(safeStorageCipher(fakeSafeStorage('unknown', false), 'win32').available()).toBe(false);
    expect(safeStorageCipher(fakeSafeStorage('unknown'), 'darwin').available()).toBe(true);
  });
});
