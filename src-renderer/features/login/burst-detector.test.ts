import { describe, expect, it } from 'vitest';
import { createBurstDetector } from './burst-detector';

function feed(keys: string[], gaps: number | number[], start = 1000): (string | null)[] {
  const detector = createBurstDetector();
  let at = start;
  return keys.map((key, i) => {
    at += Array.isArray(gaps) ? (gaps[i] ?? 0) : gaps;
    return detector.key(key, at);
  });
}

describe('the badge burst detector', () => {
  it('reads a scanner burst ending in Enter as a scan', () => {
    const out = feed([...'OP-0001', 'Enter'], 8);
    expect(out.at(-1)).toBe('OP-0001');
    expect(out.slice(0, -1).every((x) => x === null)).toBe(true);
  });

  it('does not mistake a person typing a PIN for a scan', () => {
    expect(feed([...'1111', 'Enter'], 140).at(-1)).toBeNull();
  });

  it('ignores a burst too short to be a badge', () => {
    expect(feed([...'12', 'Enter'], 5).at(-1)).toBeNull();
  });

  it('starts afresh after a slow key, so typing before a scan does not pollute it', () => {
    const out = feed(['x', 'y', ...'OP-0002', 'Enter'], [0, 300, 400, 6, 6, 6, 6, 6, 6, 6]);
    expect(out.at(-1)).toBe('OP-0002');
  });

  it('refuses a burst whose Enter came late (a person pressing Enter after a paste)', () => {
    expect(feed([...'OP-0003', 'Enter'], [0, 5, 5, 5, 5, 5, 5, 500]).at(-1)).toBeNull();
  });

  it('keeps a scan whole when one key event arrives late on a busy machine', () => {
    expect(feed([...'OP-0009', 'Enter'], [0, 8, 8, 60, 8, 8, 8, 8]).at(-1)).toBe('OP-0009');
  });

  it('ignores modifier keys inside a burst', () => {
    expect(feed(['Shift', ...'OP-7', 'Enter'], 5).at(-1)).toBe('OP-7');
  });
});
