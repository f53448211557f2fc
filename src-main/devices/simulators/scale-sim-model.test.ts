import { describe, expect, it } from 'vitest';
import { decodeNciFrame } from '../scales/nci';
import { decodeSicsLine } from '../scales/mt-sics';
import { summary } from '../scales/test-helpers';
import { answerNci, answerSics, EMPTY_SCALE, nciWeightFrame, sicsWeightLine, type ScaleSimState } from './scale-sim-model';

const text = (bytes: Uint8Array | null) => (bytes ? String.fromCharCode(...bytes) : null);
const box = (grams: number, extra: Partial<ScaleSimState> = {}): ScaleSimState => ({ ...EMPTY_SCALE, loadMg: grams * 1000, ...extra });

describe('the simulated scale', () => {
  it('writes MT-SICS weights the decoder reads back as states', () => {
    expect(text(sicsWeightLine(box(100)))).toBe('S S     100.00 g\r\n');
    expect(summary(decodeSicsLine(sicsWeightLine(box(1250.006))))).toEqual({ status: 'stable', grams: 1250.01, unit: 'g' });
    expect(summary(decodeSicsLine(sicsWeightLine(box(12, { motion: true }))))).toEqual({ status: 'motion', grams: 12, unit: 'g' });
    expect(summary(decodeSicsLine(sicsWeightLine(EMPTY_SCALE)))).toEqual({ status: 'zero', grams: null, unit: 'g' });
    expect(summary(decodeSicsLine(sicsWeightLine(box(5, { zeroMg: 7000 }))))).toEqual({ status: 'under', grams: null, unit: 'g' });
    expect(summary(decodeSicsLine(sicsWeightLine(box(5, { overload: true }))))).toEqual({ status: 'over', grams: null });
  });

  it('answers MT-SICS commands, zeroing and taring only when still', () => {
    expect(text(answerSics(box(40, { motion: true }), 'Z').reply)).toBe('Z I\r\n');
    const zeroed = answerSics(box(40), 'Z');
    expect([text(zeroed.reply), zeroed.state.zeroMg]).toEqual(['Z A\r\n', 40_000]);
    const tared = answerSics(box(40), 'T');
    expect([text(tared.reply), text(sicsWeightLine(tared.state))]).toEqual(['T S 40.00 g\r\n', 'S S       0.00 g\r\n']);
    expect(answerSics(EMPTY_SCALE, 'SIR').repeat).toBe(true);
    expect(answerSics(EMPTY_SCALE, 'SI').repeat).toBe(false);
    expect(text(answerSics(EMPTY_SCALE, 'XYZ').reply)).toBe('ES\r\n');
  });

  it('writes NCI frames with status bytes the decoder reads back', () => {
    expect(text(nciWeightFrame(box(1500)))).toBe('\n  1.500kg\r\n00\r\x03');
    expect(summary(decodeNciFrame(nciWeightFrame(box(1500, { motion: true }))))).toEqual({ status: 'motion', grams: 1500, unit: 'kg' });
    expect(summary(decodeNciFrame(nciWeightFrame(EMPTY_SCALE)))).toEqual({ status: 'zero', grams: null, unit: 'kg' });
    expect(summary(decodeNciFrame(nciWeightFrame(box(1, { overload: true }))))).toEqual({ status: 'over', grams: null });
    expect(text(answerNci(EMPTY_SCALE, 'Q').reply)).toBe('\n?\r\x03');
    expect(summary(decodeNciFrame(answerNci(box(3), 'Z').reply ?? new Uint8Array()))).toEqual({ status: 'zero', grams: null });
  });
});
