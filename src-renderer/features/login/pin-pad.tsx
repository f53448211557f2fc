import { useT } from '../../store/station-store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A big on-screen keypad for gloves and touch screens; the keyboard works too (see login-screen). */
export function PinPad({ length, onDigit, onClear, onSubmit, busy }: { length: number; onDigit: (d: string) => void; onClear: () => void; onSubmit: () => void; busy: boolean }) {
  const t = useT();
  return (
    <div className="pin-pad">
      <div className="pin-dots" aria-live="polite" data-testid="pin-dots">
        {Array.from({ length: Math.max(4, length) }, (_, i) => (
          <span key={i} className={i < length ? 'pin-dot pin-dot--on' : 'pin-dot'} />
        ))}
      </div>
      <div className="pin-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="pin-key" onClick={() => onDigit(k)}>
            {k}
          </button>
        ))}
        <button type="button" className="pin-key pin-key--muted" onClick={onClear}>
          {t('login.clear')}
        </button>
        <button type="button" className="pin-key" onClick={() => onDigit('0')}>
          0
        </button>
        <button type="button" className="pin-key pin-key--go" disabled={busy || length < 4} onClick={onSubmit}>
          {t('login.enter')}
        </button>
      </div>
    </div>
  );
}
