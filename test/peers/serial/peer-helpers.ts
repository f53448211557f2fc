/** Shared by the serial peer tests (not a test file itself). */
import { spawnSync } from 'node:child_process';
import { openNodeSerialPort } from '../../../src-main/devices/serial/node-serial-port';
import { SYSTEM_TIMERS } from '../../../src-main/devices/serial/port';
import { SerialScale, type SerialScaleOptions, type SettledWeight } from '../../../src-main/devices/serial/serial-scale';
import type { ScaleReading } from '../../../src-main/devices/scales/types';

/** Fails (never skips) with one line when socat is absent: CI installs it, and these tests are the only check of the serial path. */
export function requireSocat(): void {
  const probe = spawnSync('socat', ['-V'], { stdio: 'ignore' });
  if (probe.error) throw new Error('socat is not installed (apt-get install socat): the serial scale peer tests need real pseudo-terminals');
}

/** Resolves when `condition()` holds; polls, so a slow machine only makes it wait longer. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A SerialScale on a real port, with everything it emitted kept for the assertions. */
export function watchedScale(options: SerialScaleOptions) {
  const scale = new SerialScale(options, { openPort: openNodeSerialPort, timers: SYSTEM_TIMERS });
  const readings: ScaleReading[] = [];
  const settled: SettledWeight[] = [];
  scale.on('reading', (reading) => readings.push(reading));
  scale.on('settled', (weight) => settled.push(weight));
  return { scale, readings, settled };
}

/** Readings from `from` on, as [status, grams]. */
export function statesSince(readings: readonly ScaleReading[], from: number): [string, number | null][] {
  return readings.slice(from).map((r) => [r.status, r.grams]);
}
