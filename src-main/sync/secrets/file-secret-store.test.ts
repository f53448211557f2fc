import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvOverride, FileSecretStore, type SecretCipher } from './file-secret-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-secrets-'));
  dirs.push(dir);
  return join(dir, 'secrets.json');
};

describe('FileSecretStore', () => {
  it('keeps secrets in a 0600 file and reads them back', async () => {
    const file = tempFile();
    const store = new FileSecretStore(file);
    expect(await store.get('store.credentials')).toBeNull();
    await store.set('store.credentials', '{"token":"shpat_123"}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(file).get('store.credentials')).toBe('{"token":"shpat_123"}');
    await store.delete('store.credentials');
    expect(await store.get('store.credentials')).toBeNull();
  });

  it('refuses a secrets file other users can read', async () => {
    const file = tempFile();
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    await expect(new FileSecretStore(file).get('x')).rejects.toMatchObject({ code: 'sync.secret-store-unavailable' });
  });

  it('stores only ciphertext when given a cipher, and refuses a cipher that would not protect anything', async () => {
    const file = tempFile();
    const xor: SecretCipher = { kind: 'os', available: () => true, encrypt: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)), decrypt: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString() };
    const store = new FileSecretStore(file, xor);
    await store.set('store.credentials', 'shpat_secret');
    expect(readFileSync(file, 'utf8')).not.toContain('shpat_secret');
    expect(await store.get('store.credentials')).toBe('shpat_secret');
    const plainText = new FileSecretStore(file, { ...xor, available: () => false });
    await expect(plainText.set('store.credentials', 'x')).rejects.toMatchObject({ code: 'sync.secret-store-unavailable' });
    await expect(plainText.get('store.credentials')).rejects.toMatchObject({ code: 'sync.secret-store-unavailable' });
  });
});

describe('EnvOverride', () => {
  it('reads the credentials from BANCADA_STORE_CREDENTIALS first and refuses to save over them', async () => {
    const inner = new FileSecretStore(tempFile());
    await inner.set('store.credentials', 'from-file');
    const store = new EnvOverride(inner, { BANCADA_STORE_CREDENTIALS: 'from-env' });
    expect(store.kind).toBe('env');
    expect(await store.get('store.credentials')).toBe('from-env');
    await expect(store.set('store.credentials', 'x')).rejects.toMatchObject({ code: 'sync.secret-store-unavailable' });
    const plain = new EnvOverride(inner, {});
    expect(plain.kind).toBe('file');
    expect(await plain.get('store.credentials')).toBe('from-file');
  });
});
