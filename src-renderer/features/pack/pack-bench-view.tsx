import { useEffect, useRef, useState } from 'react';
import type { PackView } from '../../../src-shared/domain/pack';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import { useShortcutKeys } from '../../components/use-shortcut-keys';
import { errorText, useStation, useT } from '../../store/station-store';
import { go } from '../home/home-store';
import { InterruptionPanel, PackDialogs, WeightOffPanel } from './pack-dialogs';
import { PackLines } from './pack-lines';
import { PackSide } from './pack-side';
import { command, leaveFinished, release, reprint, setDialog, submitCode, usePack } from './pack-store';

const GOOD = new Set(['ok', 'line-complete', 'order-complete', 'undone', 'command', 'box']);
const ASK = new Set(['needs-serial', 'needs-lot', 'weigh-first']);
/** Mis-scans that come with what to do about the unit in the packer's hand (a repeated serial already says "now scan the serial"). */
const TODO = ['wrong-item', 'too-many', 'unknown-code'] as const;
const todoFor = (outcome: string | undefined): (typeof TODO)[number] | undefined => TODO.find((o) => o === outcome);

/** The big coloured line: what the last scan did, or what the bench needs now. */
function FeedbackBar({ view }: { readonly view: PackView }) {
  const t = useT();
  const feedback = usePack((s) => s.feedback);
  const error = usePack((s) => s.error);
  let tone = 'idle';
  let text = t(`pack.phase.${view.phase}`);
  if (error) {
    tone = 'bad';
    text = errorText(error);
  } else if (feedback) {
    tone = GOOD.has(feedback.outcome) ? 'good' : ASK.has(feedback.outcome) ? 'ask' : 'bad';
    text = feedback.outcome === 'refused' && feedback.code ? errorText({ code: feedback.code as ErrorCode, message: '' }) : t(`pack.outcome.${feedback.outcome}`);
    // "Done" says nothing a metre away: after a command (an override, a recount) or the last item,
    // say what the bench needs now, e.g. "Ready — scan COMPLETE".
    if (tone === 'good' && (feedback.outcome === 'command' || view.phase === 'ready')) text = t(`pack.phase.${view.phase}`);
  }
  // Sent to exceptions is an end, not "keep scanning": the bar says so in the colour that asks for a hand.
  if (!error && view.phase === 'exception') {
    tone = 'ask';
    text = t('pack.phase.exception');
  }
  const todo = error ? undefined : todoFor(feedback?.outcome);
  return (
    <div key={feedback?.key ?? 0} className={`pack-feedback pack-feedback--${tone} pack-feedback--${feedback?.outcome ?? 'none'}`} role="status" aria-live="assertive" data-testid="pack-feedback" data-outcome={feedback?.outcome ?? ''}>
      <span>{text}</span>
      {todo && <span className="pack-feedback__todo">{t(`pack.todo.${todo}`)}</span>}
      {/* An item still waits for its serial or lot: after any other message, say so again. */}
      {view.awaiting && feedback && !ASK.has(feedback.outcome) && <span className="pack-feedback__then">{t(view.awaiting === 'serial' ? 'pack.outcome.needs-serial' : 'pack.outcome.needs-lot')}</span>}
    </div>
  );
}

function EntryField() {
  const t = useT();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const dialog = usePack((s) => s.dialog);
  // The field keeps the focus, so a typed code (or a scanner without the wedge capture) lands here.
  useEffect(() => {
    if (!dialog) input.current?.focus();
  });
  return (
    <form
      className="pack-entry"
      onSubmit={(e) => {
        e.preventDefault();
        const value = code;
        setCode('');
        void submitCode(value);
      }}
    >
      <label htmlFor="pack-code">{t('pack.code.label')}</label>
      <input id="pack-code" ref={input} type="text" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} data-testid="pack-code" />
      <button type="submit" className="button">
        {t('pack.code.submit')}
      </button>
    </form>
  );
}

/** The order packed just before this one opened by itself: did its labels print? */
function PreviousStrip({ view }: { readonly view: PackView }) {
  const t = useT();
  const previous = view.previous;
  if (!previous) return null;
  const failed = previous.packages.filter((p) => p.labelState === 'failed');
  return (
    <p className={`pack-previous${failed.length ? ' pack-previous--failed' : ''}`} data-testid="pack-previous">
      <strong>{t('pack.done.title', { number: previous.orderNumber })}</strong>
      {previous.packages.map((p) => (
        <span key={p.packageId} className={`label-state label-state--${p.labelState}`} data-testid="previous-label">
          {t(`pack.label.${p.labelState}`)}
          {p.tracking && <span className="mono"> · {p.tracking}</span>}
          {p.labelState === 'failed' && (
            <button type="button" className="button" onClick={() => void reprint(p.packageId)}>
              {t('pack.action.reprint')}
            </button>
          )}
        </span>
      ))}
    </p>
  );
}

const KEYS: Readonly<Record<string, () => void>> = {
  F2: () => void command('undo'),
  F3: () => void command('next-package'),
  F4: () => void command('complete'),
  F6: () => void reprint(),
  F7: () => setDialog('exception'),
  F8: () => void release(),
};

function Actions({ view }: { readonly view: PackView }) {
  const t = useT();
  const done = view.phase === 'complete' || view.phase === 'exception';
  const buttons: readonly [key: string, label: string, show: boolean][] = [
    ['F2', t('pack.action.undo'), !done],
    ['F3', t('pack.action.next'), !done],
    ['F4', t('pack.action.complete'), !done],
    ['F6', t('pack.action.reprint'), view.packages.some((p) => p.tracking)],
    ['F7', t('pack.action.exception'), !done],
    ['F8', t('pack.action.release'), !done],
  ];
  return (
    <footer className="pack-actions">
      {buttons
        .filter(([, , show]) => show)
        .map(([key, label]) => (
          <button key={key} type="button" className={`button pack-action${key === 'F4' && view.phase === 'ready' ? ' pack-action--go' : ''}`} onClick={KEYS[key]}>
            <kbd>{key}</kbd> {label}
          </button>
        ))}
      {done && (
        <button
          type="button"
          className="button pack-action"
          onClick={() => {
            leaveFinished(view.sessionId);
            go('home');
          }}
        >
          <kbd>Esc</kbd> {t('pack.back')}
        </button>
      )}
    </footer>
  );
}

export function PackBenchView({ view }: { readonly view: PackView }) {
  const t = useT();
  const role = useStation((s) => s.session?.operator.role);
  const manualRoles = role === 'supervisor';
  const units = view.lines.reduce((n, l) => n + l.quantity, 0);
  const packed = view.lines.reduce((n, l) => n + l.packed, 0);
  useShortcutKeys((key) => {
    if (usePack.getState().dialog) return;
    if (key === 'Escape' && (view.phase === 'complete' || view.phase === 'exception')) {
      leaveFinished(view.sessionId);
      go('home');
    }
    else KEYS[key]?.();
  });
  const complete = view.phase === 'complete';
  return (
    <main className={`screen pack-bench pack-bench--${view.phase}`} data-testid="pack-bench" data-phase={view.phase}>
      <header className="pack-head">
        <div>
          <h1>
            {complete ? t('pack.done.title', { number: view.orderNumber }) : t('pack.order', { number: view.orderNumber })}
            {view.reopened && <span className="tag">{t('pack.reopened')}</span>}
          </h1>
          <p className="pack-head__who">
            {view.customerName} · {view.city} <span className="country">{view.country}</span>
            {view.carrier && <> · {view.carrier}</>}
          </p>
        </div>
        <div className="pack-head__progress" data-testid="pack-progress">
          <span className="figure">
            {packed}/{units}
          </span>
          <span>{t('pack.package', { index: view.currentPackage, count: view.packages.length })}</span>
          {view.misScans > 0 && <span className="mis">{t('pack.misScans', { count: view.misScans })}</span>}
        </div>
      </header>
      <PreviousStrip view={view} />
      {view.phase !== 'weight-off' && <FeedbackBar view={view} />}
      {view.phase === 'weight-off' && <WeightOffPanel view={view} />}
      {complete && <p className="pack-next">{t('pack.done.next')}</p>}
      {view.phase === 'exception' && <p className="pack-next pack-next--aside">{t('pack.exception.aside')}</p>}
      <div className="pack-body">
        <PackLines view={view} canManual={manualRoles && !complete && view.phase !== 'exception'} />
        <PackSide view={view} />
      </div>
      <EntryField />
      <Actions view={view} />
      <InterruptionPanel view={view} />
      <PackDialogs />
    </main>
  );
}
