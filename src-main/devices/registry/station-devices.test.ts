/**
 * The device layer inside a whole station (createStation, the composition root): a demo station runs
 * the simulators by itself and closes them with it; `--no-simulate` and serve-flag overrides are
 * honoured. Real SQLite, real socat (or the in-memory scale where socat is missing), real TCP sink.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../station';

const resourcesDir = resolve(__dirname, '../../../resources');
const opened: { station: Station; dir: string }[] = [];
afterEach(async () => {
  for (const { station, dir } of opened.splice(0)) {
    await station.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(options: Parameters<typeof createStation>[0] extends infer O ? Partial<O> : never): Promise<Station> {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-station-devices-'));
  const station = await createStation({ dataDir: dir, resourcesDir, version: 'test', ...options });
  opened.push({ station, dir });
  return station;
}

function refused(uri: string): Promise<boolean> {
  const url = new URL(uri);
  return new Promise((done) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once('connect', () => (socket.destroy(), done(false)));
    socket.once('error', () => done(true));
  });
}

async function until<T>(what: string, read: () => T | null | undefined | false): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the devices of a station', () => {
  it('in demo mode: a live simulated scale and a printer sink, both gone once the station closes', async () => {
    const station = await start({ demo: true });
    expect(station.devices.printer('label')).toEqual({ language: 'zpl', size: '4x6', dpi: 203 });
    const live = await until('the simulated scale to read', () => (station.devices.scale.current().status === 'zero' ? station.devices.scale.current() : null));
    expect(live).toMatchObject({ deviceId: 'scale', simulated: true });
    const outcome = await station.devices.print({ role: 'label', kind: 'test', documentRef: null, document: { language: 'zpl', bytes: Buffer.from('^XA^FDhi^FS^XZ') } });
    expect(outcome).toMatchObject({ ok: true, job: { status: 'done' } });
    const uri = outcome.job!.printer;
    expect(await refused(uri)).toBe(false);
    await station.close();
    expect(await refused(uri)).toBe(true);
  });

  it('with --no-simulate and a label printer flag: no simulators, the flag\'s printer, no scale', async () => {
    const station = await start({ demo: true, devices: { simulate: false, overrides: { labelPrinter: { uri: 'tcp://127.0.0.1:9', language: 'tspl', size: '2x1', dpi: 300 } } } });
    expect(station.devices.printer('label')).toEqual({ language: 'tspl', size: '2x1', dpi: 300 });
    expect(station.devices.scale.current()).toMatchObject({ deviceId: null, status: 'disconnected' });
    const outcome = await station.devices.print({ role: 'label', kind: 'test', documentRef: null, document: { language: 'tspl', bytes: Buffer.from('CLS\r\nPRINT 1\r\n') } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'printer.connection-refused' }, job: { status: 'failed' } });
  });
});
