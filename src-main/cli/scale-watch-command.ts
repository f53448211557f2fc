import { parseArgs } from 'node:util';
import { HidScale } from '../devices/hid/hid-scale';
import { nodeHidApi, type HidApi } from '../devices/hid/hid-link';
import { openNodeSerialPort } from '../devices/serial/node-serial-port';
import { SYSTEM_TIMERS, type SerialLineSettings } from '../devices/serial/port';
import { SerialScale, type PortState, type ScaleHealth } from '../devices/serial/serial-scale';
import { SERIAL_SCALE_PROTOCOLS, type SerialScaleProtocol } from '../devices/scales/scale-stream';

export const SCALE_WATCH_USAGE = `bancada scale watch --port <path> --protocol sics|nci|cas|toledo [--baud N] [--continuous] [--every-ms N]
bancada scale watch --hid <vid:pid>          a USB HID POS scale (usage page 0x8D), e.g. --hid 0922:8003

Live readings from a serial scale until Ctrl+C: one JSON line per reading on stdout,
{"status":"stable"|"motion"|"zero"|…,"grams":<number>|null}, and {"settled":true,"grams":<number>}
once each time a weight settles. The scale is asked for a weight every 200 ms (--every-ms) unless
--continuous says it talks by itself (Toledo always does). Line settings default to the protocol's
(MT-SICS, CAS, Toledo 9600 8N1; NCI 9600 7E1). Connection changes and bad frames go to stderr; if the
scale is unplugged it is reopened when it comes back.`;

export interface ScaleWatchContext {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Stops watching; without it, SIGINT / SIGTERM do. */
  readonly signal?: AbortSignal;
  /** node-hid, or a fake of it in tests. */
  readonly hid?: () => Promise<HidApi>;
}

interface HidWatchArgs {
  readonly vendorId: number;
  readonly productId: number;
}

interface WatchArgs {
  readonly path: string;
  readonly protocol: SerialScaleProtocol;
  readonly line: Partial<SerialLineSettings>;
  readonly continuous: boolean;
  readonly everyMs: number;
}

function parseWatchArgs(argv: readonly string[]): WatchArgs | HidWatchArgs | { readonly error: string; readonly code: number } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      protocol: { type: 'string' },
      baud: { type: 'string' },
      continuous: { type: 'boolean', default: false },
      'every-ms': { type: 'string', default: '200' },
      hid: { type: 'string' },
    },
    strict: true,
  });
  if (values.hid !== undefined || values.protocol === 'hid') {
    const match = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(values.hid ?? '');
    if (!match) return { error: `--hid takes the scale's vendor and product id in hex, e.g. 0922:8003${values.hid ? `, got "${values.hid}"` : ''}`, code: 2 };
    return { vendorId: parseInt(match[1]!, 16), productId: parseInt(match[2]!, 16) };
  }
  if (!values.port) return { error: '--port <path> is required', code: 2 };
  const protocol = values.protocol ?? '';
  if (!(SERIAL_SCALE_PROTOCOLS as readonly string[]).includes(protocol)) {
    return { error: `--protocol must be one of ${SERIAL_SCALE_PROTOCOLS.join(', ')}${protocol ? `, got "${protocol}"` : ''}`, code: 2 };
  }
  const baud = values.baud === undefined ? undefined : Number(values.baud);
  if (baud !== undefined && !(Number.isInteger(baud) && baud > 0)) return { error: `--baud must be a whole number, got "${values.baud}"`, code: 2 };
  const everyMs = Number(values['every-ms']);
  if (!Number.isInteger(everyMs) || everyMs < 20) return { error: `--every-ms must be a whole number ≥ 20, got "${values['every-ms']}"`, code: 2 };
  return { path: values.port, protocol: protocol as SerialScaleProtocol, line: baud ? { baudRate: baud } : {}, continuous: values.continuous || protocol === 'toledo', everyMs };
}

function describeLine(line: SerialLineSettings): string {
  return `${line.baudRate} ${line.dataBits}${line.parity[0]?.toUpperCase() ?? 'N'}${line.stopBits}`;
}

/** Resolves when `signal` aborts, or on SIGINT / SIGTERM when there is none. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Connection changes to stderr: opened, lost, and a failed reopen only when its reason changes. */
function reportHealth(ctx: ScaleWatchContext, scale: SerialScale, args: WatchArgs): (health: ScaleHealth) => void {
  let previous: PortState = 'closed';
  let lastReason = '';
  return (health) => {
    if (health.state === previous) return;
    if (health.state === 'open') {
      ctx.stderr(`scale watch: ${health.reconnects === 0 ? 'opened' : 'reopened'} ${args.path} (${args.protocol}, ${describeLine(scale.line)}, ${scale.mode.kind})`);
      lastReason = '';
    } else if (health.state === 'lost' && health.lastError && health.lastError.message !== lastReason) {
      lastReason = health.lastError.message;
      ctx.stderr(`scale watch: ${health.lastError.code}: ${health.lastError.message}; retrying`);
    }
    previous = health.state;
  };
}

/** `bancada scale watch`: `argv` is what follows "scale watch". Prints readings until stopped; 0 then, 2 on bad arguments. */
export async function scaleWatchCommand(argv: readonly string[], ctx: ScaleWatchContext): Promise<number> {
  let args: ReturnType<typeof parseWatchArgs>;
  try {
    args = parseWatchArgs(argv);
  } catch (error) {
    args = { error: error instanceof Error ? error.message : String(error), code: 2 };
  }
  if ('error' in args) {
    ctx.stderr(`bancada scale watch: ${args.error}\n\n${SCALE_WATCH_USAGE}`);
    return args.code;
  }
  if ('vendorId' in args) return watchHid(args, ctx);
  const scale = new SerialScale(
    { path: args.path, protocol: args.protocol, line: args.line, mode: args.continuous ? { kind: 'continuous' } : { kind: 'polled', everyMs: args.everyMs } },
    { openPort: openNodeSerialPort, timers: SYSTEM_TIMERS },
  );
  let readings = 0;
  scale.on('reading', (reading) => {
    readings++;
    ctx.stdout(JSON.stringify({ status: reading.status, grams: reading.grams }));
  });
  scale.on('settled', (weight) => ctx.stdout(JSON.stringify({ settled: true, grams: weight.grams })));
  scale.on('health', reportHealth(ctx, scale, args));
  scale.start();
  await untilStopped(ctx.signal);
  await scale.stop();
  const { badFrames, reconnects, lastError } = scale.health;
  const lastBad = badFrames > 0 && lastError?.code.startsWith('scale.') ? ` (last: ${lastError.code})` : '';
  ctx.stderr(`scale watch: ${readings} readings, ${badFrames} bad frames${lastBad}, ${reconnects} reconnects`);
  return 0;
}

/** `--hid vid:pid`: the same output from a USB HID POS scale, reopened when it is plugged back in. */
async function watchHid(args: HidWatchArgs, ctx: ScaleWatchContext): Promise<number> {
  const id = `${args.vendorId.toString(16).padStart(4, '0')}:${args.productId.toString(16).padStart(4, '0')}`;
  let hid: HidApi;
  try {
    hid = await (ctx.hid ?? nodeHidApi)();
  } catch (error) {
    ctx.stderr(`bancada scale watch: node-hid cannot load: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const scale = new HidScale({ vendorId: args.vendorId, productId: args.productId }, { hid, now: () => Date.now() });
  let readings = 0;
  let previous: PortState = 'closed';
  scale.on('reading', (reading) => {
    readings++;
    ctx.stdout(JSON.stringify({ status: reading.status, grams: reading.grams }));
  });
  scale.on('settled', (weight) => ctx.stdout(JSON.stringify({ settled: true, grams: weight.grams })));
  scale.on('health', (health) => {
    if (health.state === previous) return;
    if (health.state === 'open') ctx.stderr(`scale watch: ${health.reconnects === 0 ? 'opened' : 'reopened'} HID scale ${id}`);
    else if (health.state === 'lost' && health.lastError) ctx.stderr(`scale watch: ${health.lastError.code}: ${health.lastError.message}; looking for it again`);
    previous = health.state;
  });
  if (!hid.devices().some((d) => d.vendorId === args.vendorId && d.productId === args.productId)) ctx.stderr(`scale watch: no HID device ${id} yet (plugged in? permissions on /dev/hidraw*?); waiting for it`);
  scale.start();
  await untilStopped(ctx.signal);
  await scale.stop();
  ctx.stderr(`scale watch: ${readings} readings, ${scale.health.badFrames} bad frames, ${scale.health.reconnects} reconnects`);
  return 0;
}
