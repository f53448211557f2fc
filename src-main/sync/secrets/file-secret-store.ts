import { chmod, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../src-shared/errors/codes';
import type { SecretStore, SecretStoreKind } from './secret-store';

/** Turns a secret into bytes at rest and back; the identity for the 0600 file, safeStorage in Electron. */
export interface SecretCipher {
  readonly kind: SecretStoreKind;
  /** False when encryption would not protect anything (safeStorage's `basic_text` backend). */
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(stored: Buffer): string;
}

export const PLAIN_0600: SecretCipher = {
  kind: 'file',
  available: () => true,
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (stored) => stored.toString('utf8'),
};

/**
 * Secrets in one JSON file of name → base64 ciphertext, mode 0600, replaced atomically (write a
 * temp file, fsync, rename) so a power cut leaves the old file or the new one, never half of each.
 * A file others can read is refused rather than trusted: someone changed its mode.
 */
export class FileSecretStore implements SecretStore {
  readonly kind: SecretStoreKind;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher = PLAIN_0600,
  ) {
    this.kind = cipher.kind;
  }

  async get(name: string): Promise<string | null> {
    const all = await this.#read();
    const stored = all[name];
    if (stored === undefined) return null;
    this.#assertAvailable();
    return this.cipher.decrypt(Buffer.from(stored, 'base64'));
  }

  async set(name: string, value: string): Promise<void> {
    this.#assertAvailable();
    const all = await this.#read();
    all[name] = this.cipher.encrypt(value).toString('base64');
    await this.#write(all);
  }

  async delete(name: string): Promise<void> {
    const all = await this.#read();
    if (!(name in all)) return;
    delete all[name];
    await this.#write(all);
  }

  #assertAvailable(): void {
    if (!this.cipher.available()) throw new AppError('sync.secret-store-unavailable', 'the OS credential store would keep the secret in plain text (safeStorage backend basic_text); refusing');
  }

  async #read(): Promise<Record<string, string>> {
    let info;
    try {
      info = await stat(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new AppError('sync.secret-store-unavailable', `${this.file} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it`);
    }
    const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('sync.secret-store-unavailable', `${this.file} is not a secrets file`);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  async #write(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(all));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, 0o600);
    try {
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Reads a secret from the environment first (BANCADA_STORE_CREDENTIALS holds the store's
 * credentials JSON), then from the store underneath. Setting a secret the environment overrides is
 * refused: the supervisor would see it "saved" and nothing change.
 */
export class EnvOverride implements SecretStore {
  readonly kind: SecretStoreKind;

  constructor(
    private readonly inner: SecretStore,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.kind = this.#fromEnv() ? 'env' : inner.kind;
  }

  #fromEnv(): string | null {
    const value = this.env.BANCADA_STORE_CREDENTIALS;
    return value && value.trim() !== '' ? value : null;
  }

  async get(name: string): Promise<string | null> {
    if (name === 'store.credentials') return this.#fromEnv() ?? this.inner.get(name);
    return this.inner.get(name);
  }

  async set(name: string, value: string): Promise<void> {
    if (name === 'store.credentials' && this.#fromEnv()) throw new AppError('sync.secret-store-unavailable', 'BANCADA_STORE_CREDENTIALS is set in the environment and overrides any saved credentials');
    await this.inner.set(name, value);
  }

  delete(name: string): Promise<void> {
    return this.inner.delete(name);
  }
}
