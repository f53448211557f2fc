import { useState } from 'react';
import { LABEL_LANGUAGES, LABEL_SIZES, type DeviceAssignments } from '../../../src-shared/domain/devices';
import { useT } from '../../store/station-store';
import { discover, saveAssignments, useDevices, type Discovered } from './devices-store';

type ScaleChoice = 'none' | 'simulated' | 'sics' | 'nci' | 'cas' | 'toledo' | 'hid';

interface Draft {
  scale: ScaleChoice;
  scaleAddress: string;
  labelUri: string;
  language: (typeof LABEL_LANGUAGES)[number];
  size: (typeof LABEL_SIZES)[number];
  dpi: '203' | '300';
  documentUri: string;
  /** `serial:/dev/ttyACM0, hid:0c2e:0b61`, as `bancada serve --scanner` takes them. */
  scanners: string;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

function scannersText(scanners: DeviceAssignments['scanners']): string {
  return scanners.map((s) => (s.kind === 'serial' ? `serial:${s.path}` : `hid:${hex4(s.vendorId)}:${hex4(s.productId)}`)).join(', ');
}

/** The scanners typed in the field; null when one of them is not `serial:/PATH` or `hid:VID:PID`. */
export function parseScanners(text: string): DeviceAssignments['scanners'] | null {
  const out: DeviceAssignments['scanners'][number][] = [];
  for (const item of text.split(/[,\s]+/).filter(Boolean)) {
    const serial = /^serial:(\/\S+)$/.exec(item);
    const hid = /^hid:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(item);
    if (serial) out.push({ kind: 'serial', path: serial[1]! });
    else if (hid) out.push({ kind: 'hid', vendorId: parseInt(hid[1]!, 16), productId: parseInt(hid[2]!, 16) });
    else return null;
  }
  return out;
}

function toDraft(a: DeviceAssignments): Draft {
  const s = a.scale;
  return {
    scale: !s ? 'none' : s.kind === 'serial' ? s.protocol : s.kind,
    scaleAddress: s?.kind === 'serial' ? s.path : s?.kind === 'hid' ? `${s.vendorId.toString(16).padStart(4, '0')}:${s.productId.toString(16).padStart(4, '0')}` : '',
    labelUri: a.labelPrinter?.uri ?? '',
    language: a.labelPrinter?.language ?? 'zpl',
    size: a.labelPrinter?.size ?? '4x6',
    dpi: a.labelPrinter?.dpi === 300 ? '300' : '203',
    documentUri: a.documentPrinter?.uri ?? '',
    scanners: scannersText(a.scanners),
  };
}

function fromDraft(d: Draft, scanners: DeviceAssignments['scanners']): DeviceAssignments {
  // The draft's scale address is hex vid:pid for HID (what `bancada devices` prints).
  const [vid = '0', pid = '0'] = d.scaleAddress.split(':');
  const scale: DeviceAssignments['scale'] =
    d.scale === 'none' ? null : d.scale === 'simulated' ? { kind: 'simulated' } : d.scale === 'hid' ? { kind: 'hid', vendorId: parseInt(vid, 16) || 0, productId: parseInt(pid, 16) || 0 } : { kind: 'serial', protocol: d.scale, path: d.scaleAddress.trim() };
  return {
    scale,
    scanners,
    labelPrinter: d.labelUri.trim() ? { uri: d.labelUri.trim(), language: d.language, size: d.size, dpi: d.dpi === '300' ? 300 : 203 } : null,
    documentPrinter: d.documentUri.trim() ? { uri: d.documentUri.trim() } : null,
  };
}

/** A found device put into the field it belongs to (a scale, a scanner, a printer queue); the supervisor still saves. */
function fillFrom(d: Discovered, draft: Draft): Partial<Draft> {
  if (d.kind === 'printer') return draft.labelUri ? { documentUri: d.address } : { labelUri: d.address };
  const hid = /^[0-9a-f]{4}:[0-9a-f]{4}$/i.test(d.address);
  if (d.kind === 'scale') return hid ? { scale: 'hid', scaleAddress: d.address } : { scale: draft.scale === 'none' || draft.scale === 'simulated' || draft.scale === 'hid' ? 'sics' : draft.scale, scaleAddress: d.address };
  const entry = hid ? `hid:${d.address}` : `serial:${d.address}`;
  return { scanners: draft.scanners ? `${draft.scanners}, ${entry}` : entry };
}

/** Which scale and printers this station uses; saved in the station's settings (audited). */
export function AssignForm() {
  const assignments = useDevices((s) => s.assignments);
  // A new draft whenever the station's assignments change (after a save, or another screen's).
  return assignments ? <AssignFields key={JSON.stringify(assignments)} assignments={assignments} /> : null;
}

function AssignFields({ assignments }: { readonly assignments: DeviceAssignments }) {
  const t = useT();
  const discovered = useDevices((s) => s.discovered);
  const busy = useDevices((s) => s.busy);
  const [draft, setDraft] = useState<Draft>(() => toDraft(assignments));
  const [badScanners, setBadScanners] = useState(false);
  const set = (change: Partial<Draft>): void => setDraft({ ...draft, ...change });
  return (
    <section className="devices-card assign-form" data-testid="assign-form">
      <h2>{t('devices.assign.title')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const scanners = parseScanners(draft.scanners);
          if (scanners === null) {
            setBadScanners(true);
            return;
          }
          setBadScanners(false);
          void saveAssignments(fromDraft(draft, scanners));
        }}
      >
        <div className="field-row">
          <label className="field">
            <span>{t('devices.assign.scale')}</span>
            <select value={draft.scale} onChange={(e) => set({ scale: e.target.value as ScaleChoice })} data-testid="assign-scale">
              <option value="none">{t('devices.assign.scaleNone')}</option>
              <option value="simulated">{t('devices.assign.scaleSimulated')}</option>
              <option value="sics">MT-SICS</option>
              <option value="nci">NCI / Avery Weigh-Tronix</option>
              <option value="cas">CAS</option>
              <option value="toledo">Toledo continuous</option>
              <option value="hid">USB HID POS</option>
            </select>
          </label>
          {draft.scale !== 'none' && draft.scale !== 'simulated' && (
            <label className="field field--grow">
              <span>{draft.scale === 'hid' ? 'VID:PID' : t('devices.assign.scalePath')}</span>
              <input value={draft.scaleAddress} onChange={(e) => set({ scaleAddress: e.target.value })} />
            </label>
          )}
        </div>
        <label className="field">
          <span>{t('devices.assign.labelUri')}</span>
          <input value={draft.labelUri} onChange={(e) => set({ labelUri: e.target.value })} data-testid="assign-label-uri" />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('devices.assign.language')}</span>
            <select value={draft.language} onChange={(e) => set({ language: e.target.value as Draft['language'] })}>
              {LABEL_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('devices.assign.size')}</span>
            <select value={draft.size} onChange={(e) => set({ size: e.target.value as Draft['size'] })}>
              {LABEL_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s.replace('x', ' × ')} in
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('devices.assign.dpi')}</span>
            <select value={draft.dpi} onChange={(e) => set({ dpi: e.target.value as Draft['dpi'] })}>
              <option value="203">203</option>
              <option value="300">300</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('devices.assign.documentUri')}</span>
          <input value={draft.documentUri} onChange={(e) => set({ documentUri: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('devices.assign.scanners')}</span>
          <input value={draft.scanners} onChange={(e) => set({ scanners: e.target.value })} aria-invalid={badScanners} data-testid="assign-scanners" />
          {badScanners && <span className="field-error">{t('devices.assign.scannersBad')}</span>}
        </label>
        <div className="button-row">
          <button type="submit" className="button button--go" disabled={busy === 'assign'} data-testid="assign-save">
            {t('devices.assign.save')}
          </button>
          <button type="button" className="button" disabled={busy === 'discover'} onClick={() => void discover()}>
            {t('devices.assign.discover')}
          </button>
        </div>
      </form>
      {discovered && (
        <div className="discovered">
          <p className="scan-last-label">{t('devices.assign.found')}</p>
          {discovered.length === 0 ? (
            <p className="empty">{t('devices.assign.foundNone')}</p>
          ) : (
            <ul className="discovered-list" data-testid="discovered">
              {discovered.map((d) => (
                <li key={`${d.kind}-${d.address}`}>
                  <button type="button" className="chip discovered-item" onClick={() => set(fillFrom(d, draft))} title={d.name}>
                    <span className="mono">{d.address}</span> · {d.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
