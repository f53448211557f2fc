import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shots, stationForFile } from './harness';

const e2e = stationForFile({ args: ['--no-demo'] });

describe('the first start of a real station', () => {
  it('sets up the station in Spanish and lands the new supervisor on a home with every tile', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(e2e.station.url);
    await page.getByTestId('setup-screen').waitFor();
    await page.screenshot({ path: resolve(shots, 'setup-en.png') });

    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await page.getByText('Configurar esta estación').waitFor();
    await page.getByLabel('Nombre de la estación').fill('Mesa 3');
    await page.getByLabel('Nombre del supervisor').fill('Rosa Quispe');
    await page.getByLabel('PIN (de 4 a 8 dígitos)').fill('2468');
    await page.getByLabel('Repite el PIN').fill('2469');
    await page.getByRole('button', { name: 'Crear supervisor y empezar' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Los dos PIN no coinciden.');
    await page.screenshot({ path: resolve(shots, 'setup-Español.png') });

    await page.getByLabel('Repite el PIN').fill('2468');
    await page.getByRole('button', { name: 'Crear supervisor y empezar' }).click();
    await page.getByTestId('home-screen').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hola, Rosa Quispe');
    for (const tile of ['pack', 'returns', 'supervisor']) expect(await page.getByTestId(`tile-${tile}`).count()).toBe(1);
    expect(await page.getByTestId('status-bar').innerText()).toContain('Mesa 3');
    await page.screenshot({ path: resolve(shots, 'home-supervisor-Español.png') });

    await page.keyboard.press('2');
    await page.getByTestId('placeholder-returns').waitFor();
    await page.screenshot({ path: resolve(shots, 'placeholder-Español.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('home-screen').waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('supervisor-screen').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home-screen').waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-screen').waitFor();
    expect(await page.getByTestId('operator-tile').innerText()).not.toMatch(/\d{4}/); // no demo PINs on a real station
    await page.close();
  });
});
