import { describe, expect, it } from 'vitest';
import { hex, toledoFrame } from '../devices/scales/simulated-frames';
import { scaleCommand } from './scale-command';

async function* chunksOf(...chunks: readonly (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
}

async function run(argv: readonly string[], ...stdin: readonly (string | Uint8Array)[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await scaleCommand(argv, { stdin: chunksOf(...stdin), stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

describe('bancada scale decode', () => {
  it('decodes HID reports given one per line in hex, spaces optional', async () => {
    const { code, out, err } = await run(['decode', '--protocol', 'hid'], '03 04 02 00 14 00\n030302002C01\r\n', '03 06 0B FF FF FF\n\n03 01 00 00 00 00');
    expect(code).toBe(0);
    expect(out).toEqual([
      '{"status":"stable","grams":20}',
      '{"status":"motion","grams":300}',
      '{"status":"over","grams":null}',
      '{"status":"fault","grams":null}',
    ]);
    expect(err).toBe('scale decode: 4 readings, 0 other replies, 0 bad frames');
  });

  it('prints nothing for a line that is not a report and counts it on stderr', async () => {
    const { out, err } = await run(['decode', '--protocol', 'hid'], '03 04 02 00 14 00\nzz\n03 04 02\n03 04 05 00 14 00\n');
    expect(out).toEqual(['{"status":"stable","grams":20}']);
    expect(err).toBe('scale decode: 1 reading, 0 other replies, 3 bad frames (scale.bad-frame 2, scale.unsupported-unit 1)');
  });

  it('decodes an MT-SICS capture split anywhere', async () => {
    const { out, err } = await run(['decode', '--protocol', 'sics'], 'S S     100.0', '0 g\r\nS D 1.234 g\r', '\nZ A\r\nS +\r\n');
    expect(out).toEqual(['{"status":"stable","grams":100}', '{"status":"motion","grams":1.234}', '{"status":"over","grams":null}']);
    expect(err).toBe('scale decode: 3 readings, 1 other reply, 0 bad frames');
  });

  it('decodes NCI, CAS and Toledo bytes from the reference', async () => {
    expect((await run(['decode', '--protocol', 'nci'], hex('0A 20 20 31 2E 35 30 6C 62 0D 0A 30 30 0D 03 0A 32 30 0D 03'))).out).toEqual([
      '{"status":"stable","grams":680.389}',
      '{"status":"zero","grams":null}',
    ]);
    expect((await run(['decode', '--protocol', 'cas'], hex('06 01 02 53 20 30 31 2E 32 33 34 6B 67 65 03 04'))).out).toEqual(['{"status":"stable","grams":1234}']);
    expect((await run(['decode', '--protocol', 'toledo'], hex('02 2C 20 20 30 30 31 32 33 34 30 30 30 30 30 30 0D 3B'))).out).toEqual([
      '{"status":"stable","grams":5597.33}',
    ]);
  });

  it('drops a Toledo frame with a bad checksum and garbage, and counts both', async () => {
    const bad = toledoFrame({ swa: 0x2c, swb: 0x20, swc: 0x20, weight: '001234', tare: '000000', checksum: true });
    bad[17] = (bad[17] ?? 0) ^ 0x01;
    const good = hex('02 2C 39 20 30 30 30 35 36 37 30 30 30 32 35 30 0D 13');
    const { code, out, err } = await run(['decode', '--protocol', 'toledo'], bad, hex('FF FE'), good);
    expect(code).toBe(0);
    expect(out).toEqual(['{"status":"motion","grams":5670}']);
    expect(err).toBe('scale decode: 1 reading, 0 other replies, 2 bad frames (scale.bad-checksum 1, scale.garbage 1)');
  });

  it('counts a frame cut off by the end of input', async () => {
    const { out, err } = await run(['decode', '--protocol', 'sics'], 'S S 1 g\r\nS S 2');
    expect(out).toEqual(['{"status":"stable","grams":1}']);
    expect(err).toContain('scale.incomplete-frame 1');
  });

  it('prints usage and exits 2 without a known subcommand or protocol', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['watch'])).err).toContain('bancada scale decode');
    const unknown = await run(['decode', '--protocol', 'modbus']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--protocol must be one of hid, sics, nci, cas, toledo, got "modbus"');
    const typo = await run(['decode', '--protcol', 'hid']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/protcol/);
  });
});
