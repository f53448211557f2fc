import { describe, expect, it } from 'vitest';
import { barcodeCommand } from './barcode-command';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await barcodeCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err, json: out.length === 1 ? (JSON.parse(out[0]!) as Record<string, unknown>) : undefined };
}

describe('bancada barcode parse', () => {
  it('prints one JSON object for a GS1-128 scan with its AIM identifier, values as printed, exit 0', async () => {
    const r = await run('parse', ']C10109506000134352310300125017251231');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.json).toEqual({
      ok: true,
      symbology: 'gs1-128',
      kind: 'gs1',
      gtin: '09506000134352',
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '3103', value: '001250' },
        { ai: '17', value: '251231' },
      ],
      data: '0109506000134352310300125017251231',
    });
  });

  it('takes the group separator written as \\x1d or as the byte 0x1D', async () => {
    const written = await run('parse', ']C1011231231231233310ABC123\\x1d99TESTING');
    const byte = await run('parse', ']C1011231231231233310ABC123\x1d99TESTING');
    const expected = [
      { ai: '01', value: '12312312312333' },
      { ai: '10', value: 'ABC123' },
      { ai: '99', value: 'TESTING' },
    ];
    expect(written.json?.['elements']).toEqual(expected);
    expect(byte.json?.['elements']).toEqual(expected);
    expect(await run('parse', ']C110ABC123\\X1D21S12345')).toMatchObject({ code: 0 });
  });

  it('reads an EAN/UPC, an SSCC and plain text', async () => {
    expect((await run('parse', ']E00416000336108')).json).toEqual({ ok: true, symbology: 'upc-a', kind: 'gtin', gtin: '00416000336108', data: '0416000336108' });
    expect((await run('parse', '106141411234567897')).json).toMatchObject({ ok: true, kind: 'sscc', sscc: '106141411234567897' });
    expect((await run('parse', 'hello world')).json).toEqual({ ok: true, symbology: 'unknown', kind: 'text', data: 'hello world' });
  });

  it('prints the coded error and exits 2 for an invalid barcode', async () => {
    const r = await run('parse', ']C10109506000134353');
    expect(r.code).toBe(2);
    expect(r.json).toEqual({ ok: false, error: { code: 'barcode.bad-check-digit', message: expect.stringContaining('expected 2') } });
    expect((await run('parse', '')).json).toMatchObject({ ok: false, error: { code: 'barcode.empty' } });
  });

  it('prints usage on stderr and exits 2 without data or with a wrong subcommand', async () => {
    for (const argv of [[], ['parse'], ['decode', 'x'], ['parse', 'a', 'b']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain('bancada barcode parse <data>');
    }
  });
});
