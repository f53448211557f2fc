import { useT } from '../../store/station-store';
import { testPrint, useDevices } from './devices-store';

/** The two printers by role, a test print for each, and the last label as it came out. */
export function PrintersPanel() {
  const t = useT();
  const assignments = useDevices((s) => s.assignments);
  const preview = useDevices((s) => s.preview);
  const busy = useDevices((s) => s.busy);
  const label = assignments?.labelPrinter ?? null;
  const document = assignments?.documentPrinter ?? null;
  return (
    <section className="devices-card printers-panel" data-testid="printers-panel">
      <h2>{t('devices.print.title')}</h2>
      <dl className="printer-roles">
        <dt>{t('devices.print.label')}</dt>
        <dd className="mono">{label ? `${label.uri} · ${label.language.toUpperCase()} · ${label.size} · ${label.dpi} dpi` : t('devices.print.none')}</dd>
        <dt>{t('devices.print.document')}</dt>
        <dd className="mono">{document ? document.uri : t('devices.print.none')}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button button--go" data-testid="test-print-label" disabled={!label || busy === 'test-label'} onClick={() => void testPrint('label')}>
          {t('devices.print.testLabel')}
        </button>
        <button type="button" className="button" data-testid="test-print-document" disabled={!document || busy === 'test-document'} onClick={() => void testPrint('document')}>
          {t('devices.print.testDocument')}
        </button>
      </div>
      <h3>{t('devices.preview.title')}</h3>
      {preview ? (
        <figure className="label-preview" data-testid="label-preview">
          <img src={preview.png} alt={t('devices.preview.title')} />
          <figcaption>{t(preview.source === 'sink' ? 'devices.preview.fromSink' : 'devices.preview.rendered')}</figcaption>
        </figure>
      ) : (
        <p className="empty">{t('devices.preview.none')}</p>
      )}
    </section>
  );
}
