import { useEffect } from 'react';
import { api, useStation } from '../../store/station-store';
import { loginWithBadge } from '../login/badge-scans';
import { routeScan } from './route-scan';
import { useScans } from './scan-store';
import { createWedgeCapture, normaliseWedgeScan, type WedgeAction } from './wedge-capture';

/** Where typed characters would land: a text input, a textarea, or an editable element. */
function textTarget(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement) return ['text', 'search', 'email', 'tel', 'url', 'password', 'number', ''].includes(target.type) ? target : null;
  return target.isContentEditable ? target : null;
}

/**
 * Types held characters into the field after all (it was a person typing). In the field that has
 * focus, through the editing command so the page sees a normal input event (React included);
 * a field that lost focus meanwhile gets the text at its caret and an input event.
 */
function insertText(field: HTMLElement, text: string): void {
  if (document.activeElement === field && document.execCommand('insertText', false, text)) return;
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    setter?.call(field, field.value.slice(0, start) + text + field.value.slice(end));
    field.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    field.textContent = (field.textContent ?? '') + text;
  }
}

/**
 * The one global keyboard-wedge capture: listens to every key in the capture phase (before any
 * screen), recognises scanner bursts (wedge-capture.ts) and hands each scan to routeScan. Timing,
 * prefix, suffix and the badge pattern come from the station (`devices:wedge-config`).
 */
export function useWedgeCapture(): void {
  useEffect(() => {
    let capture = createWedgeCapture(useScans.getState().config);
    let field: HTMLElement | null = null;
    let timer: number | undefined;
    void api()
      .call['devices:wedge-config']({})
      .then((result) => {
        if (result.ok) useScans.setState({ config: result.value });
      });
    // New timing (loaded, or saved by a supervisor): a new capture; a half-read burst is dropped.
    const offConfig = useScans.subscribe((state, previous) => {
      if (state.config !== previous.config) capture = createWedgeCapture(state.config);
    });
    const offReceived = api().on['scans:received']((scan) => useScans.setState({ last: scan }));
    // HID POS and serial scanners are read in main; a badge or a scan nothing took comes back here.
    const offUnclaimed = api().on['scans:unclaimed']((scan) => {
      if (useScans.getState().takers === 0 || !useStation.getState().session) void loginWithBadge(scan.symbology ? scan.symbology + scan.raw : scan.raw);
    });
    const unsubscribe = (): void => {
      offReceived();
      offUnclaimed();
    };

    const apply = (actions: readonly WedgeAction[], event: KeyboardEvent | null): void => {
      for (const action of actions) {
        switch (action.type) {
          case 'pass':
            break;
          case 'hold':
            event?.preventDefault();
            break;
          case 'release':
            if (field) insertText(field, action.text);
            break;
          case 'scan': {
            event?.preventDefault();
            event?.stopImmediatePropagation();
            const { raw, symbology } = normaliseWedgeScan(action.text, useScans.getState().config);
            if (raw) void routeScan({ raw, symbology, source: 'keyboard', deviceId: null, at: new Date().toISOString() });
            break;
          }
          default: {
            const never: never = action;
            throw new Error(`unknown wedge action ${String(never)}`);
          }
        }
      }
    };
    const arm = (): void => {
      window.clearTimeout(timer);
      if (!capture.holding) return;
      const gap = useScans.getState().config.maxKeyGapMs;
      timer = window.setTimeout(() => apply(capture.tick(performance.now()), null), gap + 5);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.isComposing) return;
      const target = textTarget(event.target);
      if (target) field = target;
      apply(capture.key({ key: event.key, at: event.timeStamp, ctrl: event.ctrlKey, alt: event.altKey, inField: target !== null }), event);
      arm();
    };
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.key !== 'Alt') return;
      apply(capture.key({ key: 'AltUp', at: event.timeStamp, inField: textTarget(event.target) !== null }), event);
      arm();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      offConfig();
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, []);
}
