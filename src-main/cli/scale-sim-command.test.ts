import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeSerialPort } from '../devices/serial/node-serial-port';
import { SYSTEM_TIMERS } from '../devices/serial/port';
import { SerialScale, type SettledWeight } from '../devices/serial/serial-scale';
import { scaleSimCommand } from './scale-sim-command';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function until(what: string, condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('bancada scale simulate', () => {
  it('prints the pty a station opens, and the weight typed on stdin is what the station settles on', async () => {
    const stdin = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    const done = scaleSimCommand([], { stdin, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    await until('the path line', () => out.length > 0);
    const { path } = JSON.parse(out[0]!) as { path: string };
    const scale = new SerialScale({ path, protocol: 'sics', mode: { kind: 'polled', everyMs: 50 } }, { openPort: openNodeSerialPort, timers: SYSTEM_TIMERS });
    stops.push(() => scale.stop());
    const settled: SettledWeight[] = [];
    scale.on('settled', (s) => settled.push(s));
    scale.start();
    stdin.write('1250\nbanana\n');
    await until('a settled weight', () => settled.length === 1);
    expect(settled[0]!.grams).toBe(1250);
    expect(out).toContain('{"grams":1250,"motion":false,"overload":false}');
    expect(err.join('\n')).toMatch(/"banana" is not grams/);
    stdin.end('quit\n');
    expect(await done).toBe(0);
  });

  it('refuses an unknown protocol', async () => {
    const err: string[] = [];
    expect(await scaleSimCommand(['--protocol', 'cas'], { stdin: new PassThrough(), stdout: () => undefined, stderr: (l) => err.push(l) })).toBe(2);
    expect(err[0]).toMatch(/--protocol is one of sics, nci/);
  });
});
