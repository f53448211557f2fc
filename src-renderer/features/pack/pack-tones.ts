import type { ScanOutcome } from '../../../src-shared/domain/pack';
import { playNotes, type Notes } from '../../sound/tones';

/**
 * A distinct sound per scan outcome, so a packer hears what happened without looking: rising for
 * progress, a three-note chord for the order, low buzzes for mistakes, with a different rhythm each
 * (wrong item two, too many three, a duplicate serial a long one). WebAudio, no files to ship.
 */
const SHAPES: Readonly<Record<ScanOutcome, { wave: OscillatorType; notes: Notes } | null>> = {
  ok: { wave: 'sine', notes: [[1320, 60]] },
  'line-complete': { wave: 'sine', notes: [[1320, 60], [1760, 90]] },
  'order-complete': { wave: 'sine', notes: [[880, 90], [1175, 90], [1568, 160]] },
  'wrong-item': { wave: 'square', notes: [[220, 140], [0, 60], [220, 140]] },
  'too-many': { wave: 'square', notes: [[330, 90], [0, 50], [330, 90], [0, 50], [330, 90]] },
  'unknown-code': { wave: 'triangle', notes: [[180, 260]] },
  'duplicate-serial': { wave: 'sawtooth', notes: [[260, 420]] },
  'needs-serial': { wave: 'sine', notes: [[990, 60], [0, 40], [990, 60]] },
  'needs-lot': { wave: 'sine', notes: [[990, 60], [0, 40], [990, 60]] },
  'weigh-first': { wave: 'triangle', notes: [[440, 120], [330, 160]] },
  undone: { wave: 'sine', notes: [[880, 60], [660, 80]] },
  command: { wave: 'sine', notes: [[1046, 50]] },
  box: { wave: 'sine', notes: [[1046, 50]] },
  refused: { wave: 'square', notes: [[200, 200]] },
};

export function playOutcome(outcome: ScanOutcome): void {
  const shape = SHAPES[outcome];
  if (shape) playNotes(shape.wave, shape.notes);
}
