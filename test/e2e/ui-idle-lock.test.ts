import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stationForFile } from './harness';

const e2e = stationForFile();

/** A supervisor tool the screens do not have yet: one contract call over a second socket of the page. */
function setIdleLock(page: Page, seconds: number): Promise<unknown> {
  return page.evaluate(
    (s) =>
      new Promise((resolveCall, reject) => {
        const token = sessionStorage.getItem('bancada.token') ?? '';
        const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
        ws.onopen = () => ws.send(JSON.stringify({ t: 'call', id: 1, method: 'settings:set-idle-lock', input: { seconds: s } }));
        ws.onmessage = (event) => {
          const frame = JSON.parse(String(event.data));
          if (frame.t !== 'result') return;
          ws.close();
          resolveCall(frame.result);
        };
        ws.onerror = () => reject(new Error('socket failed'));
      }),
    seconds,
  );
}

describe('a bench left alone', () => {
  it('locks back to the login screen after the station idle time', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(e2e.station.url);
    await page.getByTestId('operator-tile').filter({ hasText: 'Supervisor' }).click();
    await page.keyboard.type('9999', { delay: 90 });
    await page.keyboard.press('Enter');
    await page.getByTestId('home-screen').waitFor();
    expect(await setIdleLock(page, 2)).toMatchObject({ ok: true });
    await page.getByTestId('login-screen').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('status-operator').count()).toBe(0);
    await page.close();
  });
});
