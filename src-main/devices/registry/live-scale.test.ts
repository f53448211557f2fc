import { describe, expect, it } from 'vitest';
import type { LiveScale } from '../../../src-shared/domain/scale';
import { LiveScaleSchema } from '../../../src-shared/domain/scale';
import type { ScaleReading } from '../scales/types';
import { LiveScaleFeed } from './live-scale';

const reading = (status: ScaleReading['status'], mg: number | null): ScaleReading => ({ status, mg, grams: mg === null ? null : mg / 1000, raw: new Uint8Array() });

function feed(minIntervalMs = 0) {
  const live = new LiveScaleFeed({ deviceId: 'scale', simulated: true, minIntervalMs, now: () => new Date('2026-11-23T10:00:00Z') });
  const heard: LiveScale[] = [];
  live.subscribe((l) => heard.push(l));
  return { live, heard };
}

describe('the live scale feed', () => {
  it('numbers each settled weight, one higher than the last, and never carries one over to the next box', () => {
    const { live, heard } = feed();
    live.reading(reading('stable', 1_250_000));
    live.settled(1_250_000);
    live.reading(reading('zero', null));
    live.cleared();
    live.reading(reading('stable', 800_000));
    live.settled(800_000);
    const distinct = new Map(heard.flatMap((h) => (h.settled ? [[h.settled.seq, h.settled.mg] as const] : [])));
    expect([...distinct].map(([seq, mg]) => [mg, seq])).toEqual([
      [1_250_000, 1],
      [800_000, 2],
    ]);
    expect(heard.find((h) => h.status === 'zero')?.settled).toBeNull();
    for (const h of heard) LiveScaleSchema.parse(h);
  });

  it('never settles zero or an empty platter', () => {
    const { live } = feed();
    live.settled(0);
    live.settled(-5);
    expect(live.current().settled).toBeNull();
  });

  it('shows states, not numbers, for zero, overload and faults; a weight only for stable and motion', () => {
    const { live } = feed();
    live.reading(reading('over', null));
    expect(live.current()).toMatchObject({ status: 'over', mg: null });
    live.reading(reading('motion', 300_000));
    expect(live.current()).toMatchObject({ status: 'motion', mg: 300_000 });
  });

  it('passes a wobbling weight on at most every interval, the latest last; a state change at once', async () => {
    const { live, heard } = feed(60);
    live.reading(reading('motion', 100_000));
    for (let g = 101; g < 120; g++) live.reading(reading('motion', g * 1000));
    expect(heard.map((h) => h.mg)).toEqual([100_000]);
    await new Promise((r) => setTimeout(r, 90));
    expect(heard.map((h) => h.mg)).toEqual([100_000, 119_000]);
    live.reading(reading('stable', 119_000));
    expect(heard.at(-1)).toMatchObject({ status: 'stable', mg: 119_000 });
    live.close();
  });

  it('says disconnected, with no weight, when the port is lost', () => {
    const { live } = feed();
    live.reading(reading('stable', 5_000));
    live.settled(5_000);
    live.connected(false);
    expect(live.current()).toMatchObject({ status: 'disconnected', mg: null, settled: null });
  });
});
