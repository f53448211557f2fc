import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDevices, interpretLpstat, runLpstat } from './discover';

const noHid = () => [];
const noSerial = async () => [];
const noCups = async () => ({ code: 0, stdout: '', stderr: '' });

describe('discoverDevices', () => {
  it('classifies what each lister returns', async () => {
    const report = await discoverDevices({
      listHid: () => [{ vendorId: 0x0922, productId: 0x8003, usagePage: 0x8d, usage: 0x20, path: '/dev/hidraw3', product: 'M10' }],
      listSerial: async () => [{ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' }],
      runLpstat: async () => ({ code: 0, stdout: 'device for Zebra: socket://127.0.0.1:9100\n', stderr: '' }),
    });
    expect(report.hid.map((d) => [d.kind, d.vidPid])).toEqual([['scale', '0922:8003']]);
    expect(report.serial.map((d) => d.path)).toEqual(['/dev/ttyUSB0']);
    expect(report.printers).toEqual([{ queue: 'Zebra', uri: 'socket://127.0.0.1:9100' }]);
    expect(report.problems).toEqual([]);
  });

  it('a throwing source becomes a problem and the others still report', async () => {
    const report = await discoverDevices({
      listHid: () => {
        throw new Error('could not open /dev/hidraw0: Permission denied');
      },
      listSerial: async () => [{ path: '/dev/ttyS0' }],
      runLpstat: noCups,
    });
    expect(report.problems).toEqual([{ source: 'hid', message: 'could not open /dev/hidraw0: Permission denied' }]);
    expect(report.serial).toHaveLength(1);
    expect(report.hid).toEqual([]);
  });

  it('every source failing at once, rejecting, hanging or returning junk, still resolves', async () => {
    const report = await discoverDevices({
      listHid: () => 'not a list' as never,
      listSerial: () => new Promise(() => undefined),
      runLpstat: () => Promise.reject(new Error('lpstat not found (is the CUPS client installed?)')),
      timeoutMs: 50,
    });
    expect(report.hid).toEqual([]);
    expect(report.problems).toEqual([
      { source: 'serial', message: 'serial port list gave no answer within 0.05 s' },
      { source: 'cups', message: 'lpstat not found (is the CUPS client installed?)' },
    ]);
  });

  it('a stopped CUPS scheduler is a cups problem', async () => {
    const report = await discoverDevices({ listHid: noHid, listSerial: noSerial, runLpstat: async () => ({ code: 1, stdout: '', stderr: 'lpstat: Scheduler is not running.\n' }) });
    expect(report.problems).toEqual([{ source: 'cups', message: 'lpstat: Scheduler is not running.' }]);
  });

  it('with the real listers on this machine it never throws', async () => {
    const report = await discoverDevices();
    expect(Array.isArray(report.hid) && Array.isArray(report.serial) && Array.isArray(report.printers)).toBe(true);
    for (const p of report.problems) expect(['hid', 'serial', 'cups']).toContain(p.source);
  });
});

describe('interpretLpstat', () => {
  it('no destinations is no problem; other failures are', () => {
    expect(interpretLpstat({ code: 1, stdout: '', stderr: 'lpstat: No destinations added.\n' })).toEqual({ printers: [], problem: null });
    expect(interpretLpstat({ code: 0, stdout: '', stderr: '' })).toEqual({ printers: [], problem: null });
    expect(interpretLpstat({ code: 2, stdout: '', stderr: '' })).toEqual({ printers: [], problem: 'lpstat -v exited with code 2' });
  });

  it('keeps the queues it could read even when lpstat also complained', () => {
    expect(interpretLpstat({ code: 1, stdout: 'device for A: socket://h:9100\n', stderr: 'lpstat: something\n' })).toEqual({ printers: [{ queue: 'A', uri: 'socket://h:9100' }], problem: null });
  });
});

describe('runLpstat', () => {
  it('says so when the program is missing', async () => {
    await expect(runLpstat(1000, 'bancada-no-such-lpstat')).rejects.toThrow('bancada-no-such-lpstat not found');
  });

  it('kills a program that hangs, and reads one that answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bancada-lpstat-'));
    try {
      const hang = join(dir, 'hang');
      await writeFile(hang, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
      const started = Date.now();
      await expect(runLpstat(200, hang)).rejects.toThrow('gave no answer within 0.2 s');
      expect(Date.now() - started).toBeLessThan(5_000);
      const fake = join(dir, 'lpstat');
      await writeFile(fake, '#!/bin/sh\necho "device for $LC_ALL$1: socket://h:9100"\necho oops >&2\nexit 3\n', { mode: 0o755 });
      await expect(runLpstat(2_000, fake)).resolves.toEqual({ code: 3, stdout: 'device for C-v: socket://h:9100\n', stderr: 'oops\n' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
