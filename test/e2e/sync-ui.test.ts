import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import { loginAs, shots, stationForFile } from './harness';

/** The supervisor's Sync and Store tabs on a demo station syncing with the embedded demo store. */
const e2e = stationForFile({ args: ['--no-simulate'] });

async function openSupervisor(language: 'English' | 'Español', tab: 'sync' | 'store'): Promise<Page> {
  const page = await loginAs(e2e.browser, e2e.station, language, 'Marta Oliveira', '9999');
  await page.getByTestId('tile-supervisor').click();
  await page.getByTestId(`supervisor-tab-${tab}`).click();
  await page.getByTestId(`${tab}-tab`).waitFor();
  return page;
}

/**
 * What another writer (the packing bench, `bancada sync`) would leave: a fulfilment of an order the
 * store does not have. Written with plain sqlite3 (this file is typechecked with the DOM side, which
 * does not see src-main), to the station's own file while it runs, as WAL allows.
 */
function enqueueUnknownFulfilment(): Promise<void> {
  const payload = { kind: 'order.fulfil', orderExternalId: '#9999', orderNumber: '#9999', notifyCustomer: true, packages: [{ tracking: 'T1', carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: '#9999/1', quantity: 1 }] }] };
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(join(e2e.station.dataDir, 'bancada.sqlite'));
    db.configure('busyTimeout', 5000);
    db.run(
      `INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at) VALUES ('platform', 'order', 'ghost', 'order.fulfil', ?, ?, 'st', ?)`,
      [JSON.stringify(payload), `ghost-${Date.now()}-${Math.random()}`, new Date().toISOString()],
      (error) => db.close(() => (error ? rej(error) : res())),
    );
  });
}

describe('the supervisor at the Sync tab', () => {
  it('sees the demo store up to date, then a refused shipment loudly, sends it again and discards it', async () => {
    const page = await openSupervisor('English', 'sync');
    await page.locator('[data-testid=sync-state]').getByText('Demo store').waitFor();
    await page.getByTestId('sync-now').click();
    await page.locator('.sync-state--idle').getByText('Up to date').waitFor();
    await page.getByTestId('sync-no-problems').waitFor();
    await page.screenshot({ path: resolve(shots, 'sync-en.png') });

    await enqueueUnknownFulfilment();
    // The relay finds the row by itself within seconds; the store refuses it; the tab shows it.
    const problem = page.locator('[data-testid^=sync-problem-]');
    await problem.getByText('Refused by the store').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-attention').innerText()).toBe('1');
    expect(await page.locator('[data-testid=sync-state]').innerText()).toContain('Needs attention');
    expect(await problem.innerText()).toContain('#9999');
    expect(await problem.innerText()).toContain('The store no longer has this record');
    expect(await page.getByTestId('status-sync').innerText()).toContain('Sync: 1 needs a supervisor');
    await page.screenshot({ path: resolve(shots, 'sync-problem-en.png') });

    const id = (await problem.getAttribute('data-testid'))!.replace('sync-problem-', '');
    await page.getByTestId(`sync-retry-${id}`).click();
    await page.getByText('It will be sent again now.').waitFor();
    await page.getByTestId(`sync-discard-${id}`).click();
    await page.getByTestId(`sync-discard-confirm-${id}`).click();
    await page.getByTestId('sync-no-problems').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sync-attention').innerText()).toBe('0');
    await page.close();
  });

  it('reads in Spanish with no English left on it', async () => {
    await enqueueUnknownFulfilment();
    const page = await openSupervisor('Español', 'sync');
    await page.locator('[data-testid^=sync-problem-]').getByText('Rechazado por la tienda').waitFor({ timeout: 15_000 });
    const text = await page.getByTestId('sync-tab').innerText();
    for (const english of ['Refused', 'Up to date', 'Needs attention', 'Send again', 'Discard', 'Waiting', 'Problems']) expect(text).not.toContain(english);
    await page.screenshot({ path: resolve(shots, 'sync-problem-es.png') });
    await page.close();
  });
});

describe('the supervisor at the Store tab', () => {
  it('switches the station to a Shopify shop, never shows the token again, and back to the demo store', async () => {
    const page = await openSupervisor('Español', 'store');
    await page.getByTestId('store-platform-shopify').click();
    await page.getByTestId('store-shop-domain').fill('mi-tienda.myshopify.com');
    const token = 'shpat_e2e_0123456789abcdef0123456789';
    await page.getByTestId('store-access-token').fill(token);
    // Leaving the demo store takes its waiting orders out of the queue: said before saving.
    expect(await page.getByTestId('store-switch-warning').innerText()).toContain('salen de las colas');
    await page.screenshot({ path: resolve(shots, 'store-es.png') });
    await page.getByTestId('store-switch-warning').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'store-switch-es.png') });
    await page.getByTestId('store-save').click();
    await page.getByTestId('store-save').getByText('Confirmar: cambiar esta estación').waitFor();
    await page.getByTestId('store-save').click();
    await page.getByTestId('store-notice').getByText('Guardado').waitFor();
    expect(await page.getByTestId('store-access-token').inputValue()).toBe('');
    expect(await page.getByTestId('store-access-token').getAttribute('placeholder')).toContain('Guardado');
    expect(await page.content()).not.toContain(token);

    await page.getByTestId('store-platform-demo').click();
    await page.getByTestId('store-save').click();
    await page.getByTestId('store-save').click();
    await page.getByTestId('store-notice').getByText('Guardado').waitFor();
    await page.getByTestId('supervisor-tab-sync').click();
    await page.locator('[data-testid=sync-state]').getByText('Tienda de demostración').waitFor();
    await page.close();
  });
});
