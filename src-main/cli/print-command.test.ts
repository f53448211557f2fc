import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tsplTestLabel, zplTestLabel } from '../devices/printers/test-label';
import { PrinterSink } from '../devices/simulators/printer-sink';
import { printCommand } from './print-command';

const AT = new Date('2026-11-23T10:00:00.000Z');
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function sink(...args: Parameters<typeof PrinterSink.start>): Promise<PrinterSink> {
  const s = await PrinterSink.start(...args);
  cleanup.push(() => s.close());
  return s;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await printCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: () => AT });
  return { code, out, err };
}

describe('bancada print test', () => {
  it('checks a ZPL printer is ready, sends the test label, and says so', async () => {
    const printer = await sink();
    const r = await run('test', '--printer', printer.uri);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out[0]).toMatch(/^status: ready/);
    expect(r.out[1]).toMatch(new RegExp(`^ok: sent a ZPL test label to ${printer.uri} \\(\\d+ bytes, \\d+ ms\\)$`));
    expect(printer.jobs.map((j) => j.bytes.toString('utf8'))).toEqual([zplTestLabel({ printer: printer.uri, at: AT })]);
  });

  it('sends a TSPL test label with --language tspl, without asking for ~HS', async () => {
    const printer = await sink();
    const r = await run('test', '--printer', printer.uri, '--language', 'tspl');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(printer.statusQueries).toBe(0);
    expect(printer.jobs[0]!.bytes.toString('utf8')).toBe(tsplTestLabel({ printer: printer.uri, at: AT }));
  });

  it('appends the label to a file with file:', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bancada-print-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'out.zpl');
    expect((await run('test', '--printer', `file:${path}`)).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(zplTestLabel({ printer: `file:${path}`, at: AT }));
  });

  it('exits 1 with the coded reason when the printer is off, out of paper or stuck', async () => {
    const off = await sink();
    await off.setBehaviour('refuse');
    const refused = await run('test', '--printer', off.uri);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/^bancada print test: printer\.connection-refused: /)]);

    const noPaper = await sink({ status: 'paper-out' });
    expect((await run('test', '--printer', noPaper.uri)).err[0]).toMatch(/printer\.paper-out/);
    expect(noPaper.jobs).toEqual([]);

    const stuck = await sink({ behaviour: 'stall' });
    const started = Date.now();
    const timedOut = await run('test', '--printer', stuck.uri, '--no-status', '--timeout', '300');
    expect(timedOut.code).toBe(1);
    expect(timedOut.err[0]).toMatch(/printer\.timeout/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('exits 2 with the usage for a bad command line or printer address', async () => {
    for (const argv of [[], ['test'], ['status', '--printer', 'tcp://x:9100'], ['test', '--printer', 'tcp://x:9100', '--language', 'epl'], ['test', '--printer', 'tcp://x:9100', '--timeout', 'soon'], ['test', '--bogus']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.join('\n')).toContain('bancada print test --printer <uri>');
    }
    const badUri = await run('test', '--printer', 'lpt1:');
    expect(badUri.code).toBe(2);
    expect(badUri.err[0]).toMatch(/printer\.bad-uri/);
    expect((await run('--help')).out[0]).toContain('bancada print test');
  });
});
