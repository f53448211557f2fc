import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialScaleSim } from '../devices/simulators/serial-scale-sim';
import { FakeHid } from '../devices/hid/fake-hid';
import { scaleWatchCommand } from './scale-watch-command';

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function run(argv: readonly string[], signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const done = scaleWatchCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), signal: signal ?? AbortSignal.abort() });
  return { out, err, done };
}

const sims: SerialScaleSim[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

describe('bancada scale watch', () => {
  it('prints live NCI readings and one line when the weight settles, until stopped', async () => {
    if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) throw new Error('socat is not installed (apt-get install socat): scale watch is tested over a real pseudo-terminal');
    const sim = await SerialScaleSim.start({ protocol: 'nci' });
    sims.push(sim);
    sim.setWeight(1500);
    const stop = new AbortController();
    const { out, err, done } = run(['--port', sim.appPath, '--protocol', 'nci', '--every-ms', '50'], stop.signal);
    await waitFor('a settled line', () => out.some((l) => l.includes('"settled"')));
    await waitFor('more readings', () => out.length >= 6);
    sim.setWeight(0);
    await waitFor('a zero reading', () => out.includes('{"status":"zero","grams":null}'));
    stop.abort();
    expect(await done).toBe(0);
    expect(out.filter((l) => l.includes('"settled"'))).toEqual(['{"settled":true,"grams":1500}']);
    expect(out).toContain('{"status":"stable","grams":1500}');
    expect(err[0]).toBe(`scale watch: opened ${sim.appPath} (nci, 9600 7E1, polled)`);
    expect(err.at(-1)).toMatch(/^scale watch: \d+ readings, 0 bad frames, 0 reconnects$/);
    expect(new Set(sim.received)).toEqual(new Set(['W']));
  });

  it('watches a USB HID POS scale (node-hid faked: no HID device here) and refuses a malformed --hid', async () => {
    const hid = new FakeHid();
    hid.plug({ vendorId: 0x0922, productId: 0x8003, usagePage: 0x8d, usage: 0x20, path: '/dev/hidraw5' });
    const stop = new AbortController();
    const out: string[] = [];
    const err: string[] = [];
    const done = scaleWatchCommand(['--hid', '0922:8003'], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), signal: stop.signal, hid: async () => hid });
    await waitFor('opened', () => err.some((l) => l === 'scale watch: opened HID scale 0922:8003'));
    // device-protocols.md §1.4: "03 04 03 FD E2 04 -> 1.250 kg" and "03 02 0B FF 00 00 -> zero".
    for (let i = 0; i < 3; i++) hid.report([0x03, 0x04, 0x03, 0xfd, 0xe2, 0x04]);
    hid.report([0x03, 0x02, 0x0b, 0xff, 0x00, 0x00]);
    stop.abort();
    expect(await done).toBe(0);
    expect(out).toEqual(['{"status":"stable","grams":1250}', '{"status":"stable","grams":1250}', '{"status":"stable","grams":1250}', '{"settled":true,"grams":1250}', '{"status":"zero","grams":null}']);
    const bad = run(['--hid', 'dymo']);
    expect(await bad.done).toBe(2);
    expect(bad.err[0]).toMatch(/--hid takes the scale's vendor and product id in hex/);
  });

  it('rejects a missing port, an unknown protocol and a bad baud rate', async () => {
    for (const argv of [['--protocol', 'sics'], ['--port', '/dev/ttyUSB0', '--protocol', 'modbus'], ['--port', '/dev/ttyUSB0', '--protocol', 'sics', '--baud', 'fast'], ['--bogus']]) {
      const { err, done } = run(argv);
      expect(await done, argv.join(' ')).toBe(2);
      expect(err[0]).toMatch(/^bancada scale watch: /);
    }
  });
});
