import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';
import { splitAim } from './scan-text';

const text = (lines: Uint8Array[]) => lines.map((l) => Buffer.from(l).toString('latin1'));
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('serial scanner lines', () => {
  it('ends a barcode at CR, LF or CRLF by default, in any chunking, with no empty scans', () => {
    const splitter = new LineSplitter();
    expect(text(splitter.push(bytes('ORD-1\r\nORD')).lines)).toEqual(['ORD-1']);
    expect(text(splitter.push(bytes('-2\rORD-3\n\n')).lines)).toEqual(['ORD-2', 'ORD-3']);
    expect(text(splitter.push(bytes('\r')).lines)).toEqual([]);
    expect(text(splitter.push(bytes('\n')).lines)).toEqual([]);
  });

  it('with CRLF configured, keeps a lone CR as data and ends only at CR LF', () => {
    const splitter = new LineSplitter('crlf');
    expect(text(splitter.push(bytes('A\rB\r')).lines)).toEqual([]);
    expect(text(splitter.push(bytes('\nC\r\n')).lines)).toEqual(['A\rB', 'C']);
  });

  it('with CR configured, keeps LF as data', () => {
    expect(text(new LineSplitter('cr').push(bytes('A\nB\r')).lines)).toEqual(['A\nB']);
  });

  it('drops a line longer than 4096 bytes whole and counts it, then reads the next one', () => {
    const splitter = new LineSplitter('any');
    const result = splitter.push(bytes('x'.repeat(5000) + '\rOK\r'));
    expect(result.overlong).toBe(1);
    expect(text(result.lines)).toEqual(['OK']);
  });

  it('takes an AIM identifier off the front', () => {
    expect(splitAim(']C10109506000134352')).toEqual({ raw: '0109506000134352', symbology: ']C1' });
    expect(splitAim('ORD-1')).toEqual({ raw: 'ORD-1', symbology: null });
    expect(splitAim(']')).toEqual({ raw: ']', symbology: null });
  });
});
