/**
 * The serial scale driver end to end: SerialScale on one end of a socat pseudo-terminal pair, the
 * simulated scale on the other. No durations are asserted; every wait is for a condition, with room
 * for a busy machine.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SerialScale } from '../../../src-main/devices/serial/serial-scale';
import { SerialScaleSim } from '../../../src-main/devices/simulators/serial-scale-sim';
import { requireSocat, statesSince, waitFor, watchedScale } from './peer-helpers';

const cleanup: (() => Promise<void>)[] = [];

async function bench(sim: SerialScaleSim, scale: SerialScale) {
  cleanup.push(() => scale.stop(), () => sim.close());
  scale.start();
  await waitFor('the scale port to open', () => scale.health.connected);
}

beforeAll(requireSocat);

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('a serial scale over a socat pseudo-terminal', () => {
  it('polls an MT-SICS balance, settles a box once, and reads zero and motion as states', async () => {
    const sim = await SerialScaleSim.start({ protocol: 'sics' });
    const { scale, readings, settled } = watchedScale({ path: sim.appPath, protocol: 'sics', mode: { kind: 'polled', everyMs: 50 } });
    await bench(sim, scale);
    await waitFor('a zero reading', () => readings.some((r) => r.status === 'zero'));
    expect(sim.received).toContain('SI');

    sim.setMotion(true);
    sim.setWeight(1250);
    await waitFor('a motion reading', () => readings.some((r) => r.status === 'motion' && r.grams === 1250));
    sim.setMotion(false);
    await waitFor('the box to settle', () => settled.length === 1);
    const after = readings.length;
    await waitFor('ten more readings', () => readings.length >= after + 10);
    expect(settled.map((s) => s.grams)).toEqual([1250]);
    expect(readings.every((r) => r.grams === null || r.grams === 1250)).toBe(true);
    expect(scale.health.badFrames).toBe(0);
  });

  it('zeroes an MT-SICS balance that repeats its weight (SIR)', async () => {
    const sim = await SerialScaleSim.start({ protocol: 'sics' });
    const { scale, readings } = watchedScale({ path: sim.appPath, protocol: 'sics', mode: { kind: 'continuous' } });
    sim.setWeight(37.5);
    await bench(sim, scale);
    await waitFor('streamed readings', () => readings.filter((r) => r.grams === 37.5).length >= 3);
    expect(sim.received).toEqual(['SIR']);

    expect(await scale.zero()).toEqual({ ok: true, value: null });
    await waitFor('the zero command and a new SIR', () => sim.received.join(',') === 'SIR,Z,SIR');
    const from = readings.length;
    await waitFor('zero readings', () => statesSince(readings, from).filter(([status]) => status === 'zero').length >= 3);
  });

  it('polls an NCI scale with W: weight, motion, zero and over capacity', async () => {
    const sim = await SerialScaleSim.start({ protocol: 'nci' });
    const { scale, readings, settled } = watchedScale({ path: sim.appPath, protocol: 'nci', mode: { kind: 'polled', everyMs: 50 } });
    await bench(sim, scale);
    await waitFor('a zero reading', () => readings.some((r) => r.status === 'zero'));
    expect(new Set(sim.received)).toEqual(new Set(['W']));

    sim.setWeight(2345);
    await waitFor('the box to settle', () => settled.length === 1);
    expect(settled[0]?.grams).toBe(2345);
    sim.setMotion(true);
    await waitFor('a motion reading', () => readings.some((r) => r.status === 'motion'));
    sim.setOverload(true);
    await waitFor('an over-capacity reading', () => readings.some((r) => r.status === 'over'));
    expect(readings.filter((r) => r.status === 'over').every((r) => r.grams === null)).toBe(true);
    sim.setOverload(false);
    sim.setMotion(false);
    sim.zero();
    const from = readings.length;
    await waitFor('zero after zeroing', () => statesSince(readings, from).some(([status]) => status === 'zero'));
    expect(settled.map((s) => s.grams)).toEqual([2345]);
  });

  it('counts garbage on the line and never makes a weight of it', async () => {
    const sim = await SerialScaleSim.start({ protocol: 'nci', mode: 'continuous', intervalMs: 50 });
    const { scale, readings } = watchedScale({ path: sim.appPath, protocol: 'nci', mode: { kind: 'continuous' } });
    sim.setWeight(500);
    await bench(sim, scale);
    await waitFor('readings', () => readings.length >= 2);
    await sim.inject('\xff\xfe 9999.99kg garbage \x00\x80');
    await sim.inject('\n 77.000kg\r\n0\r\x03'); // a frame with a broken status
    await waitFor('the garbage counted', () => scale.health.badFrames >= 2);
    const from = readings.length;
    await waitFor('readings after the garbage', () => readings.length >= from + 3);
    expect(readings.every((r) => r.grams === 500)).toBe(true);
    expect(scale.health.connected).toBe(true);
    expect(sim.received).toEqual([]);
  });

  it('reconnects when the device vanishes and comes back, and readings resume', async () => {
    const sim = await SerialScaleSim.start({ protocol: 'sics' });
    const { scale, readings } = watchedScale({ path: sim.appPath, protocol: 'sics', mode: { kind: 'polled', everyMs: 50 } });
    sim.setWeight(800);
    await bench(sim, scale);
    await waitFor('readings', () => readings.length >= 2);

    await sim.killSocat();
    await waitFor('the scale to show disconnected', () => !scale.health.connected);
    expect(scale.health.lastError?.code).toMatch(/^device\./);

    await sim.restart();
    await waitFor('the scale to reconnect', () => scale.health.connected, 4_000);
    expect(scale.health.reconnects).toBe(1);
    sim.setWeight(900);
    await waitFor('readings from the returned device', () => readings.some((r) => r.grams === 900));
  });
});
