import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHostStatus, IDLE_HOST_STATUS, isCompleteHostStatus, parseHostStatus, printerProblems, type HostStatus } from './host-status';

const frame = (s: string) => `\x02${s}\x03\r\n`;

/** device-protocols.md §5.3: built from the field layout in the ZPL guide, not a device capture. */
const REFERENCE_PAPER_OUT = frame('030,1,0,1218,000,0,0,0,000,0,0,0') + frame('001,0,0,0,0,2,6,0,00000000,1,000') + frame('1234,0');

function parsed(answer: string): HostStatus {
  const result = parseHostStatus(answer);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

describe('~HS host status', () => {
  it('reads the reference answer: paper out, 1218-dot labels, head down, tear-off', () => {
    const s = parsed(REFERENCE_PAPER_OUT);
    expect(s).toMatchObject({ communications: 30, paperOut: true, paused: false, labelLengthDots: 1218, formatsInBuffer: 0, bufferFull: false });
    expect(s).toMatchObject({ functionSettings: 1, headOpen: false, ribbonOut: false, thermalTransfer: false, printMode: '2', printWidthMode: 6, labelsRemaining: 0 });
    expect(s).toMatchObject({ password: '1234', staticRam: false });
    expect(printerProblems(s)).toEqual(['paper-out']);
  });

  it('reads every flag of string 1 and string 2 from its position', () => {
    const s = parsed(frame('030,0,1,0800,012,1,1,1,000,1,1,1') + frame('001,0,1,1,1,3,6,1,00000042,1,007') + frame('0000,1'));
    expect(s).toMatchObject({ paused: true, labelLengthDots: 800, formatsInBuffer: 12, bufferFull: true, diagnosticMode: true, partialFormat: true, ramCorrupt: true, underTemperature: true, overTemperature: true });
    expect(s).toMatchObject({ headOpen: true, ribbonOut: true, thermalTransfer: true, printMode: '3', labelWaiting: true, labelsRemaining: 42, graphicsStored: 7, staticRam: true });
  });

  it('puts the worst problem first: an open head before paper, a pause last but one', () => {
    const s = { ...IDLE_HOST_STATUS, paused: true, paperOut: true, headOpen: true, bufferFull: true, overTemperature: true };
    expect(printerProblems(s)).toEqual(['head-open', 'paper-out', 'head-too-hot', 'paused', 'buffer-full']);
    expect(printerProblems(IDLE_HOST_STATUS)).toEqual([]);
    expect(printerProblems({ ...IDLE_HOST_STATUS, partialFormat: true, labelsRemaining: 3, formatsInBuffer: 2 })).toEqual([]);
  });

  it('ignores CR LF and noise between the strings, and extra fields newer firmware appends', () => {
    const noisy = '\r\n' + frame('030,0,0,1218,000,0,0,0,000,0,0,0,9') + 'x' + frame('001,0,0,0,0,2,6,0,00000000,1,000,5,5') + frame('1234,0');
    expect(parsed(noisy).labelLengthDots).toBe(1218);
  });

  it('refuses an incomplete or malformed answer instead of guessing', () => {
    const bad = [
      '',
      frame('030,1,0,1218,000,0,0,0,000,0,0,0'),
      frame('030,1,0,1218,000,0,0,0,000,0,0,0') + frame('001,0,0,0,0,2,6,0,00000000,1,000'),
      frame('030,1,0,1218,000,0,0,0,000,0,0') + frame('001,0,0,0,0,2,6,0,00000000,1,000') + frame('1234,0'),
      frame('030,2,0,1218,000,0,0,0,000,0,0,0') + frame('001,0,0,0,0,2,6,0,00000000,1,000') + frame('1234,0'),
      frame('030,1,0,12x8,000,0,0,0,000,0,0,0') + frame('001,0,0,0,0,2,6,0,00000000,1,000') + frame('1234,0'),
      frame('030,1,0,1218,000,0,0,0,000,0,0,0') + frame('001,0,0,0,0,22,6,0,00000000,1,000') + frame('1234,0'),
    ];
    for (const answer of bad) expect(parseHostStatus(answer).ok, JSON.stringify(answer)).toBe(false);
    expect(parseHostStatus(bad[3]!)).toEqual({ ok: false, problem: 'string 1 has 11 fields, expected 12' });
  });

  it('knows when the third string has arrived', () => {
    const bytes = Buffer.from(REFERENCE_PAPER_OUT, 'latin1');
    expect(isCompleteHostStatus(bytes.subarray(0, bytes.length - 3))).toBe(false);
    expect(isCompleteHostStatus(bytes)).toBe(true);
  });

  it('reads back every status it writes (what the printer simulator answers)', () => {
    const flag = fc.boolean();
    const status = fc.record({
      communications: fc.integer({ min: 0, max: 255 }),
      paperOut: flag,
      paused: flag,
      labelLengthDots: fc.integer({ min: 0, max: 9999 }),
      formatsInBuffer: fc.integer({ min: 0, max: 999 }),
      bufferFull: flag,
      diagnosticMode: flag,
      partialFormat: flag,
      ramCorrupt: flag,
      underTemperature: flag,
      overTemperature: flag,
      functionSettings: fc.integer({ min: 0, max: 255 }),
      headOpen: flag,
      ribbonOut: flag,
      thermalTransfer: flag,
      printMode: fc.constantFrom('0', '1', '2', '3', '4', 'K'),
      printWidthMode: fc.integer({ min: 0, max: 9 }),
      labelWaiting: flag,
      labelsRemaining: fc.integer({ min: 0, max: 99_999_999 }),
      graphicsStored: fc.integer({ min: 0, max: 999 }),
      password: fc.stringMatching(/^\d{4}$/),
      staticRam: flag,
    });
    fc.assert(
      fc.property(status, (s) => {
        expect(parseHostStatus(formatHostStatus(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('never throws on garbage, and reads a status only from three framed strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = parseHostStatus(bytes);
        if (result.ok) expect(Buffer.from(bytes).filter((b) => b === 0x03).length).toBeGreaterThanOrEqual(3);
      }),
    );
    const pieces = fc.array(fc.constantFrom('\x02', '\x03', ',', '0', '1', '9', 'A', '\r\n', ' '), { maxLength: 80 });
    fc.assert(fc.property(pieces, (parts) => void parseHostStatus(parts.join(''))));
  });
});
