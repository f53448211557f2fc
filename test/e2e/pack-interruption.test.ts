import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import { en } from '../../src-renderer/i18n/en';
import { es } from '../../src-renderer/i18n/es';
import { launchBrowser, loginAs, scanWithWedge, shots, startStation, type RunningStation } from './harness';
import { bySku, orders, type DemoOrder } from './demo-catalog';

/**
 * Issue #4 step 10 end to end: an order changes in the store while a packer has it on the bench. The
 * station has one operator session, so a trainer's cancellation (Supervisor → Store → Training) is
 * made by logging in over the packer, who comes back to a stopped bench; a change made in the store
 * itself reaches a bench someone is looking at, live, with the next pull. Either way the packer sees
 * what happened, releases the order, and nothing of it is shipped.
 */

/** A unit of the order that scans by GTIN with no serial or lot asked, and the order has more units after it. */
function firstScan(order: DemoOrder): string | null {
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);
  const line = order.lines.find((l) => {
    const p = bySku.get(l.sku);
    return p && !p.requiresSerial && !p.requiresLot && p.barcodes.some((b) => b.kind === 'gtin' && b.quantity === 1);
  });
  return units >= 2 && line ? bySku.get(line.sku)!.barcodes.find((b) => b.kind === 'gtin' && b.quantity === 1)!.value : null;
}
const trained = orders.find((o) => o.number === '#1002')!;
const live = orders.find((o) => o.number !== trained.number && firstScan(o) !== null)!;

let station: RunningStation;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [station, browser] = await Promise.all([startStation({ args: ['--no-simulate'] }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

/** The packer at the bench with `order` open and one unit scanned. */
async function packOneUnit(language: 'English' | 'Español', order: DemoOrder): Promise<Page> {
  const page = await loginAs(browser, station, language, 'Ana Souza', '1111');
  await page.getByTestId('tile-pack').click();
  await page.getByTestId('pack-queue').waitFor();
  await scanWithWedge(page, order.number);
  await page.getByTestId('pack-bench').waitFor();
  await scanWithWedge(page, firstScan(order)!);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="pack-line"]')].reduce((sum, row) => sum + Number(row.getAttribute('data-packed')), 0) === 1, undefined, { timeout: 5000 });
  return page;
}

/** Releases the stopped order and checks it is gone from the queue and nothing of it was shipped. */
async function releaseAndCheck(page: Page, order: DemoOrder, release: string): Promise<void> {
  await page.getByTestId('interruption').getByRole('button', { name: release }).click();
  await page.getByTestId('pack-queue').waitFor();
  await page.getByTestId('queue-row').first().waitFor();
  await expect.poll(() => page.getByTestId('queue-row').filter({ hasText: order.number }).count(), { timeout: 5000 }).toBe(0);
  await page.getByTestId('pack-code').fill(order.number);
  await page.keyboard.press('Enter');
  await page.getByTestId('pack-error').waitFor();
  expect(await rows(join(station.dataDir, 'bancada.sqlite'), `SELECT status FROM orders WHERE number = ?`, [order.number])).toEqual([{ status: 'cancelled' }]);
  // The scan made before the stop never becomes a fulfilment: not queued here, not applied by the store.
  await new Promise((r) => setTimeout(r, 2500));
  expect(await rows(join(station.dataDir, 'bancada.sqlite'), `SELECT kind FROM outbox WHERE kind IN ('order.fulfil', 'order.release') AND json_extract(payload, '$.orderNumber') = ?`, [order.number])).toEqual([]);
  const store = join(station.dataDir, 'demo-store.sqlite');
  expect(await rows(store, `SELECT kind FROM store_operations WHERE kind = 'order.fulfil' AND subject = ?`, [order.number])).toEqual([]);
  expect(await rows(store, `SELECT json_extract(body, '$.state') AS state FROM store_orders WHERE external_id = ?`, [order.number])).toEqual([{ state: 'cancelled' }]);
  // Its claim, refused by the store because the order was cancelled, asks nothing of a supervisor.
  expect(await rows(join(station.dataDir, 'bancada.sqlite'), `SELECT count(*) AS n FROM outbox WHERE status = 'rejected'`, [])).toEqual([{ n: 0 }]);
}

describe('an order changed in the store while it is on the bench', () => {
  it('a trainer cancels it from Supervisor → Store → Training; the packer comes back to a stopped bench, releases it, and nothing ships', async () => {
    const packer = await packOneUnit('English', trained);

    const trainer = await loginAs(browser, station, 'English', 'Marta Oliveira', '9999');
    await trainer.getByTestId('tile-supervisor').click();
    await trainer.getByTestId('supervisor-tab-store').click();
    const card = trainer.getByTestId('store-training');
    await card.getByTestId('training-order').fill(trained.number.replace('#', ''));
    await card.getByTestId('training-cancelled').click();
    await card.getByTestId('training-done').getByText(`Order ${trained.number} is cancelled in the demo store.`).waitFor();
    await card.screenshot({ path: join(shots, 'training-card-en.png') });
    await card.getByTestId('training-order').fill('#4242');
    await card.getByTestId('training-on-hold').click();
    await card.getByText('The demo store has no order with that number.').waitFor();
    await trainer.close();
    await packer.close();

    const page = await loginAs(browser, station, 'English', 'Ana Souza', '1111');
    await page.getByTestId('tile-pack').click();
    const stop = page.getByTestId('interruption');
    await stop.waitFor();
    expect(await stop.innerText()).toMatch(/Order cancelled in the store\s+Stop packing\. Put the items back on the shelf and release the order\.\s+Release order/);
    expect(await page.locator('[data-testid="pack-bench"]').getAttribute('data-phase')).toBe('interrupted');
    await page.screenshot({ path: join(shots, 'interruption-en.png') });
    await releaseAndCheck(page, trained, 'Release order');
    await page.close();
  });

  it('a customer cancels in the store itself: the bench in Spanish stops live at the next pull, with no English left', async () => {
    const page = await packOneUnit('Español', live);
    await cancelInDemoStore(live.number);
    const stop = page.getByTestId('interruption');
    // The demo store is pulled every 20 s; the bench is not touched meanwhile.
    await stop.waitFor({ timeout: 30_000 });
    expect(await stop.innerText()).toMatch(/Pedido cancelado en la tienda\s+Deja de empacar\. Devuelve los artículos al estante y libera el pedido\.\s+Liberar pedido/);
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'interruption-es.png') });
    await releaseAndCheck(page, live, 'Liberar pedido');
    expect(await englishOn(page)).toEqual([]);
    await page.close();
  });
});

/** English bench and status messages (that differ in Spanish) found on the page, as whole words. */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return Object.entries(en)
    .filter(([key, value]) => /^(pack|error\.pack|status)\./.test(key) && value !== es[key as keyof typeof es] && !value.includes('{'))
    .map(([, value]) => value)
    .filter((value) => new RegExp(`(^|[^\\p{L}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
}

/** What a customer cancelling on the platform does to the demo store's file (the station has it open; WAL allows a second writer to wait its turn). */
function cancelInDemoStore(number: string): Promise<void> {
  const at = new Date().toISOString();
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(join(station.dataDir, 'demo-store.sqlite'));
    db.configure('busyTimeout', 5000);
    db.run(`UPDATE store_orders SET body = json_set(body, '$.state', 'cancelled', '$.updatedAt', ?), updated_at = ? WHERE external_id = ?`, [at, at, number], function (this: { changes: number }, error) {
      const changed = this.changes;
      db.close(() => (error ? rej(error) : changed === 1 ? res() : rej(new Error(`the demo store has no order ${number}`))));
    });
  });
}

function rows(file: string, query: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.all(query, params, (error, result) => db.close(() => (error ? rej(error) : res(result))));
  });
}
