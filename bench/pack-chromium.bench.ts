// Scan to feedback in Chromium (issue #4): from the scanner burst's terminator key (Enter) to the
// DOM showing the verified line, over 1,000 scans, with the station served by `bancada serve` on a
// database of 100,000 orders and 1,000,000 barcodes. The burst goes through the real path: the
// keyboard-wedge capture → scans:submit over the WebSocket → the scan router → the pack service
// (lookup, commit with synchronous=FULL) → pack:view → React. Prints p50/p99 and the peak RSS of
// the station process and of every Chromium process; asserts only that every unit was packed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../src-main/station';
import { BENCH_LINES, BENCH_ORDER, benchBarcode, ensureBenchDatabase, UNITS_PER_LINE } from './pack-fixture';

/*
 * The e2e harness (start `bancada serve`, find and launch Chromium) is in test/e2e, which the node
 * project does not list (TS6307); it is loaded by path and the slice used here is typed.
 */
interface Harness {
  startStation(options: { dataDir: string; args: readonly string[] }): Promise<{ url: string; process: { pid?: number }; stop(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
}
const { startStation, launchBrowser } = (await import(join(__dirname, '../test/e2e/harness.ts'))) as Harness;

function peakRssMiB(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * Runs in the page (a string, so this file needs no DOM types): for each code, types the burst the
 * way a wedge scanner does, stamps the time just before its Enter, and stops the clock in the
 * MutationObserver callback that sees the packed count go up.
 */
/**
 * Stamps the arrival of every pack:view event on the page's WebSocket (a listener added when the
 * socket is made, so it runs before the app's own handler): splits each sample into "station"
 * (Enter → the event arrives: wedge capture, WebSocket, main, SQLite commit) and "screen" (event →
 * DOM: parse, store, React).
 */
const STAMP_EVENTS = `(() => {
  window.__packViews = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.includes('"pack:view"')) window.__packViews.push(performance.now()); });
    }
  };
})()`;

const IN_PAGE = `async (codes) => {
  const total = () => [...document.querySelectorAll('[data-testid="pack-line"]')].reduce((n, r) => n + Number(r.getAttribute('data-packed')), 0);
  const lines = document.querySelector('[data-testid="pack-lines"]');
  const samples = [];
  for (const code of codes) {
    const before = total();
    const target = document.activeElement ?? document.body;
    for (const key of code.split('')) for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
    const seen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (total() > before) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(document.querySelector('[data-testid="pack-bench"]'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const t0 = performance.now();
    for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true }));
    const t1 = await Promise.race([seen, new Promise((r) => setTimeout(() => r(NaN), 5000))]);
    const arrived = window.__packViews.find((t) => t >= t0) ?? NaN;
    samples.push([t1 - t0, arrived - t0, t1 - arrived]);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { samples, packed: total(), lines: lines ? lines.children.length : 0 };
}`;

it('shows each scan in Chromium: 1,000 scans, 100,000 orders, 1,000,000 barcodes', async () => {
  const source = await ensureBenchDatabase((line) => console.log(line));
  const dataDir = mkdtempSync(join(tmpdir(), 'bancada-bench-pack-ui-'));
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  const [station, browser] = await Promise.all([startStation({ dataDir, args: ['--no-simulate'] }), launchBrowser()]);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(STAMP_EVENTS);
    await page.goto(station.url);
    await page.getByTestId('login-screen').waitFor();
    await page.getByTestId('operator-tile').first().click();
    await page.keyboard.type('1111', { delay: 90 });
    await page.keyboard.press('Enter');
    await page.getByTestId('tile-pack').click();
    await page.getByTestId('pack-code').fill(BENCH_ORDER);
    await page.keyboard.press('Enter');
    await page.getByTestId('pack-bench').waitFor();
    const codes: string[] = [];
    for (let unit = 0; unit < UNITS_PER_LINE; unit++) for (let line = 0; line < BENCH_LINES; line++) codes.push(benchBarcode(line, unit));
    const result = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(codes)})`)) as { samples: [number, number, number][]; packed: number };
    expect(result.packed).toBe(codes.length);
    const column = (i: number) => result.samples.map((s) => s[i]!).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    const total = column(0);
    expect(total.length).toBe(codes.length);
    const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(values.length * q))]!.toFixed(2);
    console.log(`scan to DOM in Chromium (wedge burst Enter → verified line on screen): p50 ${at(total, 0.5)} ms, p99 ${at(total, 0.99)} ms, max ${total.at(-1)!.toFixed(2)} ms (n=${total.length})`);
    const station1 = column(1);
    const screen = column(2);
    console.log(`  of which Enter → pack:view arrives: p50 ${at(station1, 0.5)} ms, p99 ${at(station1, 0.99)} ms; pack:view → DOM: p50 ${at(screen, 0.5)} ms, p99 ${at(screen, 0.99)} ms`);
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
    const chromium = info.processInfo.map((p) => `${p.type} ${peakRssMiB(p.id).toFixed(1)} MiB`).join(', ');
    console.log(`machine load while measuring (1-minute average): ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
    console.log(`peak RSS: station process ${peakRssMiB(station.process.pid).toFixed(1)} MiB; Chromium ${chromium}`);
  } finally {
    await browser.close();
    await station.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
