import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash';

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('4821');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('4821');
    await expect(verifyPin('4821', stored)).resolves.toBe(true);
    await expect(verifyPin('4822', stored)).resolves.toBe(false);
  });

  it('salts every hash, so two operators with the same PIN do not share a hash', async () => {
    expect(await hashPin('1111')).not.toBe(await hashPin('1111'));
  });

  it.each(['', 'plain-text-pin', 'scrypt$1$1$1$$', 'scrypt$99999999$8$1$c2FsdHNhbHQ$AAAA', 'bcrypt$a$b$c$d$e'])(
    'never matches a malformed stored hash %j',
    async (stored) => {
      await expect(verifyPin('1111', stored)).resolves.toBe(false);
    },
  );
});
