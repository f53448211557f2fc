import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_REQUEST_FILE, exampleInput } from '../documents/labels/testing/fixtures';
import { labelCommand } from './label-command';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bancada-label-command-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await labelCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('bancada label render', () => {
  it('writes the example request as ZPL, TSPL and PDF', async () => {
    for (const [format, start] of [
      ['zpl', '^XA'],
      ['tspl', 'SIZE 4,6'],
      ['pdf', '%PDF-'],
    ] as const) {
      const file = join(dir, `label.${format}`);
      const r = await run('render', '--input', EXAMPLE_REQUEST_FILE, '--format', format, '--out', file);
      expect(r).toMatchObject({ code: 0, err: [] });
      expect(r.out).toEqual([expect.stringMatching(new RegExp(`^wrote .*label\\.${format}: ${format}, 4x6 at 203 dpi, \\d+ bytes$`))]);
      expect((await readFile(file)).subarray(0, start.length).toString('latin1')).toBe(start);
    }
  });

  it('exits 2 naming every problem of an invalid request, and writes nothing', async () => {
    const input = join(dir, 'bad.json');
    await writeFile(input, JSON.stringify({ ...exampleInput(), sscc: '078912340000000018', packageIndex: 0 }));
    const out = join(dir, 'bad.zpl');
    const r = await run('render', '--input', input, '--format', 'zpl', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/label\.invalid-request: .*bad\.json is not a valid label request:\n {2}- packageIndex: .*\n {2}- sscc: SSCC 078912340000000018: check digit 8, expected 9/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when the input is not JSON or cannot be read', async () => {
    const input = join(dir, 'not.json');
    await writeFile(input, '^XA^XZ');
    expect(await run('render', '--input', input, '--format', 'zpl', '--out', join(dir, 'x.zpl'))).toMatchObject({ code: 2, err: [expect.stringContaining('is not JSON')] });
    expect(await run('render', '--input', join(dir, 'missing.json'), '--format', 'zpl', '--out', join(dir, 'x.zpl'))).toMatchObject({ code: 2, err: [expect.stringContaining('cannot be read')] });
  });

  it('prints usage and exits 2 on a wrong command line', async () => {
    for (const argv of [[], ['print'], ['render', '--input', 'a.json', '--out', 'b'], ['render', '--input', 'a.json', '--format', 'epl', '--out', 'b'], ['render', '--format', 'zpl', '--bogus']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.join('\n')).toContain('bancada label render --input <request.json>');
    }
    expect(await run('--help')).toMatchObject({ code: 0, out: [expect.stringContaining('bancada label render')] });
  });

  it('finds the PDF font in resources/ by itself, and says so when it is missing', async () => {
    const out = join(dir, 'default-font.pdf');
    expect(await run('render', '--input', EXAMPLE_REQUEST_FILE, '--format', 'pdf', '--out', out)).toMatchObject({ code: 0 });
    const r = await labelCommand(['render', '--input', EXAMPLE_REQUEST_FILE, '--format', 'pdf', '--out', join(dir, 'nofont.pdf')], { stdout: () => {}, stderr: (l) => expect(l).toContain('label.font-missing'), resourcesDir: dir });
    expect(r).toBe(1);
  });
});
