import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import { packErrorsEn, packErrorsEs } from '../../src-renderer/i18n/areas/pack-errors';
import { packExceptionsEn, packExceptionsEs } from '../../src-renderer/i18n/areas/pack-exceptions';
import { packLabelsEn, packLabelsEs } from '../../src-renderer/i18n/areas/pack-labels';
import { packQueueEn, packQueueEs } from '../../src-renderer/i18n/areas/pack-queue';
import { packScanEn, packScanEs } from '../../src-renderer/i18n/areas/pack-scan';
import { packWeighEn, packWeighEs } from '../../src-renderer/i18n/areas/pack-weigh';
import { launchBrowser, scanWithWedge, startStation, type RunningStation } from './harness';
import { bySku, catalog, orders, type DemoOrder } from './demo-catalog';

/**
 * The packing bench end to end: `bancada serve` on a demo database with the socat MT-SICS scale
 * simulator and a TCP 9100 printer sink of the test's own, Chromium driving the screen, scans typed
 * as keyboard-wedge bursts (wedge capture → scans:submit → the pack service's claim on the router).
 */
const shots = resolve(__dirname, '../../test-results/screens');
/** Every message of the packing bench's catalogue areas, in English and in Spanish. */
const packEn = { ...packQueueEn, ...packScanEn, ...packWeighEn, ...packLabelsEn, ...packExceptionsEn, ...packErrorsEn };
const packEs: Record<keyof typeof packEn, string> = { ...packQueueEs, ...packScanEs, ...packWeighEs, ...packLabelsEs, ...packExceptionsEs, ...packErrorsEs };
const root = resolve(__dirname, '../..');

/*
 * The simulators and the barcode reader live in src-main, which this project (tsconfig.web-test)
 * does not list; a composite project refuses to pull them in (TS6307), so they are loaded at run
 * time by path, as csp.test.ts does, and the slice used here is typed below.
 */
interface Sink {
  readonly uri: string;
  readonly jobs: readonly unknown[];
  renderJob(index?: number): Promise<Buffer[]>;
  setBehaviour(behaviour: 'accept' | 'refuse'): Promise<void>;
  close(): Promise<void>;
}
interface ScaleSim {
  readonly appPath: string;
  setWeight(grams: number): void;
  close(): Promise<void>;
}
const modules = {
  sink: resolve(root, 'src-main/devices/simulators/printer-sink.ts'),
  scale: resolve(root, 'src-main/devices/simulators/serial-scale-sim.ts'),
  readers: resolve(root, 'src-main/documents/labels/testing/readers.ts'),
};
const { PrinterSink } = (await import(modules.sink)) as { PrinterSink: { start(): Promise<Sink> } };
const { SerialScaleSim } = (await import(modules.scale)) as { SerialScaleSim: { start(options: { protocol: 'sics' }): Promise<ScaleSim> } };
const { zxingRead } = (await import(modules.readers)) as { zxingRead(png: Uint8Array): Promise<{ text: string }[]> };
const { Database } = (await import(resolve(root, 'src-main/db/database.ts'))) as { Database: { open(file: string): Promise<{ exec(script: string): Promise<void>; close(): Promise<void> }> } };

const plain = (sku: string) => {
  const p = bySku.get(sku);
  return p !== undefined && !p.requiresSerial && !p.requiresLot && p.unitWeightMg !== null && p.barcodes.some((b) => b.kind === 'gtin' && b.quantity === 1);
};
const gtinOf = (sku: string) => bySku.get(sku)!.barcodes.find((b) => b.kind === 'gtin' && b.quantity === 1)!.value;
/** Orders whose lines are all plain products: scanned by GTIN, weighed, no serial or lot asked. */
const plainOrders = orders.filter((o) => o.lines.every((l) => plain(l.sku)));
const threeLine = plainOrders.find((o) => o.lines.length === 3 && o.lines.some((l) => l.quantity === 1))!;
const expectedGrams = (o: DemoOrder) => o.lines.reduce((g, l) => g + (l.quantity * bySku.get(l.sku)!.unitWeightMg!) / 1000, 0);
/** A product that is not in `order`: scanning it is a wrong item. */
const strangerFor = (order: DemoOrder) => catalog.find((p) => plain(p.sku) && !order.lines.some((l) => l.sku === p.sku))!;
const stranger = strangerFor(threeLine);

let browser: Browser;
let sink: Sink;
let scale: ScaleSim;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [browser, sink, scale] = await Promise.all([launchBrowser(), PrinterSink.start(), SerialScaleSim.start({ protocol: 'sics' })]);
});

afterAll(async () => {
  await browser?.close();
  await sink?.close();
  await scale?.close();
});

function serve(dataDir?: string): Promise<RunningStation> {
  return startStation({ ...(dataDir ? { dataDir } : {}), args: ['--scale', `sics:${scale.appPath}`, '--label-printer', sink.uri] });
}

async function loginPacker(station: RunningStation, locale: 'en' | 'es' = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(station.url);
  await page.getByTestId('login-screen').waitFor();
  if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
  await page.getByTestId('operator-tile').first().click();
  await page.keyboard.type('1111', { delay: 90 });
  await page.keyboard.press('Enter');
  await page.getByTestId('home-screen').waitFor();
  await page.getByTestId('tile-pack').click();
  // The queue, or straight the bench when a pack was open at this station (a resumed pack).
  await page.locator('[data-testid="pack-queue"], [data-testid="pack-bench"]').first().waitFor();
  return page;
}

/** A wedge scan, then waits for the bench to show its outcome (each scan has a new feedback). */
async function scan(page: Page, code: string, outcome: string): Promise<void> {
  await scanWithWedge(page, code);
  await page
    .locator(`[data-testid="pack-feedback"][data-outcome="${outcome}"]`)
    .waitFor({ timeout: 5000 })
    .catch(async (error: unknown) => {
      // Say what the bench showed instead, and what the entry field holds (a burst taken for typing lands there).
      await page.screenshot({ path: resolve(shots, 'pack-scan-timeout.png') });
      const shown = await page.getByTestId('pack-feedback').getAttribute('data-outcome');
      const field = await page.getByTestId('pack-code').inputValue();
      throw new Error(`scan ${code}: expected ${outcome}, the bench shows ${shown}, the entry field holds "${field}"`, { cause: error });
    });
}

/** A wedge scan of an item, then waits until the bench counts `total` units packed. */
async function scanItem(page: Page, code: string, total: number): Promise<void> {
  await scanWithWedge(page, code);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="pack-line"]')].reduce((sum, row) => sum + Number(row.getAttribute('data-packed')), 0) === n,
    total,
    { timeout: 5000 },
  );
}

async function packed(page: Page): Promise<number[]> {
  return page.getByTestId('pack-line').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-packed'))));
}

describe('packing bench in Chromium', () => {
  it('packs a three-line order with a wrong item and an over-scan, weighs it on the serial scale and prints a label whose barcode is the tracking shown', async () => {
    const station = await serve();
    try {
      const page = await loginPacker(station);
      await page.screenshot({ path: resolve(shots, 'pack-queue-en.png') });
      // The printable command sheet comes as a PDF file from the app; its barcodes are checked in command-sheet.test.ts.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Command sheet (PDF)' }).click()]);
      expect(download.suggestedFilename()).toBe('bancada-command-sheet.pdf');
      expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
      await scanWithWedge(page, threeLine.number);
      await page.getByTestId('pack-bench').waitFor();
      const [first, second, third] = threeLine.lines;
      await scan(page, gtinOf(first!.sku), first!.quantity === 1 ? 'line-complete' : 'ok');
      await scan(page, gtinOf(stranger.sku), 'wrong-item');
      await page.screenshot({ path: resolve(shots, 'pack-wrong-item-en.png') });
      for (let i = 1; i < first!.quantity; i += 1) await scan(page, gtinOf(first!.sku), i === first!.quantity - 1 ? 'line-complete' : 'ok');
      await scan(page, gtinOf(first!.sku), 'too-many');
      let total = first!.quantity;
      for (const line of [second!, third!]) for (let i = 0; i < line.quantity; i += 1) await scanItem(page, gtinOf(line.sku), (total += 1));
      await page.locator('[data-testid="pack-bench"][data-phase="weighing"]').waitFor();
      expect((await packed(page)).reduce((a, b) => a + b, 0)).toBe(threeLine.lines.reduce((n, l) => n + l.quantity, 0));
      scale.setWeight(Math.round(expectedGrams(threeLine)) + 5);
      await page.locator('[data-testid="pack-bench"][data-phase="ready"]').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: resolve(shots, 'pack-ready-en.png') });
      await scanWithWedge(page, 'BC-CMD-COMPLETE');
      // The next order opens by itself; the one just packed stays in sight with its label state.
      const previous = page.getByTestId('previous-label').first();
      await previous.filter({ hasText: 'Label printed' }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(shots, 'pack-next-order-en.png') });
      const shown = (await previous.innerText()).match(/BC[0-9A-Z]+-\d{6}/)![0];
      const [png] = await sink.renderJob(sink.jobs.length - 1);
      const decoded = await zxingRead(png!);
      expect(decoded.map((d) => d.text)).toContain(shown);
      // What the bench committed reaches the store (the embedded demo store here): the fulfilment
      // carrying this tracking number is delivered by the relay within seconds, once.
      await expect.poll(() => fulfilmentStatuses(station.dataDir, shown), { timeout: 15_000 }).toEqual(['done']);
      await page.close();
    } finally {
      await station.stop();
    }
  });

  it('packs two packages, refuses a duplicate serial, stops on a weight off until a supervisor PIN override, and reprints once the printer is back', async () => {
    // An order of the test's own (platform 'e2e', so the demo store's sync never rewrites it): a shirt,
    // two units of a serialised keyboard, so the same serial can be tried twice, and a dress.
    const dataDir = mkdtempSync(join(tmpdir(), 'bancada-e2e-pack-'));
    await (await serve(dataDir)).stop('SIGTERM', true);
    const db = await Database.open(join(dataDir, 'bancada.sqlite'));
    const now = new Date().toISOString();
    const lines = [['ROP-RMB-GRM-XS', 1], ['ELE-TEC-ABNT2', 2], ['ROP-VLM-TER-S', 1]] as const;
    await db.exec(`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_region, ship_postal, ship_country, carrier, priority, created_at, updated_at)
      VALUES ('e2e-9001', 'e2e', 'e2e-9001', '#9001', 'open', 'Valentina Rodríguez', 'Valentina Rodríguez', 'Calle 93 #11-26', 'Bogotá', 'DC', '110221', 'CO', 'Servientrega', 3, '${now}', '${now}');
      ${lines.map(([sku, quantity], i) => `INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, variant, quantity, unit_weight_mg) SELECT 'e2e-9001-${i + 1}', 'e2e-9001', ${i + 1}, id, sku, title, variant, ${quantity}, unit_weight_mg FROM products WHERE sku = '${sku}';`).join('\n')}`);
    await db.close();
    const station = await serve(dataDir);
    try {
      const page = await loginPacker(station);
      await scanWithWedge(page, '#9001');
      await page.getByTestId('pack-bench').waitFor();
      await scan(page, gtinOf('ROP-RMB-GRM-XS'), 'line-complete');
      await scanWithWedge(page, 'BC-CMD-NEXT-PACKAGE');
      await page.locator('[data-testid="pack-bench"][data-phase="weighing"]').waitFor();
      scale.setWeight(156 + 4);
      await page.getByTestId('pack-progress').filter({ hasText: 'Package 2 of 2' }).waitFor({ timeout: 10_000 });
      await scan(page, gtinOf('ELE-TEC-ABNT2'), 'needs-serial');
      await scan(page, 'KB-SN-0001', 'ok');
      await scan(page, gtinOf('ELE-TEC-ABNT2'), 'needs-serial');
      await scan(page, 'KB-SN-0001', 'duplicate-serial');
      await page.screenshot({ path: resolve(shots, 'pack-duplicate-serial-en.png') });
      await scan(page, 'KB-SN-0002', 'line-complete');
      await scan(page, gtinOf('ROP-VLM-TER-S'), 'order-complete');
      scale.setWeight(2 * 646 + 252 + 300);
      await page.getByTestId('weight-off').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('weight-off').innerText()).toContain('Weight off by +300 g');
      await page.screenshot({ path: resolve(shots, 'pack-weight-off-en.png') });
      await page.getByTestId('override').click();
      await page.getByTestId('override-dialog').waitFor();
      await page.getByTestId('override-pin').fill('9999');
      await page.screenshot({ path: resolve(shots, 'pack-override-en.png') });
      await page.getByRole('button', { name: 'Accept this weight' }).click();
      await page.locator('[data-testid="pack-bench"][data-phase="ready"]').waitFor();
      const jobsBefore = sink.jobs.length;
      await sink.setBehaviour('refuse');
      await scanWithWedge(page, 'BC-CMD-COMPLETE');
      const previous = page.getByTestId('previous-label');
      await previous.filter({ hasText: 'Label NOT printed' }).nth(1).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: resolve(shots, 'pack-label-failed-en.png') });
      await sink.setBehaviour('accept');
      for (let i = 0; i < 2; i += 1) {
        await previous.filter({ hasText: 'Label NOT printed' }).first().getByRole('button').click();
        await previous.filter({ hasText: 'Label printed' }).nth(i).waitFor({ timeout: 15_000 });
      }
      expect(sink.jobs.length - jobsBefore).toBe(2);
      const trackings = await previous.evaluateAll((rows) => rows.map((r) => /BC[0-9A-Z]+-\d{6}/.exec(r.textContent ?? '')?.[0]));
      for (const [i, tracking] of trackings.entries()) {
        const [png] = await sink.renderJob(jobsBefore + i);
        expect((await zxingRead(png!)).map((d) => d.text)).toContain(tracking);
      }
      await page.screenshot({ path: resolve(shots, 'pack-reprinted-en.png') });
      await page.close();
    } finally {
      await station.stop();
    }
  });

  it('resumes a pack after the station is killed with SIGKILL, with every acknowledged scan', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bancada-e2e-pack-'));
    const order = plainOrders.find((o) => o.lines.reduce((n, l) => n + l.quantity, 0) >= 3 && o.number !== threeLine.number)!;
    let station = await serve(dataDir);
    let page = await loginPacker(station);
    await scanWithWedge(page, order.number);
    await page.getByTestId('pack-bench').waitFor();
    const codes = order.lines.flatMap((l) => Array.from({ length: l.quantity }, () => gtinOf(l.sku))).slice(0, 2);
    await scanItem(page, codes[0]!, 1);
    await scanItem(page, codes[1]!, 2);
    const acknowledged = await packed(page);
    expect(acknowledged.reduce((a, b) => a + b, 0)).toBe(2);
    await station.stop('SIGKILL', true);
    await page.close();
    station = await serve(dataDir);
    page = await loginPacker(station);
    await page.getByTestId('pack-bench').waitFor();
    expect(await packed(page)).toEqual(acknowledged);
    await page.screenshot({ path: resolve(shots, 'pack-resumed-en.png') });
    await page.close();
    await station.stop();
  });

  it('shows the same flow in Spanish with no English string on the bench', async () => {
    const station = await serve();
    /** Every English pack message that differs in Spanish, found on the page: must be none. */
    const english = async (page: Page): Promise<string[]> => {
      const text = await page.locator('body').innerText();
      return Object.entries(packEn)
        .filter(([key, value]) => value !== packEs[key as keyof typeof packEs] && !value.includes('{'))
        .map(([, value]) => value)
        // As whole words: "Urgent" inside the Spanish "Urgentes" is not English on screen.
        .filter((value) => new RegExp(`(^|[^\\p{L}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
    };
    try {
      const page = await loginPacker(station, 'es');
      await page.screenshot({ path: resolve(shots, 'pack-queue-es.png') });
      expect(await english(page)).toEqual([]);
      const order = plainOrders.find((o) => o.number !== threeLine.number && o.lines.length >= 2)!;
      await scanWithWedge(page, order.number);
      await page.getByTestId('pack-bench').waitFor();
      await scan(page, gtinOf(strangerFor(order).sku), 'wrong-item');
      await page.screenshot({ path: resolve(shots, 'pack-wrong-item-es.png') });
      expect(await english(page)).toEqual([]);
      expect(await page.locator('body').innerText()).toContain('Artículo equivocado');
      let total = 0;
      for (const line of order.lines) for (let i = 0; i < line.quantity; i += 1) await scanItem(page, gtinOf(line.sku), (total += 1));
      scale.setWeight(Math.round(expectedGrams(order)) + 400);
      await page.getByTestId('weight-off').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: resolve(shots, 'pack-weight-off-es.png') });
      expect(await english(page)).toEqual([]);
      await page.getByTestId('recount').click();
      scale.setWeight(Math.round(expectedGrams(order)) + 2);
      await page.locator('[data-testid="pack-bench"][data-phase="ready"]').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: resolve(shots, 'pack-ready-es.png') });
      expect(await english(page)).toEqual([]);
      await scanWithWedge(page, 'BC-CMD-COMPLETE');
      await page.getByTestId('previous-label').filter({ hasText: 'Etiqueta impresa' }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: resolve(shots, 'pack-next-order-es.png') });
      expect(await english(page)).toEqual([]);
      await page.close();
    } finally {
      await station.stop();
    }
  });
});

/** The outbox rows of fulfilments carrying `tracking`, read with plain sqlite3 from the running station's file. */
function fulfilmentStatuses(dataDir: string, tracking: string): Promise<string[]> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(join(dataDir, 'bancada.sqlite'), sqlite3.OPEN_READONLY);
    db.all<{ status: string }>(`SELECT status FROM outbox WHERE kind = 'order.fulfil' AND instr(payload, ?) > 0`, [`"tracking":"${tracking}"`], (error, rows) =>
      db.close(() => (error ? rej(error) : res(rows.map((r) => r.status)))),
    );
  });
}
