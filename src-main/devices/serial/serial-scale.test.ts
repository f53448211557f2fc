import { describe, expect, it } from 'vitest';
import { casEcrFrame, nciFrame, sicsLine } from '../scales/simulated-frames';
import { FakePortFactory, FakeTimers } from './fake-port';
import { MAX_RETRY_MS, SerialScale, type SerialScaleOptions, type SettledWeight } from './serial-scale';
import type { ScaleReading } from '../scales/types';

/** Lets the fake port's promises (open, write) resolve. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function rig(options: Partial<SerialScaleOptions> & Pick<SerialScaleOptions, 'protocol'>) {
  const ports = new FakePortFactory();
  const timers = new FakeTimers();
  const scale = new SerialScale({ path: '/dev/ttyUSB0', ...options }, { openPort: ports.open, timers });
  const readings: ScaleReading[] = [];
  const settled: SettledWeight[] = [];
  let cleared = 0;
  scale.on('reading', (r) => readings.push(r));
  scale.on('settled', (s) => settled.push(s));
  scale.on('cleared', () => cleared++);
  return { ports, timers, scale, readings, settled, cleared: () => cleared };
}

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('SerialScale', () => {
  it('opens with the protocol line settings, and an override wins', async () => {
    const nci = rig({ protocol: 'nci' });
    nci.scale.start();
    await flush();
    expect(nci.ports.latest.settings).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 });
    const sics = rig({ protocol: 'sics', line: { baudRate: 19200 } });
    sics.scale.start();
    await flush();
    expect(sics.ports.latest.settings).toEqual({ baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(sics.scale.health).toMatchObject({ state: 'open', connected: true, badFrames: 0, reconnects: 0 });
  });

  it('polls an MT-SICS balance with SI and settles a box once', async () => {
    const { ports, timers, scale, readings, settled } = rig({ protocol: 'sics', mode: { kind: 'polled', everyMs: 200 } });
    scale.start();
    await flush();
    expect(ports.writtenText()).toBe('SI\r\n');
    timers.advance(600);
    expect(ports.writtenText()).toBe('SI\r\n'.repeat(4));
    ports.latest.send(sicsLine('S D', '1200.00', 'g'));
    for (let i = 0; i < 5; i++) ports.latest.send(sicsLine('S S', '1250.00', 'g'));
    expect(readings.map((r) => r.status)).toEqual(['motion', 'stable', 'stable', 'stable', 'stable', 'stable']);
    expect(settled.map((s) => s.grams)).toEqual([1250]);
    expect(scale.health.lastReadingAt).toBe(timers.now());
  });

  it('asks an MT-SICS balance to repeat (SIR) in continuous mode, and again after zeroing', async () => {
    const { ports, timers, scale } = rig({ protocol: 'sics', mode: { kind: 'continuous' } });
    scale.start();
    await flush();
    timers.advance(5_000);
    expect(ports.writtenText()).toBe('SIR\r\n');
    expect(await scale.zero()).toEqual({ ok: true, value: null });
    await flush();
    expect(ports.writtenText()).toBe('SIR\r\nZ\r\nSIR\r\n');
  });

  it('runs the CAS ENQ / ACK / DC1 handshake', async () => {
    const { ports, scale, readings } = rig({ protocol: 'cas' });
    scale.start();
    await flush();
    expect(ports.latest.written.map(text)).toEqual(['\x05']);
    ports.latest.send(Uint8Array.of(0x06));
    await flush();
    expect(ports.latest.written.map(text)).toEqual(['\x05', '\x11']);
    ports.latest.send(casEcrFrame('S', ' ', '01.234', 'kg'));
    expect(readings.map((r) => [r.status, r.grams])).toEqual([['stable', 1234]]);
  });

  it('reads NCI zero and motion as states, not weights', async () => {
    const { ports, scale, readings, settled } = rig({ protocol: 'nci' });
    scale.start();
    await flush();
    expect(ports.writtenText()).toBe('W\r');
    ports.latest.send(nciFrame('  0.000kg', '20'));
    ports.latest.send(nciFrame('  1.500kg', '10'));
    expect(readings.map((r) => [r.status, r.grams])).toEqual([
      ['zero', null],
      ['motion', 1500],
    ]);
    expect(settled).toEqual([]);
  });

  it('refuses to poll a Toledo indicator, which only talks', () => {
    expect(() => rig({ protocol: 'toledo', mode: { kind: 'polled', everyMs: 200 } })).toThrow(/cannot be polled/);
    expect(rig({ protocol: 'toledo' }).scale.mode).toEqual({ kind: 'continuous' });
  });

  it('counts garbage in health and never turns it into a weight', async () => {
    const { ports, scale, readings } = rig({ protocol: 'sics' });
    scale.start();
    await flush();
    ports.latest.send(Uint8Array.of(0xff, 0x00, 0x81));
    ports.latest.send('S S 12x.00 g\r\n');
    ports.latest.send(sicsLine('S S', '5.00', 'g'));
    expect(readings.map((r) => r.grams)).toEqual([5]);
    expect(scale.health.badFrames).toBe(2);
    expect(scale.health.lastError?.code).toBe('scale.bad-frame');
  });

  it('says which commands a protocol lacks and when the port is not open', async () => {
    const cas = rig({ protocol: 'cas' });
    expect(await cas.scale.zero()).toMatchObject({ ok: false, error: { code: 'device.unsupported-command' } });
    const nci = rig({ protocol: 'nci' });
    expect(await nci.scale.tare()).toMatchObject({ ok: false, error: { code: 'device.unsupported-command' } });
    expect(await nci.scale.zero()).toMatchObject({ ok: false, error: { code: 'device.not-connected' } });
    nci.scale.start();
    await flush();
    expect(await nci.scale.zero()).toEqual({ ok: true, value: null });
    expect(nci.ports.writtenText()).toBe('W\rZ\r');
  });

  it('reconnects after the device vanishes, retrying at most a second apart', async () => {
    const { ports, timers, scale, readings } = rig({ protocol: 'nci' });
    scale.start();
    await flush();
    ports.present = false;
    ports.latest.lose();
    expect(scale.health).toMatchObject({ state: 'lost', connected: false, lastError: { code: 'device.disconnected' } });
    const attemptsBefore = ports.attempts;
    for (let i = 0; i < 10; i++) {
      timers.advance(MAX_RETRY_MS);
      await flush();
    }
    expect(ports.attempts - attemptsBefore).toBeGreaterThanOrEqual(10);
    expect(scale.health).toMatchObject({ state: 'lost', lastError: { code: 'device.open-failed' } });
    ports.present = true;
    timers.advance(MAX_RETRY_MS);
    await flush();
    expect(scale.health).toMatchObject({ state: 'open', connected: true, reconnects: 1 });
    ports.latest.send(nciFrame('  2.000kg', '00'));
    expect(readings.map((r) => r.grams)).toEqual([2000]);
  });

  it('loses the port when a write fails, then stops polling the dead one', async () => {
    const { ports, timers, scale } = rig({ protocol: 'nci' });
    scale.start();
    await flush();
    ports.failWrites = true;
    timers.advance(200);
    await flush();
    expect(scale.health).toMatchObject({ state: 'lost', lastError: { code: 'device.write-failed' } });
    ports.failWrites = false;
    timers.advance(MAX_RETRY_MS);
    await flush();
    expect(scale.health.state).toBe('open');
    expect(ports.opened.length).toBe(2);
  });

  it('closes a port that finishes opening after stop()', async () => {
    const { ports, scale } = rig({ protocol: 'sics' });
    scale.start();
    await scale.stop();
    await flush();
    expect(ports.latest.closed).toBe(true);
    expect(scale.health.state).toBe('closed');
  });
});
