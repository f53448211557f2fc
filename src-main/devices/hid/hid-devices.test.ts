import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import { HidScanner } from '../scanners/hid-scanner';
import type { ScannerHealth } from '../scanners/scanner-driver';
import type { SettledWeight } from '../serial/serial-scale';
import { FakeHid } from './fake-hid';
import { HidScale } from './hid-scale';

// No HID device can be attached here; FakeHid (fake-hid.ts) stands in for node-hid, built from its documented behaviour.

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function until(what: string, condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function scanReport(data: string, aim = ']C1'): number[] {
  const bytes = new Array<number>(64).fill(0);
  bytes[0] = 0x02;
  bytes[1] = data.length;
  [...aim].forEach((c, i) => (bytes[2 + i] = c.charCodeAt(0)));
  [...data].forEach((c, i) => (bytes[5 + i] = c.charCodeAt(0)));
  return bytes;
}

const SCANNER = { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02, path: '/dev/hidraw3', product: 'Honeywell 1950g' };
const KEYBOARD_SIDE = { ...SCANNER, usagePage: 0x01, usage: 0x06, path: '/dev/hidraw2' };

describe('an HID POS scanner through node-hid', () => {
  it('opens the POS interface (not the keyboard one), turns on HID POS output, and hands over scans with their AIM id', async () => {
    const hid = new FakeHid();
    hid.plug(KEYBOARD_SIDE);
    hid.plug(SCANNER);
    const scans: ScanEvent[] = [];
    const scanner = new HidScanner({ id: 'scanner:1', ...SCANNER }, { hid, now: () => Date.parse('2026-11-23T10:00:00Z'), sinks: { onScan: (s) => scans.push(s), onHealth: () => undefined }, scanMs: 20 });
    stops.push(() => scanner.stop());
    scanner.start();
    await until('the scanner to open', () => scanner.health.connected);
    expect(hid.opened).toHaveLength(1);
    expect(hid.opened[0]!.featureReports).toEqual([[0xfe, 0x01]]); // Honeywell: enable HID POS data [S22]
    hid.report(scanReport('0109506000134352'));
    expect(scans).toEqual([{ raw: '0109506000134352', symbology: ']C1', source: 'hid', deviceId: 'scanner:1', at: '2026-11-23T10:00:00.000Z' }]);
  });

  it('counts an unreadable report, says it is disconnected when pulled, and reads again once plugged back in', async () => {
    const hid = new FakeHid();
    hid.plug(SCANNER);
    const scans: ScanEvent[] = [];
    const health: ScannerHealth[] = [];
    const scanner = new HidScanner({ id: 'scanner:1', ...SCANNER }, { hid, now: () => Date.now(), sinks: { onScan: (s) => scans.push(s), onHealth: (h) => health.push(h) }, scanMs: 20 });
    stops.push(() => scanner.stop());
    scanner.start();
    await until('open', () => scanner.health.connected);
    hid.report([0x02, 0xff, 0x5d]);
    expect(scanner.health).toMatchObject({ badFrames: 1, lastError: { code: 'scanner.bad-report' } });
    hid.unplug(SCANNER.path);
    expect(scanner.health).toMatchObject({ connected: false, lastError: { code: 'device.disconnected' } });
    hid.plug(SCANNER);
    await until('reopened', () => scanner.health.connected);
    hid.report(scanReport('ORD-1001', '\0\0\0'));
    expect(scans.map((s) => [s.raw, s.symbology])).toEqual([['ORD-1001', null]]);
    expect(hid.opened).toHaveLength(2);
  });
});

const SCALE = { vendorId: 0x0922, productId: 0x8003, usagePage: 0x8d, usage: 0x20, path: '/dev/hidraw5', product: 'DYMO M10' };

describe('an HID POS scale through node-hid', () => {
  it('decodes reports, settles one weight, zeroes by output report, and comes back after a replug', async () => {
    const hid = new FakeHid();
    hid.plug(SCALE);
    const scale = new HidScale({ vendorId: SCALE.vendorId, productId: SCALE.productId }, { hid, now: () => Date.now(), scanMs: 20 });
    stops.push(() => scale.stop());
    const settled: SettledWeight[] = [];
    scale.on('settled', (s) => settled.push(s));
    scale.start();
    await until('open', () => scale.health.connected);
    // device-protocols.md §1.4 vector "03 04 03 FD E2 04 -> stable, kg, exp -3, raw 1250 -> 1.250 kg".
    for (let i = 0; i < 4; i++) hid.report([0x03, 0x04, 0x03, 0xfd, 0xe2, 0x04]);
    expect(settled.map((s) => s.grams)).toEqual([1250]);
    hid.report([0x03, 0x04]); // too short
    expect(scale.health.badFrames).toBe(1);
    expect(await scale.zero()).toEqual({ ok: true, value: null });
    expect(hid.opened[0]!.written).toEqual([[0x02, 0x02]]);
    hid.unplug(SCALE.path);
    expect(scale.health.connected).toBe(false);
    expect(await scale.zero()).toMatchObject({ ok: false, error: { code: 'device.not-connected' } });
    hid.plug(SCALE);
    await until('reopened', () => scale.health.connected);
    expect(scale.health.reconnects).toBe(1);
  });
});
