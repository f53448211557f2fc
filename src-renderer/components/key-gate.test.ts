import { describe, expect, it } from 'vitest';
import { createKeyGate } from './key-gate';

function gate() {
  const timers = new Map<number, () => void>();
  let next = 0;
  const fired: string[] = [];
  const g = createKeyGate({
    settleMs: 60,
    schedule: (fire) => (timers.set(++next, fire), next),
    cancel: (handle) => timers.delete(handle as number),
    onShortcut: (key) => fired.push(key),
  });
  const settle = (): void => {
    for (const [id, fire] of [...timers]) {
      timers.delete(id);
      fire();
    }
  };
  return { g, fired, settle };
}

describe('single-key shortcuts next to a keyboard-wedge scanner', () => {
  it('fires a key a person pressed once it is clear no scan follows', () => {
    const { g, fired, settle } = gate();
    g.key('2', 1000);
    expect(fired).toEqual([]);
    settle();
    expect(fired).toEqual(['2']);
  });

  it('fires nothing for the digits inside a badge scan', () => {
    const { g, fired, settle } = gate();
    'OP-1234'.split('').forEach((key, i) => g.key(key, 5000 + i * 4));
    settle();
    expect(fired).toEqual([]);
  });

  it('fires again for a key pressed after the scan has finished', () => {
    const { g, fired, settle } = gate();
    '1234'.split('').forEach((key, i) => g.key(key, 5000 + i * 4));
    g.key('3', 6000);
    settle();
    expect(fired).toEqual(['3']);
  });

  it('forgets a pending key when the screen goes away', () => {
    const { g, fired, settle } = gate();
    g.key('1', 1000);
    g.dispose();
    settle();
    expect(fired).toEqual([]);
  });
});
