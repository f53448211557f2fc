import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../sync/secrets/file-secret-store';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string };

/**
 * The store's credentials encrypted by the OS (Keychain on macOS, DPAPI on Windows, the Secret
 * Service or KWallet on Linux) through Electron's safeStorage. On Linux without a keyring safeStorage
 * falls back to `basic_text` — a hard-coded key, i.e. plain text with extra steps — which we refuse:
 * the Store tab then says the computer cannot keep the secret safely
 * (reference/electron-style-security.md; electron docs/api/safe-storage.md).
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    kind: 'os',
    available: () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (stored) => safeStorage.decryptString(stored),
  };
}
