import { useEffect } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { useT } from '../../store/station-store';
import { AssignForm } from './assign-form';
import { useDevices, watchDevices } from './devices-store';
import { HealthList } from './health-list';
import { JobsTable } from './jobs-table';
import { PrintersPanel } from './printers-panel';
import { ScalePanel } from './scale-panel';
import { ScanTest } from './scan-test';
import './devices.css';

/** Supervisor → Devices: live scale, device health, printers with the last label, jobs with Retry, scanner test, assignments. */
export function DevicesTab() {
  const t = useT();
  const error = useDevices((s) => s.error);
  const notice = useDevices((s) => s.notice);
  useEffect(() => watchDevices(), []);
  return (
    <div className="devices-tab" data-testid="devices-tab">
      <ErrorBanner error={error} />
      {notice && (
        <p className="devices-notice" role="status" data-testid="devices-notice">
          {t(notice)}
        </p>
      )}
      <div className="devices-grid">
        <div className="devices-col">
          <ScalePanel />
          <ScanTest />
          <HealthList />
        </div>
        <div className="devices-col">
          <PrintersPanel />
          <JobsTable />
          <AssignForm />
        </div>
      </div>
    </div>
  );
}
