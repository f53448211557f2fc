import { useEffect, useState } from 'react';
import { SHORT_SHIP_REASONS, type PackView } from '../../../src-shared/domain/pack';
import type { LoginOperator } from '../../../src-shared/domain/types';
import { api, useStation, useT } from '../../store/station-store';
import { formatGrams, formatKg } from './format-weight';
import { command, override, release, sendException, setDialog, usePack } from './pack-store';

/** Weight outside the tolerance: the packer is stopped until a recount or a supervisor's override. */
export function WeightOffPanel({ view }: { readonly view: PackView }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  const role = useStation((s) => s.session?.operator.role);
  const off = view.weightOff;
  if (!off) return null;
  return (
    <section className="pack-stop pack-stop--weight" role="alertdialog" aria-labelledby="weight-off-title" data-testid="weight-off">
      <h2 id="weight-off-title">{t('pack.weightOff.title', { grams: formatGrams(locale, off.offByMg) })}</h2>
      <p>{t('pack.weightOff.detail', { actual: formatKg(locale, off.actualMg), expected: formatKg(locale, off.expectedMg) })}</p>
      <div className="pack-stop__actions">
        <button type="button" className="button button--big" onClick={() => void command('recount')} data-testid="recount">
          {t('pack.weightOff.recount')}
        </button>
        <button type="button" className="button button--big button--secondary" onClick={() => (role === 'supervisor' ? void override(undefined, undefined) : setDialog('override'))} data-testid="override">
          {t('pack.override.title')}
        </button>
      </div>
    </section>
  );
}

export function OverrideDialog() {
  const t = useT();
  const [supervisors, setSupervisors] = useState<readonly LoginOperator[]>([]);
  const [supervisorId, setSupervisorId] = useState('');
  const [pin, setPin] = useState('');
  useEffect(() => {
    void api()
      .call['auth:operators']({})
      .then((r) => {
        if (!r.ok) return;
        const list = r.value.filter((o) => o.role === 'supervisor');
        setSupervisors(list);
        setSupervisorId(list[0]?.id ?? '');
      });
  }, []);
  return (
    <div className="pack-dialog" role="dialog" aria-modal="true" aria-labelledby="override-title" data-testid="override-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void override(supervisorId, pin).then((ok) => !ok && setPin(''));
        }}
      >
        <h2 id="override-title">{t('pack.override.title')}</h2>
        <label>
          {t('pack.override.supervisor')}
          <select value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)}>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pack.override.pin')}
          <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} autoFocus data-testid="override-pin" />
        </label>
        <div className="pack-stop__actions">
          <button type="submit" className="button button--big" disabled={pin.length < 4}>
            {t('pack.override.confirm')}
          </button>
          <button type="button" className="button button--big button--secondary" onClick={() => setDialog(null)}>
            {t('pack.override.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function ExceptionDialog() {
  const t = useT();
  const [note, setNote] = useState('');
  const view = usePack((s) => s.view);
  // An empty last package (Next package, then the rest missing) is dropped by the short ship: any unit packed will do.
  const canPartial = Boolean(view?.allowPartial && view.phase === 'scanning' && view.packages.some((p) => p.units > 0));
  const [partial, setPartial] = useState(false);
  return (
    <div className="pack-dialog" role="dialog" aria-modal="true" aria-labelledby="exception-title" data-testid="exception-dialog">
      <form onSubmit={(e) => e.preventDefault()}>
        <h2 id="exception-title">{t('pack.exception.title')}</h2>
        <label>
          {t('pack.exception.note')}
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} autoFocus />
        </label>
        {canPartial && (
          <label className="pack-partial">
            <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} />
            {t('pack.exception.partial')}
          </label>
        )}
        <div className="pack-reasons">
          {SHORT_SHIP_REASONS.map((reason) => (
            <button key={reason} type="button" className="button button--big" onClick={() => void sendException(reason, note.trim() || null, canPartial && partial)}>
              {t(`pack.exception.reason.${reason}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button--secondary" onClick={() => setDialog(null)}>
          {t('pack.override.cancel')}
        </button>
      </form>
    </div>
  );
}

/** The order changed upstream: what happened, what to do, and the one way on. */
export function InterruptionPanel({ view }: { readonly view: PackView }) {
  const t = useT();
  const change = view.interruption;
  if (!change) return null;
  return (
    <div className="pack-dialog pack-dialog--alarm" role="alertdialog" aria-labelledby="interrupt-title" data-testid="interruption">
      <div>
        <h2 id="interrupt-title">{t(`pack.interrupt.${change}`)}</h2>
        <p className="lead">{t(`pack.interrupt.todo.${change}`)}</p>
        <button type="button" className="button button--big" onClick={() => void release()} autoFocus>
          {t('pack.action.release')}
        </button>
      </div>
    </div>
  );
}

export function PackDialogs() {
  const dialog = usePack((s) => s.dialog);
  if (dialog === 'override') return <OverrideDialog />;
  if (dialog === 'exception') return <ExceptionDialog />;
  return null;
}
