/**
 * A serial / USB-CDC barcode scanner end to end: SerialScanner on one end of a socat pseudo-terminal
 * pair, the "scanner" writing lines on the other. Includes the cable pulled (socat killed) and
 * plugged back in. No durations asserted; every wait is for a condition.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import { SerialScanner } from '../../../src-main/devices/scanners/serial-scanner';
import { openNodeSerialPort } from '../../../src-main/devices/serial/node-serial-port';
import { SYSTEM_TIMERS, type PortConnection } from '../../../src-main/devices/serial/port';
import { SocatPair } from '../../../src-main/devices/simulators/socat-pair';
import { requireSocat, waitFor } from './peer-helpers';

const cleanup: (() => Promise<void>)[] = [];
beforeAll(requireSocat);
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const LINE = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;

async function scannerEnd(pair: SocatPair): Promise<PortConnection> {
  const device = await openNodeSerialPort(pair.devicePath, LINE, { onData: () => undefined, onLost: () => undefined });
  cleanup.push(() => device.close());
  return device;
}

async function bench(terminator?: 'cr' | 'lf' | 'crlf' | 'any') {
  const pair = await SocatPair.start();
  cleanup.push(() => pair.close());
  const scans: ScanEvent[] = [];
  const scanner = new SerialScanner({ id: 'scanner:1', path: pair.appPath, ...(terminator ? { terminator } : {}) }, { openPort: openNodeSerialPort, timers: SYSTEM_TIMERS, sinks: { onScan: (s) => scans.push(s), onHealth: () => undefined } });
  cleanup.push(() => scanner.stop());
  scanner.start();
  await waitFor('the scanner port to open', () => scanner.health.connected);
  return { pair, scanner, scans, device: await scannerEnd(pair) };
}

describe('a serial barcode scanner over a socat pseudo-terminal', () => {
  it('reads one barcode per line, with its AIM id and a GS1 group separator intact', async () => {
    const { device, scans } = await bench();
    await device.write(Buffer.from(']C10109506000134352\r\n]d2010950600013435210ABC\x1d17261231\r', 'latin1'));
    await waitFor('two scans', () => scans.length === 2);
    expect(scans.map((s) => [s.raw, s.symbology, s.source, s.deviceId])).toEqual([
      ['0109506000134352', ']C1', 'serial', 'scanner:1'],
      ['010950600013435210ABC\u001d17261231', ']d2', 'serial', 'scanner:1'],
    ]);
  });

  it('with a CRLF terminator configured, a CR inside the data stays data', async () => {
    const { device, scans } = await bench('crlf');
    await device.write(Buffer.from('A\rB\r\n', 'latin1'));
    await waitFor('a scan', () => scans.length === 1);
    expect(scans[0]!.raw).toBe('A\rB');
  });

  it('says it is disconnected when the device vanishes, and reads again once it is back', async () => {
    const { pair, scanner, scans } = await bench();
    await pair.kill();
    await waitFor('the loss to be noticed', () => !scanner.health.connected);
    expect(scanner.health.lastError?.code).toMatch(/^device\.(disconnected|open-failed)$/);
    await pair.restart();
    await waitFor('the scanner to reopen', () => scanner.health.connected);
    const device = await scannerEnd(pair);
    await device.write(Buffer.from('TOTE-0042\r'));
    await waitFor('a scan after the replug', () => scans.length === 1);
    expect(scans[0]!.raw).toBe('TOTE-0042');
  });
});
