import { describe, expect, it } from 'vitest';
import type { DiscoveryListers } from '../devices/discovery/discover';
import { devicesCommand } from './devices-command';

const benchListers: DiscoveryListers = {
  listHid: () => [
    { vendorId: 0x0922, productId: 0x8003, usagePage: 0x8d, usage: 0x20, path: '/dev/hidraw3', manufacturer: 'DYMO', product: 'M10 10 Kg Digital Postal Scale' },
    { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02, path: '/dev/hidraw5', manufacturer: 'Honeywell', product: '1900GSR' },
    { vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06, path: '/dev/hidraw0', manufacturer: 'Logitech', product: 'USB Keyboard' },
  ],
  listSerial: async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' }],
  runLpstat: async () => ({ code: 0, stdout: 'device for Zebra_ZP450: socket://192.168.1.40:9100\n', stderr: '' }),
};

const emptyListers: DiscoveryListers = {
  listHid: () => [],
  listSerial: async () => {
    throw new Error('udevadm not found');
  },
  runLpstat: async () => ({ code: 1, stdout: '', stderr: 'lpstat: Scheduler is not running.\n' }),
};

async function run(argv: readonly string[], deps: DiscoveryListers) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await devicesCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, deps);
  return { code, out, err };
}

describe('bancada devices', () => {
  it('prints a table per kind, with the reason for each device', async () => {
    const { code, out, err } = await run([], benchListers);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      'Scales',
      '  DYMO M10 10 Kg Digital Postal Scale  hid  0922:8003  /dev/hidraw3  HID usage page 0x8D (Scales)',
      '',
      'Scanners',
      '  Honeywell 1900GSR  hid  0c2e:0b61  /dev/hidraw5  HID usage page 0x8C (Barcode Scanner)',
      '',
      'Label printers (CUPS queues)',
      '  Zebra_ZP450  socket://192.168.1.40:9100',
      '',
      'Other serial ports (a serial scale or scanner may be on one)',
      '  FTDI  serial  0403:6001  /dev/ttyUSB0  FTDI USB-serial adapter: a serial scale or scanner may be behind it',
      '',
      '1 other HID device not shown (--all lists them)',
    ]);
  });

  it('--all lists the keyboard too', async () => {
    const { out } = await run(['--all'], benchListers);
    expect(out.slice(-2)).toEqual(['Other HID devices', '  Logitech USB Keyboard  hid  046d:c31c  /dev/hidraw0  keyboard (usage page 0x01, usage 0x06)']);
  });

  it('says "none found" per kind and lists problems, exit 0', async () => {
    const { code, out } = await run([], emptyListers);
    expect(code).toBe(0);
    expect(out).toEqual([
      'Scales',
      '  none found',
      '',
      'Scanners',
      '  none found',
      '',
      'Label printers (CUPS queues)',
      '  none found',
      '',
      'Other serial ports (a serial scale or scanner may be on one)',
      '  none found',
      '',
      'Problems',
      '  serial:  udevadm not found',
      '  cups:    lpstat: Scheduler is not running.',
    ]);
  });

  it('--json prints one object grouped by kind', async () => {
    const { code, out } = await run(['--json'], benchListers);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const view = JSON.parse(out[0]!);
    expect(Object.keys(view)).toEqual(['scales', 'scanners', 'serialPorts', 'printers', 'otherHid', 'problems']);
    expect(view.scales).toEqual([{ transport: 'hid', kind: 'scale', name: 'DYMO M10 10 Kg Digital Postal Scale', vidPid: '0922:8003', path: '/dev/hidraw3', why: 'HID usage page 0x8D (Scales)' }]);
    expect(view.scanners.map((d: { vidPid: string }) => d.vidPid)).toEqual(['0c2e:0b61']);
    expect(view.serialPorts.map((d: { path: string }) => d.path)).toEqual(['/dev/ttyUSB0']);
    expect(view.printers).toEqual([{ queue: 'Zebra_ZP450', uri: 'socket://192.168.1.40:9100' }]);
    expect(view.otherHid.map((d: { vidPid: string }) => d.vidPid)).toEqual(['046d:c31c']);
    expect(view.problems).toEqual([]);
  });

  it('--json with nothing found still exits 0 and carries the problems', async () => {
    const { code, out } = await run(['--json'], emptyListers);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({
      scales: [],
      scanners: [],
      serialPorts: [],
      printers: [],
      otherHid: [],
      problems: [
        { source: 'serial', message: 'udevadm not found' },
        { source: 'cups', message: 'lpstat: Scheduler is not running.' },
      ],
    });
  });

  it('keeps terminal control bytes out of the table', async () => {
    const { out } = await run([], { ...emptyListers, runLpstat: async () => ({ code: 0, stdout: 'device for Q: socket://h:9100/\u009b2J\n', stderr: '' }) });
    expect(out).toContain('  Q  socket://h:9100/?2J');
  });

  it('rejects unknown options with the usage, exit 2; --help prints it, exit 0', async () => {
    const bad = await run(['--bogus'], emptyListers);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('bancada devices [--json] [--all]');
    const help = await run(['--help'], emptyListers);
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain('bancada devices [--json] [--all]');
  });

  it('runs against this machine with the real listers', async () => {
    const { code, out } = await run(['--json'], {});
    expect(code).toBe(0);
    const view = JSON.parse(out[0]!);
    for (const p of view.problems) expect(['hid', 'serial', 'cups']).toContain(p.source);
  });
});
