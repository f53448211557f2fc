// The device registry's hot paths (issue #3): a keyboard-wedge burst recognised in the renderer's
// capture, an HID POS scan reassembled, a scan through the contract into the scan router, and a
// weight from the simulated scale to a settled LiveScale. Prints figures; asserts only that the work
// was real.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Database } from '../src-main/db/database';
import { migrate } from '../src-main/db/migrate';
import { MIGRATIONS } from '../src-main/db/migrations';
import { deviceHandlers } from '../src-main/devices/registry/device-handlers';
import { DeviceRegistry } from '../src-main/devices/registry/device-registry';
import { HidScanAssembler } from '../src-main/devices/scanners/hid-pos-scan-report';
import { MemoryScaleSim } from '../src-main/devices/simulators/memory-scale';
import { DEFAULT_WEDGE } from '../src-shared/domain/devices';
import { measure, print } from './measure';

/** The renderer's pure capture module: outside the Node tsconfig, so typed here by what the bench uses. */
interface WedgeModule {
  createWedgeCapture(timing: typeof DEFAULT_WEDGE): { key(input: { key: string; at: number; inField: boolean }): { type: string }[] };
}
const WEDGE_MODULE = '../src-renderer/features/scan/wedge-capture';

it('recognises a keyboard-wedge burst', async () => {
  const { createWedgeCapture } = (await import(/* @vite-ignore */ WEDGE_MODULE)) as WedgeModule;
  const capture = createWedgeCapture(DEFAULT_WEDGE);
  const keys = [...']C10109506000134352', 'Enter'];
  let at = 0;
  let scans = 0;
  const f = await measure(20_000, () => {
    at += 1000;
    for (const [i, key] of keys.entries()) for (const a of capture.key({ key, at: at + i * 3, inField: true })) if (a.type === 'scan') scans++;
  });
  expect(scans).toBeGreaterThan(0);
  print(`wedge capture, ${keys.length} keys to a scan`, f, 'scan');
});

it('reassembles HID POS scans', async () => {
  const report = new Uint8Array(64);
  report.set([0x02, 16, 0x5d, 0x43, 0x31, ...Buffer.from('0109506000134352')]);
  const assembler = new HidScanAssembler();
  let scans = 0;
  const f = await measure(100_000, () => {
    if (assembler.push(report)?.kind === 'scan') scans++;
  });
  expect(scans).toBeGreaterThan(0);
  print('HID POS scan report to a scan', f, 'scan');
});

it('routes a wedge scan through scans:submit and publishes it; settles a weight from the simulated scale', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-bench-'));
  const db = await Database.open(join(dir, 'bench.sqlite'));
  await migrate(db, MIGRATIONS);
  const memory = new MemoryScaleSim('sics');
  let published = 0;
  const registry = await DeviceRegistry.start({
    db,
    simulation: { scale: { via: 'memory', path: 'memory:scale', openPort: memory.openPort, control: memory }, sink: null },
    unclaimed: async () => undefined,
    publish: { status: () => undefined, live: () => undefined, scan: () => void published++, unclaimed: () => undefined, job: () => undefined },
    log: () => undefined,
  });
  const handlers = deviceHandlers({ db, registry, stationId: () => 's', now: () => new Date() });
  const ctx = { session: null };
  const scan = { raw: '0109506000134352', symbology: ']C1', source: 'keyboard' as const, deviceId: null, at: new Date().toISOString() };
  const routed = await measure(20_000, () => handlers['scans:submit'](scan, ctx));
  expect(published).toBeGreaterThan(20_000);
  print('scans:submit to the scan router (handler, unclaimed)', routed, 'scan');

  // Weight placed → settled LiveScale: polled every 200 ms, three stable readings: the figure is the user-visible wait.
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    const seq = registry.scale.current().settled?.seq ?? 0;
    const t0 = performance.now();
    memory.setWeight(1000 + i * 250);
    while ((registry.scale.current().settled?.seq ?? 0) === seq) await new Promise((r) => setTimeout(r, 5));
    waits.push(performance.now() - t0);
  }
  waits.sort((a, b) => a - b);
  console.log(`simulated scale, weight placed to settled: median ${waits[4]!.toFixed(0)} ms, max ${waits[7]!.toFixed(0)} ms (n=8; SI polled every 200 ms, 3 stable readings)`);
  await registry.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reconnects a serial scale that comes back (socat killed and restarted)', async () => {
  const { SerialScaleSim } = await import('../src-main/devices/simulators/serial-scale-sim');
  const { SerialScale } = await import('../src-main/devices/serial/serial-scale');
  const { openNodeSerialPort } = await import('../src-main/devices/serial/node-serial-port');
  const { SYSTEM_TIMERS } = await import('../src-main/devices/serial/port');
  const sim = await SerialScaleSim.start({ protocol: 'sics' });
  const scale = new SerialScale({ path: sim.appPath, protocol: 'sics' }, { openPort: openNodeSerialPort, timers: SYSTEM_TIMERS });
  scale.start();
  const waitFor = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((r) => setTimeout(r, 5));
  };
  await waitFor(() => scale.health.connected);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    await sim.killSocat();
    await waitFor(() => !scale.health.connected);
    await new Promise((r) => setTimeout(r, 1500)); // let the backoff reach its 1 s cap, the worst case
    const t0 = performance.now();
    await sim.restart();
    await waitFor(() => scale.health.connected);
    times.push(performance.now() - t0);
  }
  await scale.stop();
  await sim.close();
  times.sort((a, b) => a - b);
  expect(times).toHaveLength(6);
  console.log(`serial scale back on its port → open again: median ${times[3]!.toFixed(0)} ms, max ${times[5]!.toFixed(0)} ms (n=6, after the retry delay reached its 1 s cap)`);
});
