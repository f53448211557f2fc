import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, logout, scanWithWedge, shots, stationForFile } from './harness';

/**
 * The supervisor's Devices tab on a demo station: the simulated scale (socat MT-SICS where socat is
 * installed, else in memory) and the TCP 9100 printer sink that demo mode starts by itself.
 */
const e2e = stationForFile();

async function openDevicesAsSupervisor(language: 'English' | 'Español'): Promise<Page> {
  const page = await loginAs(e2e.browser, e2e.station, language, 'Marta Oliveira', '9999');
  await page.getByTestId('tile-supervisor').click();
  await page.getByTestId('supervisor-screen').waitFor();
  await page.getByTestId('supervisor-tab-devices').click();
  await page.getByTestId('devices-tab').waitFor();
  return page;
}

const reading = (page: Page) => page.getByTestId('scale-reading');

describe('the supervisor at the Devices tab of a demo station', () => {
  it('watches the simulated scale, zeroes it, test-prints to the demo printer and sees the label', async () => {
    const page = await openDevicesAsSupervisor('English');
    await page.locator('[data-testid=scale-reading][data-status=zero]').waitFor();
    expect(await page.getByTestId('scale-panel').innerText()).toContain('Simulated');

    // A parcel on the platter: the live reading follows, and the stability filter settles it.
    await page.getByTestId('scale-sim-1250').click();
    await page.locator('[data-testid=scale-reading][data-status=stable]').waitFor();
    expect(await reading(page).innerText()).toBe('1.250 kg');
    await page.getByTestId('scale-settled').getByText('Weight taken: 1.250 kg (#1)').waitFor();

    // Typed weight, then zero with the parcel still on: the scale now reads zero.
    await page.getByTestId('scale-sim-grams').fill('2345.5');
    await page.getByTestId('scale-sim').getByRole('button', { name: 'Place' }).click();
    await page.getByTestId('scale-reading').getByText('2.346 kg').waitFor();
    await page.getByTestId('scale-settled').getByText(/#2\)/).waitFor();
    await page.getByTestId('scale-zero').click();
    await page.locator('[data-testid=scale-reading][data-status=zero]').waitFor();
    expect(await reading(page).innerText()).toBe('0.000 kg');
    expect(await page.getByTestId('scale-settled').innerText()).toBe('No weight taken yet');

    // A test label to the demo printer (the 9100 sink): the job is listed as printed and its image shown.
    await page.getByTestId('test-print-label').click();
    await page.locator('[data-testid=print-job][data-status=done]').first().waitFor();
    const preview = page.getByTestId('label-preview').locator('img');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // 4 in at 203 dpi (8 dots/mm): 812.8 dots, which the renderer rounds up.
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeOneOf([812, 813]);
    expect(await page.getByTestId('label-preview').innerText()).toContain('As the demo printer received it');

    // Health lists the simulated scale and the sink as connected; the status bar counts them.
    await page.locator('[data-testid=device-row][data-device=scale]').getByText('Connected').waitFor();
    expect(await page.getByTestId('status-devices').innerText()).toMatch(/Devices 3\/3/);
    await page.screenshot({ path: resolve(shots, 'devices-en.png') });
    // Discovery on this machine (no HID or serial devices here; CUPS queues if any): a list or "Nothing found".
    await page.getByRole('button', { name: 'Find devices' }).click();
    await page.locator('[data-testid=discovered], .discovered .empty').first().waitFor();
    await page.getByTestId('assign-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'devices-lower-en.png') });
    await logout(page);
    await page.close();
  });

  it('takes a keyboard-wedge burst typed into a text field as a scan, while a person typing there still types', async () => {
    const page = await openDevicesAsSupervisor('English');
    // Playwright types one key per round trip to the browser, and a loaded two-core machine can make
    // that slower than a scanner: give the wedge more room (the supervisor's setting), as a site with a
    // slow scanner would. 60 ms per key is still far quicker than a person.
    await page.getByText('Keyboard-wedge settings').click();
    await page.getByTestId('wedge-avgMsPerChar').fill('60');
    await page.getByTestId('wedge-maxKeyGapMs').fill('150');
    await page.getByRole('button', { name: 'Save scanner settings' }).click();
    await page.getByTestId('devices-notice').getByText('Saved').waitFor();

    const field = page.getByTestId('scan-test-field');
    await field.click();
    await page.keyboard.type('hola', { delay: 250 });
    await page.waitForTimeout(300);
    expect(await field.inputValue()).toBe('hola');
    await field.fill('');

    // Real key events (trusted, so a field would take them), as fast as the browser takes them: a scanner.
    await page.keyboard.type(']C1ORD-20482', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-last').getByText('ORD-20482').waitFor();
    expect(await page.getByTestId('scan-last').innerText()).toContain(']C1');
    expect(await page.getByTestId('scan-last').innerText()).toContain('keyboard wedge');
    expect(await field.inputValue()).toBe('');
    await page.getByTestId('status-devices').getByText('Devices 3/3').waitFor();
    // Not taken for a badge: the Devices tab shows scans itself.
    expect(await page.getByRole('alert').count()).toBe(0);
    // The wedge's health row hears of the scan too.
    await page.locator('[data-testid=device-row][data-device="scanner:keyboard"]').getByText(/Last activity/).waitFor();
    await page.getByTestId('scan-last').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'devices-scan-en.png') });

    // A badge is still a badge here: the packer takes over the station at once, and lands at home.
    await scanWithWedge(page, 'OP-0001');
    await page.getByTestId('home-screen').waitFor();
    expect(await page.getByTestId('status-operator').innerText()).toContain('Ana Souza');
    await logout(page);
    await page.close();
  });

  it('says why a label did not print, keeps the job, and offers Retry', async () => {
    const page = await openDevicesAsSupervisor('English');
    const sinkUri = await page.getByTestId('assign-label-uri').inputValue();
    // Nothing listens on the discard port: a printer that is switched off.
    await page.getByTestId('assign-label-uri').fill('tcp://127.0.0.1:9');
    await page.getByTestId('assign-save').click();
    await page.getByTestId('devices-notice').getByText('Saved').waitFor();
    await page.getByTestId('test-print-label').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('printer.connection-refused');
    const failed = page.locator('[data-testid=print-job][data-status=failed]').first();
    await failed.waitFor();
    expect(await failed.innerText()).toContain('tcp://127.0.0.1:9');
    await page.locator('[data-testid=device-row][data-device="printer:label"]').getByText('Not connected').waitFor();
    await page.getByTestId('status-devices').getByText('Label printer: Not connected').waitFor();
    await page.getByTestId('print-jobs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'devices-failed-job-en.png') });
    await failed.getByTestId('retry-job').click();
    await page.locator('[role=alert][data-error-code="printer.connection-refused"]').waitFor();
    // The demo printer again, for the tests that follow.
    await page.getByTestId('assign-label-uri').fill(sinkUri);
    await page.getByTestId('assign-save').click();
    await page.getByTestId('devices-notice').getByText('Saved').waitFor();
    await logout(page);
    await page.close();
  });

  it('shows the Devices tab in Spanish', async () => {
    const page = await openDevicesAsSupervisor('Español');
    await page.getByTestId('scale-sim-4800').click();
    // The zero set earlier still holds (2345.5 g under it): 4800 g reads 2,455 kg, with a decimal comma.
    await page.getByTestId('scale-reading').getByText('2,455 kg').waitFor();
    await page.getByTestId('scale-state').getByText('Estable').waitFor();
    await page.getByTestId('scale-settled').getByText(/Peso tomado: 2,455 kg/).waitFor();
    await page.getByText('Impresoras', { exact: true }).waitFor();
    await page.getByTestId('label-preview').waitFor();
    await page.screenshot({ path: resolve(shots, 'devices-es.png') });
    await page.getByTestId('print-jobs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'devices-jobs-es.png') });
    await page.getByTestId('assign-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'devices-lower-es.png') });
    await page.getByTestId('scale-sim-0').click();
    await logout(page);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.close();
  });
});
