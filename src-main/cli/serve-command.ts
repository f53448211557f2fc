import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStationServer } from '../server/station-server';
import { createStation } from '../station';
import { defaultDataDir } from './data-dir';
import { DEVICE_FLAG_OPTIONS, parseDeviceFlags } from './device-flags';

export interface CliContext {
  /** Folder of the built CLI (out/main); resources and the renderer are found from it. */
  readonly appRoot: string;
  readonly version: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export const SERVE_USAGE = `bancada serve [--port 8765] [--host 127.0.0.1] [--data-dir DIR] [--demo | --no-demo]

Starts station server mode: the station on this machine, its UI served to a browser on loopback.
Prints the URL to open (it carries a per-launch token). Stop with Ctrl+C.

Devices for this run (not saved; the Devices tab saves assignments):
  --scale sics:PATH | nci:PATH | cas:PATH | toledo:PATH | hid:VID:PID
                               a serial scale by protocol and path, or a USB HID POS scale
  --scanner serial:PATH | hid:VID:PID
                               a serial/USB-CDC or HID POS scanner (repeatable; the keyboard
                               wedge needs no flag)
  --label-printer URI          tcp://HOST:9100, usb:/dev/usb/lp0, cups://QUEUE or file:/PATH
  --label-language zpl|tspl    (default zpl)  --label-size 4x6|4x4|2x1  --label-dpi 203|300
  --document-printer URI       PDFs: cups://QUEUE
  --simulate | --no-simulate   run the simulated scale (socat MT-SICS, or in memory without
                               socat) and a TCP 9100 printer sink for roles left unassigned
                               (default: on in demo mode, off otherwise)`;

/** `bancada serve`: the same station as the desktop app, served over loopback HTTP + WebSocket. */
export async function serveCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: process.env.BANCADA_PORT ?? '8765' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      ...DEVICE_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    ctx.stdout(SERVE_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.stderr(`bancada serve: --port must be a number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  const deviceFlags = parseDeviceFlags(values);
  if ('error' in deviceFlags) {
    ctx.stderr(`bancada serve: ${deviceFlags.error}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const demo = values['no-demo'] ? false : values.demo ? true : undefined;
  const station = await createStation({ dataDir, resourcesDir: resolve(ctx.appRoot, '../../resources'), demo, version: ctx.version, logToConsole: false,
    devices: { overrides: deviceFlags.overrides, ...(deviceFlags.simulate === undefined ? {} : { simulate: deviceFlags.simulate }) },
  });
  const server = await startStationServer({
    dispatch: station.dispatch,
    events: station.events,
    rendererDir: resolve(ctx.appRoot, '../renderer'),
    host: values.host,
    port,
    logger: station.logger,
  });
  ctx.stdout(`Bancada ${ctx.version} — data in ${dataDir}`);
  ctx.stdout(`Bancada station server ready: ${server.url}`);
  ctx.stdout('Open that address in Chromium or Chrome on this machine. Stop with Ctrl+C.');
  await waitForSignal();
  await server.close();
  await station.close();
  return 0;
}

/**
 * Resolves on the first SIGINT/SIGTERM. The listeners stay installed, so a second Ctrl+C while the
 * station closes its database is ignored instead of killing the process half-way.
 */
function waitForSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    process.on('SIGINT', () => resolveSignal());
    process.on('SIGTERM', () => resolveSignal());
  });
}
