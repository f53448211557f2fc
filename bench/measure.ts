import { performance } from 'node:perf_hooks';

export interface Figures {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
}

/** Runs `fn` `n` times after a warm-up and returns per-call latency percentiles in milliseconds. */
export async function measure(n: number, fn: () => unknown): Promise<Figures> {
  for (let i = 0; i < Math.min(200, n); i++) await fn();
  const samples = new Float64Array(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples[i] = performance.now() - t0;
  }
  const total = performance.now() - start;
  samples.sort();
  return { n, p50: samples[Math.floor(n * 0.5)]!, p99: samples[Math.floor(n * 0.99)]!, perSecond: (n / total) * 1000 };
}

export function print(label: string, f: Figures, unit = 'call'): void {
  const ms = (x: number): string => (x < 0.1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`);
  console.log(`${label}: p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, ${Math.round(f.perSecond).toLocaleString('en')} ${unit}s/s (n=${f.n})`);
}
