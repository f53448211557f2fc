import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = resolve(__dirname, '../..');

/** Where the tests leave screenshots for a person to look at. */
export const shots = resolve(root, 'test-results/screens');

/** CHROMIUM_PATH, then Debian's chromium, then Playwright's own download; else one clear line. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safeExecutablePath()].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium for the end-to-end tests: set CHROMIUM_PATH, or apt-get install chromium (tried ' + candidates.join(', ') + ')');
  return found;
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface RunningStation {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  /** SIGTERM (or the signal given) and wait for exit; removes the data dir unless `keepData`. */
  stop(signal?: NodeJS.Signals, keepData?: boolean): Promise<void>;
}

/** Starts `bancada serve` on a free port with its own data folder, like a person would. */
export function startStation(options: { dataDir?: string; args?: readonly string[] } = {}): Promise<RunningStation> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bancada-e2e-'));
  const child = spawn(process.execPath, [join(root, 'bin/bancada.cjs'), 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`the station did not print its address within 30 s:\n${out}`)), 30_000);
    const check = (): void => {
      const match = /ready: (http:\/\/\S+)/.exec(out);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolveStart({
        url: match[1],
        dataDir,
        process: child,
        output: () => out,
        async stop(signal = 'SIGTERM', keepData = false) {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
          if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
        },
      });
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the station exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export interface StationUnderTest {
  readonly station: RunningStation;
  readonly browser: Browser;
}

/**
 * One station (`bancada serve` with `options`) and one Chromium for a whole test file: started before
 * its first test, closed and stopped after its last. Read `station` and `browser` inside the tests.
 */
export function stationForFile(options: Parameters<typeof startStation>[0] = {}): StationUnderTest {
  let station: RunningStation | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [station, browser] = await Promise.all([startStation(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await station?.stop();
  });
  return {
    get station() {
      if (!station) throw new Error('the station starts in beforeAll');
      return station;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}

/** A new page on the station's screen, waiting for the login screen (or whoever is still logged in). */
export async function openStation(browser: Browser, station: RunningStation, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(station.url);
  await page.locator('[data-testid=login-screen], [data-testid=logout]').first().waitFor();
  return page;
}

/** Leaves the session and waits for the login screen. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-screen').waitFor();
}

/**
 * Types `code` and Enter the way a keyboard-wedge scanner does: every key within the same
 * millisecond. Playwright's own typing sends one key per round trip to the browser, and on a
 * loaded two-core CI machine a round trip can outlast the burst window, which made the test
 * flaky (the app would rightly take it for a person typing).
 */
export function scanWithWedge(page: Page, code: string): Promise<void> {
  return page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text.split(''), 'Enter']) {
      for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
    }
  }, code);
}

/**
 * A new page logged in at the station: leaves whoever is logged in (a test that failed half-way may
 * have left a session), picks the language, taps the operator and types the PIN.
 */
export async function loginAs(browser: Browser, station: RunningStation, language: 'English' | 'Español' | 'Português', operator: string, pin: string): Promise<Page> {
  const page = await openStation(browser, station);
  if (await page.getByTestId('logout').count()) await page.getByTestId('logout').click();
  await page.getByRole('button', { name: language, exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'Español' ? 'es' : language === 'Português' ? 'pt-BR' : 'en');
  await page.getByTestId('operator-tile').filter({ hasText: operator }).click();
  await page.keyboard.type(pin, { delay: 90 });
  await page.keyboard.press('Enter');
  await page.getByTestId('home-screen').waitFor();
  return page;
}
