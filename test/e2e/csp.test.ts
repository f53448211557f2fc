import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness';

/**
 * The CSP and the socket guard of station server mode in a real Chromium (reference/
 * electron-style-security.md B1 #7: "e2e: an inline <script> injected into the page must not run").
 * The server runs in this process with a small page and a fake dispatcher, so the test depends on
 * neither the built app nor the station.
 *
 * The server is imported by path: this folder is typechecked by tsconfig.web-test.json (DOM types for
 * page.evaluate), which does not list src-main, and a composite project refuses to pull in files it
 * does not list (TS6307). The slice used here is typed below; src-main/server's own tests check the rest.
 */
interface ServerModule {
  startStationServer(options: {
    dispatch: (method: unknown, input: unknown) => Promise<unknown>;
    events: { subscribe(listener: (name: string, payload: unknown) => void): () => void };
    rendererDir: string;
    logger: { info: Log; warn: Log; error: Log };
  }): Promise<{ url: string; origin: string; port: number; token: string; close(): Promise<void> }>;
}
type Log = (msg: string, fields?: Record<string, unknown>) => void;
type Station = Awaited<ReturnType<ServerModule['startStationServer']>>;

const SERVER_MODULE = resolve(__dirname, '../../src-main/server/station-server.ts');

// The control script runs first and sets the title; the inline script after it would overwrite the
// title if it ran. The image's inline handler is the other classic injection shape.
const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>nothing ran</title>
<script src="/assets/control.js"></script>
<script>document.title = 'inline ran'; window.inlineRan = true;</script>
</head><body><img src="data:," onerror="window.handlerRan = true"></body></html>`;
const CONTROL_JS = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective));
document.title = 'external ran';`;

interface PageGlobals {
  violations: string[];
  inlineRan?: boolean;
  handlerRan?: boolean;
  injectedRan?: boolean;
}

let dir: string;
let browser: Browser;
let station: Station;
let foreign: Server;
const calls: { method: unknown; input: unknown }[] = [];
const warnings: (Record<string, unknown> | undefined)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bancada-csp-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets', 'control.js'), CONTROL_JS);
  const { startStationServer } = (await import(SERVER_MODULE)) as ServerModule;
  const quiet: Log = () => undefined;
  station = await startStationServer({
    dispatch: async (method, input) => {
      calls.push({ method, input });
      return { ok: true, value: { echo: input } };
    },
    events: { subscribe: () => () => undefined },
    rendererDir: dir,
    logger: { info: quiet, warn: (_msg, fields) => warnings.push(fields), error: quiet },
  });
  // Another web app on this machine: a page on a different local port.
  foreign = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other app</title>'));
  await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await station?.close();
  await new Promise((done) => (foreign ? foreign.close(done) : done(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openStationPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(station.url, { waitUntil: 'load' });
  return page;
}

describe('the content security policy in a real Chromium', () => {
  it('runs the page’s own script file but not an inline script or an inline handler', async () => {
    const page = await openStationPage();
    // Violation reports are queued as tasks; give them a moment, and let the assertions say what failed.
    await page.waitForFunction(() => (window as unknown as PageGlobals).violations?.length >= 2, undefined, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.title()).toBe('external ran');
    const seen = await page.evaluate(() => {
      const w = window as unknown as PageGlobals;
      return { inline: w.inlineRan ?? false, handler: w.handlerRan ?? false, violations: w.violations };
    });
    expect(seen.inline).toBe(false);
    expect(seen.handler).toBe(false);
    expect(seen.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    await page.close();
  });

  it('blocks a script injected into the page after it loaded', async () => {
    const page = await openStationPage();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true;';
      document.body.appendChild(script);
      await new Promise((done) => setTimeout(done, 100));
      return (window as unknown as PageGlobals).injectedRan ?? false;
    });
    expect(ran).toBe(false);
    await page.close();
  });
});

describe('the station socket in a real Chromium', () => {
  it('lets the page it served call the station', async () => {
    const page = await openStationPage();
    const reply = await page.evaluate(
      (token) =>
        new Promise<unknown>((done, fail) => {
          const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
          ws.onopen = () => ws.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: { from: 'page' } }));
          ws.onmessage = (event) => done(JSON.parse(String(event.data)));
          ws.onerror = () => fail(new Error('socket refused'));
        }),
      station.token,
    );
    expect(reply).toEqual({ t: 'result', id: 1, result: { ok: true, value: { echo: { from: 'page' } } } });
    await page.close();
  });

  it('refuses a page of another local app even when it has the token', async () => {
    calls.length = 0;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      ([port, token]) =>
        new Promise<string>((done) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
          ws.onopen = () => {
            ws.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: {} }));
            done('open');
          };
          ws.onerror = () => done('refused');
        }),
      [String(station.port), station.token] as const,
    );
    expect(outcome).toBe('refused');
    expect(calls).toHaveLength(0);
    expect(warnings).toContainEqual(expect.objectContaining({ reason: 'origin' }));
    await page.close();
  });
});
