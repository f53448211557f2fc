import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_TIMEOUT_MS, closeBeforeQuit } from './lifecycle';

class FakeApp extends EventEmitter {
  readonly quit = vi.fn(() => {
    const event = { preventDefault: vi.fn() };
    this.emit('will-quit', event);
    return event;
  });
}

function quitOnce(app: FakeApp): { preventDefault: ReturnType<typeof vi.fn> } {
  const event = { preventDefault: vi.fn() };
  app.emit('will-quit', event);
  return event;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('closeBeforeQuit', () => {
  it('holds the quit until the station is closed, then quits for real', async () => {
    const app = new FakeApp();
    let finish = (): void => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    closeBeforeQuit(app as unknown as Parameters<typeof closeBeforeQuit>[0], close);

    expect(quitOnce(app).preventDefault).toHaveBeenCalled();
    expect(quitOnce(app).preventDefault).toHaveBeenCalled(); // a second Ctrl+Q while closing
    expect(close).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const final = app.quit.mock.results[0]?.value as { preventDefault: ReturnType<typeof vi.fn> };
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway when closing fails or hangs', async () => {
    vi.useFakeTimers();
    const app = new FakeApp();
    const onError = vi.fn();
    closeBeforeQuit(app as unknown as Parameters<typeof closeBeforeQuit>[0], () => new Promise<void>(() => undefined), onError);
    quitOnce(app);
    await vi.advanceTimersByTimeAsync(CLOSE_TIMEOUT_MS + 1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('did not close') }));
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
