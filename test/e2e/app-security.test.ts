import { describe, expect, it } from 'vitest';
import { stationForFile } from './harness';

const e2e = stationForFile();

describe('the content security policy in a real Chromium', () => {
  it('blocks an injected inline script while the app itself runs', async () => {
    const page = await e2e.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await page.goto(e2e.station.url);
    await page.getByTestId('login-screen').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handler = true');
      img.src = 'data:,broken';
      document.body.appendChild(img);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBeUndefined();
    expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
    await page.close();
  });

  it('refuses to let a page from another origin drive the station', async () => {
    const page = await e2e.browser.newPage();
    await page.goto('about:blank');
    const token = new URL(e2e.station.url).hash.replace('#token=', '');
    const port = new URL(e2e.station.url).port;
    const outcome = await page.evaluate(
      ([p, t]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${p}/api?token=${t}`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      [port, token] as const,
    );
    expect(outcome).toBe('refused');
    await page.close();
  });
});
