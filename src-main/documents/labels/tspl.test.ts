import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import type { LabelRequest } from './label-request';
import { printableText } from './label-text';
import { exampleInput, exampleRequest, HOSTILE, hostileRequest, parsed } from './testing/fixtures';
import { saveArtifact } from './testing/artifacts';
import { buildTsplLabel, tsplString } from './tspl';

/**
 * No TSPL renderer exists to read these back (device-protocols.md §5.4), so the tests hold the job to
 * its grammar: every line one known command, every string argument closed, nothing else.
 */

const STR = String.raw`"(?:\\\["\]|[^"\r\n])*"`;
const GRAMMAR = [
  /^SIZE \d+,\d+$/,
  /^GAP 3 mm,0 mm$/,
  /^DIRECTION 1,0$/,
  /^REFERENCE 0,0$/,
  /^CODEPAGE UTF-8$/,
  /^CLS$/,
  new RegExp(`^TEXT \\d+,\\d+,"0",0,\\d+,\\d+,${STR}$`),
  /^BAR \d+,\d+,\d+,\d+$/,
  new RegExp(`^BARCODE \\d+,\\d+,"128M?",\\d+,0,0,\\d+,\\d+,${STR}$`),
  new RegExp(`^QRCODE \\d+,\\d+,Q,\\d+,A,0,${STR}$`),
  new RegExp(`^DMATRIX \\d+,\\d+,\\d+,\\d+,c126,x\\d+,${STR}$`),
  /^PRINT 1,1$/,
];

function commands(tspl: string): string[] {
  expect(tspl.endsWith('\r\n')).toBe(true);
  const lines = tspl.slice(0, -2).split('\r\n');
  expect(lines.filter((line) => /[\r\n]/.test(line))).toEqual([]);
  return lines;
}

function expectWellFormed(tspl: string): string[] {
  const lines = commands(tspl);
  expect(lines.filter((line) => !GRAMMAR.some((re) => re.test(line)))).toEqual([]);
  expect(lines.filter((line) => line === 'CLS')).toHaveLength(1);
  expect(lines.filter((line) => line.startsWith('PRINT'))).toEqual(['PRINT 1,1']);
  expect(lines.at(-1)).toBe('PRINT 1,1');
  return lines;
}

/** The text a TEXT command prints, its quote escapes undone. */
function printedTexts(lines: readonly string[]): string[] {
  return lines.filter((line) => line.startsWith('TEXT ')).map((line) => line.slice(line.indexOf(',"0",') + 1).replace(/^"0",0,\d+,\d+,"/, '').slice(0, -1).replaceAll('\\["]', '"'));
}

describe('TSPL strings', () => {
  it('write a double quote as \\["] and a line break as a space', () => {
    expect(tsplString('Say "hi"\r\nCLS')).toBe('"Say \\["]hi\\["] CLS"');
  });

  it('never contain a raw quote or line break, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const inner = tsplString(s).slice(1, -1);
        expect(inner.replaceAll('\\["]', '')).not.toMatch(/["\r\n]/);
        expect(inner.replaceAll('\\["]', '"')).toBe(printableText(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the TSPL shipping label', () => {
  it('sets size, gap and UTF-8, draws the label, and prints one copy, for every size', () => {
    for (const [size, head] of [
      ['4x6', 'SIZE 4,6'],
      ['4x4', 'SIZE 4,4'],
      ['2x1', 'SIZE 2,1'],
    ] as const) {
      const lines = expectWellFormed(buildTsplLabel(exampleRequest({ size })));
      expect(lines.slice(0, 6)).toEqual([head, 'GAP 3 mm,0 mm', 'DIRECTION 1,0', 'REFERENCE 0,0', 'CODEPAGE UTF-8', 'CLS']);
    }
  });

  it('encodes the tracking number as Code 128 and the SSCC with START C and FNC1, the QR with level Q', () => {
    const lines = buildTsplLabel(exampleRequest()).split('\r\n');
    expect(lines).toContainEqual(expect.stringMatching(/^BARCODE \d+,\d+,"128",\d+,0,0,3,3,"SS123456785BR"$/));
    expect(lines).toContainEqual(expect.stringMatching(/^BARCODE \d+,\d+,"128M",\d+,0,0,4,4,"!105!10200078912340000000019"$/));
    expect(lines).toContainEqual(expect.stringMatching(/^QRCODE \d+,\d+,Q,5,A,0,"BR-10045"$/));
  });

  it('writes the GS1 Data Matrix with ~ as escape character and ~1 as FNC1', () => {
    const lines = buildTsplLabel(exampleRequest({ size: '4x4' })).split('\r\n');
    expect(lines).toContainEqual(expect.stringMatching(/^DMATRIX \d+,\d+,\d+,\d+,c126,x5,"~100078912340000000019420\d{5}-\d{3}"$/));
  });

  it('prints a hostile address literally, with exactly the commands of a plain label', () => {
    const input = exampleInput();
    const plain = expectWellFormed(buildTsplLabel(parsed({ ...input, shipTo: { ...input.shipTo, company: 'Acme' } })));
    const job = buildTsplLabel(hostileRequest());
    saveArtifact('tspl-4x6-203-hostile.tspl', job);
    saveArtifact('tspl-4x6-203.tspl', buildTsplLabel(exampleRequest()));
    const hostile = expectWellFormed(job);
    expect(hostile.map((line) => line.split(' ')[0])).toEqual(plain.map((line) => line.split(' ')[0]));
    const texts = printedTexts(hostile);
    for (const field of [HOSTILE.name, HOSTILE.company, HOSTILE.line1, HOSTILE.line2]) expect(texts).toContain(printableText(field));
    expect(texts).toContain('REF ~JR_1"');
  });

  it('stays well formed with any string in any field', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '\r', '\n', 'CLS', 'PRINT 1', ',', 'Ñ', '📦', 'a') }));
    const base = exampleRequest();
    let built = 0;
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Z0-9]{8,20}$/) }, { weight: 1, arbitrary: anyText }), (name, line, order, tracking) => {
        const address = { ...base.shipTo, name, lines: [line], city: line, company: name };
        const request: LabelRequest = { ...base, shipTo: address, shipFrom: address, carrier: order, orderNumber: order, reference: line, trackingNumber: tracking };
        try {
          expectWellFormed(buildTsplLabel(request));
          built++;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(error.code).toMatch(/^label\./);
        }
      }),
      { numRuns: 300 },
    );
    expect(built).toBeGreaterThan(150);
  });
});
