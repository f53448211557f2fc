import { describe, expect, it } from 'vitest';
import { APP_URL, isTrustedUrl, startUrl, trustedOrigins } from './origins';

const prod = trustedOrigins({ packaged: true, devUrl: undefined });
const dev = trustedOrigins({ packaged: false, devUrl: 'http://localhost:5173' });

describe('isTrustedUrl', () => {
  it.each(['app://bancada/', 'app://bancada/index.html', 'app://bancada/pack?order=1#top'])('trusts our own page %s', (url) => {
    expect(isTrustedUrl(url, prod)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'app://evil/',
    'app://bancada.evil/',
    'app://evil.bancada/',
    'app://bancada:8080/',
    'app://evil@bancada/',
    'app://bancada@evil/',
    'http://example.invalid/?next=app://bancada',
    'http://example.invalid/app://bancada/',
    'file:///etc/passwd',
    'file://bancada/index.html',
    'javascript:alert(1)//app://bancada/',
    'data:text/html,<h1>app://bancada/</h1>',
    'about:blank',
    'bancada',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url, prod)).toBe(false);
    expect(isTrustedUrl(url, dev)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: APP_URL }, new URL(APP_URL)]) expect(isTrustedUrl(value, prod)).toBe(false);
  });

  it('trusts the dev server only in a dev run, and only its exact host and port', () => {
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedUrl('http://localhost.evil:5173/', dev)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('trustedOrigins', () => {
  it('ignores a dev URL in a packaged app', () => {
    expect(trustedOrigins({ packaged: true, devUrl: 'http://localhost:5173' })).toEqual({ dev: null });
  });

  it.each(['https://cdn.example/app', 'http://192.168.1.20:5173', 'http://evil.example:5173', 'file:///tmp/index.html', 'not a url'])(
    'ignores a dev URL that is not http on loopback: %s',
    (devUrl) => {
      expect(trustedOrigins({ packaged: false, devUrl })).toEqual({ dev: null });
    },
  );

  it('loads the dev server when trusted and the bundled UI otherwise', () => {
    expect(startUrl(dev, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(startUrl(prod, undefined)).toBe('app://bancada/');
    expect(startUrl(trustedOrigins({ packaged: false, devUrl: 'https://evil.example' }), 'https://evil.example')).toBe('app://bancada/');
  });
});
