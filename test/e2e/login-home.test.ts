import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startStation, type RunningStation } from './harness';

const shots = resolve(__dirname, '../../test-results/screens');
let station: RunningStation;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [station, browser] = await Promise.all([startStation(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(station.url);
  await page.getByTestId('login-screen').waitFor();
  return page;
}

describe('a new user at the demo station', () => {
  it('logs in as a packer with the PIN shown on the screen and sees the orders waiting', async () => {
    const page = await open();
    await expect(page.getByText('DEMO', { exact: true })).toBeTruthy();
    const tile = page.getByTestId('operator-tile').filter({ hasText: 'Packer' }).first();
    const pin = /Demo PIN (\d+)/.exec(await tile.innerText())?.[1];
    expect(pin).toMatch(/^\d{4}$/);
    await tile.click();
    await page.screenshot({ path: resolve(shots, 'login-en.png') });
    for (const digit of pin!) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('queue-row').first().waitFor();
    const waiting = await page.getByTestId('tile-pack').innerText();
    expect(Number(/Orders waiting: (\d+)/.exec(waiting)?.[1])).toBeGreaterThanOrEqual(50);
    expect(await page.getByTestId('queue-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('tile-supervisor').count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'home-en.png') });
    await page.getByTestId('logout').click();
    await page.getByTestId('login-screen').waitFor();
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
    await page.close();
  });

  it('logs in the operator whose badge a keyboard-wedge scanner types', async () => {
    const page = await open();
    await page.keyboard.type('OP-0009');
    await page.keyboard.press('Enter');
    await page.getByTestId('home-screen').waitFor();
    expect(await page.getByTestId('status-operator').innerText()).toContain('Marta Oliveira');
    expect(await page.getByTestId('tile-supervisor').count()).toBe(1);
    await page.keyboard.press('3');
    await page.getByTestId('placeholder-supervisor').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('logout').click();
    await page.close();
  });
});
