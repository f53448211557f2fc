import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE } from '../../../src-shared/domain/devices';
import { createWedgeCapture, normaliseWedgeScan, type WedgeAction, type WedgeKey } from './wedge-capture';

type Key = string | { key: string; ctrl?: boolean; alt?: boolean };

/** Feeds keys `gap` ms apart (or per-key gaps) and returns every action, flattened, plus what the field would show. */
function feed(keys: Key[], gaps: number | number[], inField = true) {
  const capture = createWedgeCapture(DEFAULT_WEDGE);
  let at = 1000;
  let field = '';
  const actions: WedgeAction[] = [];
  const scans: string[] = [];
  keys.forEach((k, i) => {
    at += Array.isArray(gaps) ? (gaps[i] ?? 0) : gaps;
    const key: WedgeKey = typeof k === 'string' ? { key: k, at, inField } : { ...k, at, inField };
    const out = capture.key(key);
    actions.push(...out);
    for (const a of out) {
      if (a.type === 'release') field += a.text;
      if (a.type === 'scan') scans.push(a.text);
    }
    // A passed printable key lands in the field, as the browser would type it.
    if (out.at(-1)?.type === 'pass' && key.key.length === 1 && !key.ctrl && !key.alt) field += key.key;
  });
  for (const a of capture.tick(at + 1000)) if (a.type === 'release') field += a.text;
  return { actions, scans, field };
}

describe('the keyboard-wedge capture', () => {
  it('takes a burst typed into a text field as a scan, and the field gets none of it', () => {
    const { scans, field } = feed([...'ORD-20482', 'Enter'], 4);
    expect(scans).toEqual(['ORD-20482']);
    expect(field).toBe('');
  });

  it('lets a person type into a field: every key arrives, in order', () => {
    expect(feed([...'hola mundo'], 140)).toMatchObject({ scans: [], field: 'hola mundo' });
  });

  it('gives a fast typist their text back as soon as the run is too slow for a scanner', () => {
    const { field, scans } = feed([...'abcdef'], 45);
    expect(scans).toEqual([]);
    expect(field).toBe('abcdef');
  });

  it('gives back held keys when a quick pair of keys is followed by a pause (tick)', () => {
    expect(feed(['o', 'k'], [0, 10])).toMatchObject({ scans: [], field: 'ok' });
  });

  it('types held keys and then Enter when Enter comes too late to end a scan', () => {
    const { actions, field } = feed([...'OP-0003', 'Enter'], [0, 5, 5, 5, 5, 5, 5, 500]);
    expect(field).toBe('OP-0003');
    expect(actions.at(-1)).toEqual({ type: 'pass' });
  });

  it('outside a text field holds nothing, and only swallows the Enter that ends the scan', () => {
    const { actions, scans } = feed([...'OP-0009', 'Enter'], 4, false);
    expect(scans).toEqual(['OP-0009']);
    expect(actions.filter((a) => a.type === 'hold')).toEqual([]);
  });

  it('turns Ctrl+] into the GS1 group separator inside a burst', () => {
    const keys: Key[] = [...'0109506000134352', ...'10ABC', { key: ']', ctrl: true }, ...'17261231', 'Enter'];
    expect(feed(keys, 3).scans).toEqual(['010950600013435210ABC\u001d17261231']);
  });

  it('leaves Ctrl chords to the person: Ctrl+V right after typing pastes, and nothing odd lands in the field', () => {
    const { actions, field, scans } = feed(['a', { key: 'v', ctrl: true }, { key: ']', ctrl: true }], [0, 20, 20]);
    expect(scans).toEqual([]);
    // 'a' held, then released before the paste goes through; Ctrl+] from a person is not a GS.
    expect(actions).toEqual([{ type: 'hold' }, { type: 'release', text: 'a' }, { type: 'pass' }, { type: 'pass' }]);
    expect(field).toBe('a');
  });

  it('lets Backspace edit what was just typed, after the held keys are in the field', () => {
    const { actions } = feed(['a', 'b', 'Backspace'], [0, 10, 10]);
    expect(actions).toEqual([{ type: 'hold' }, { type: 'hold' }, { type: 'release', text: 'ab' }, { type: 'pass' }]);
  });

  it('reads an ALT code (Alt held, numpad 0 2 9, Alt released) as GS', () => {
    const keys: Key[] = [...'10ABC', { key: '0', alt: true }, { key: '2', alt: true }, { key: '9', alt: true }, { key: 'AltUp' }, ...'21XYZ', 'Enter'];
    expect(feed(keys, 3).scans).toEqual(['10ABC\u001d21XYZ']);
  });

  it('ends a scan at Tab as well as Enter (onScan.js suffix keys 9 and 13)', () => {
    expect(feed([...'TOTE-0042', 'Tab'], 4).scans).toEqual(['TOTE-0042']);
  });

  it('ignores Shift and other non-character keys inside a burst', () => {
    expect(feed(['Shift', ...'OP', 'Shift', ...'-7', 'Enter'], 4).scans).toEqual(['OP-7']);
  });

  it('strips the configured prefix and suffix and reads the AIM id', () => {
    expect(normaliseWedgeScan('@@]C1010950600013435299', { prefix: '@@', suffix: '99' })).toEqual({ raw: '0109506000134352', symbology: ']C1' });
    expect(normaliseWedgeScan('ORD-1', { prefix: '', suffix: '' })).toEqual({ raw: 'ORD-1', symbology: null });
  });
});
