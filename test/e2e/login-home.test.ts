import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, logout, openStation, scanWithWedge, shots, stationForFile } from './harness';

const e2e = stationForFile();

async function open(): Promise<Page> {
  const page = await openStation(e2e.browser, e2e.station, { width: 1366, height: 800 });
  await page.getByTestId('login-screen').waitFor();
  return page;
}

describe('a new user at the demo station', () => {
  it('logs in as a packer with the PIN shown on the screen and sees the orders waiting', async () => {
    const page = await open();
    await expect(page.getByText('DEMO', { exact: true })).toBeTruthy();
    const tile = page.getByTestId('operator-tile').filter({ hasText: 'Packer' }).first();
    expect(await tile.innerText()).toContain('Demo PIN');
    const pin = await tile.getByTestId('demo-pin').innerText();
    expect(pin).toMatch(/^\d{4}$/);
    await tile.click();
    await page.screenshot({ path: resolve(shots, 'login-en.png') });
    for (const digit of pin!) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('queue-row').first().waitFor();
    await page.getByTestId('tile-pack').getByText(/orders waiting/).waitFor();
    expect(Number(await page.getByTestId('count-pack').innerText())).toBeGreaterThanOrEqual(50);
    expect(Number(await page.getByTestId('count-packed').innerText())).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('queue-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('tile-supervisor').count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'home-en.png') });
    await logout(page);
    await page.close();
  });

  it('shows a wrong PIN as a translated error and stays on the login screen', async () => {
    const page = await open();
    await page.getByTestId('operator-tile').filter({ hasText: 'Supervisor' }).click();
    await page.keyboard.type('0000', { delay: 90 });
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('auth.bad-pin');
    expect(await alert.innerText()).toContain('Wrong PIN');
    await page.screenshot({ path: resolve(shots, 'login-error-en.png') });
    await page.close();
  });

  it('shows returns desk staff their tile and the returns waiting, not the packing queue', async () => {
    const page = await loginAs(e2e.browser, e2e.station, 'English', 'Returns desk', '3333');
    await page.getByTestId('returns-row').first().waitFor();
    expect(Number(await page.getByTestId('count-returns').innerText())).toBeGreaterThan(0);
    expect(await page.getByTestId('tile-pack').count()).toBe(0);
    expect(await page.getByTestId('order-queue').count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'home-returns-en.png') });
    await logout(page);
    await page.close();
  });

  it('locks an operator out after a fifth wrong PIN and says for how long, in Portuguese', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Português', exact: true }).click();
    await page.getByText('Quem está na bancada?').waitFor();
    await page.getByTestId('operator-tile').filter({ hasText: 'Devoluções' }).click();
    for (let attempt = 1; attempt <= 5; attempt++) {
      for (const digit of '0000') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.locator('.pin-dot--on').first().waitFor({ state: 'detached' }); // the answer came: the PIN is cleared
      await page.locator(`[role=alert][data-error-code="${attempt < 5 ? 'auth.bad-pin' : 'auth.locked-out'}"]`).waitFor();
    }
    expect(await page.getByRole('alert').innerText()).toMatch(/Tente em 30 s ou chame um supervisor/);
    await page.screenshot({ path: resolve(shots, 'login-locked-Português.png') });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.close();
  });

  it('logs in the operator whose badge a keyboard-wedge scanner types', async () => {
    const page = await open();
    await scanWithWedge(page, 'OP-0009');
    await page.getByTestId('home-screen').waitFor();
    expect(await page.getByTestId('status-operator').innerText()).toContain('Marta Oliveira');
    expect(await page.getByTestId('tile-supervisor').count()).toBe(1);
    // An unknown badge whose digits are tile keys: said on screen, and no tile opens.
    await scanWithWedge(page, 'XX-1234');
    await page.getByTestId('badge-error').waitFor();
    expect(await page.getByRole('alert').getAttribute('data-error-code')).toBe('auth.unknown-badge');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('home-screen').count()).toBe(1);
    expect(await page.getByTestId('status-operator').innerText()).toContain('Marta Oliveira');
    await page.screenshot({ path: resolve(shots, 'home-badge-error-en.png') });
    await page.keyboard.press('3');
    await page.getByTestId('supervisor-screen').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('logout').click();
    await page.close();
  });
});
