import { describe, expect, it, vi } from 'vitest';
import { openWithSystemBrowser, safeOpenExternal } from './external-links';

// external-links.ts imports `shell` from electron; in plain Node `electron` would try to download
// its binary, so it is faked (reference/electron-style-security.md B7). vi.mock is hoisted above
// the imports.
const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn((_url: string) => Promise.resolve()) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

describe('safeOpenExternal', () => {
  it.each(['https://www.ups.com/track?tracknum=1Z999', 'http://intranet.example/help'])('hands %s to the opener', async (url) => {
    const open = vi.fn(() => Promise.resolve());
    await expect(safeOpenExternal(url, open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith(new URL(url).href);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://evil.example/share',
    'ms-settings:privacy',
    'app://bancada/',
    'data:text/html,hi',
    'https://user:secret@evil.example/',
    'not a url',
    '',
    'x'.repeat(3000),
  ])('refuses %s', async (url) => {
    const open = vi.fn(() => Promise.resolve());
    await expect(safeOpenExternal(url, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses what is not a string', async () => {
    const open = vi.fn(() => Promise.resolve());
    for (const value of [undefined, null, 1, { toString: () => 'https://x.example/' }]) await expect(safeOpenExternal(value, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('the real opener is shell.openExternal', async () => {
    await openWithSystemBrowser('https://example.com/');
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });
});
