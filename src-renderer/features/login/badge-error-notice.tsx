import { ErrorBanner } from '../../components/error-banner';
import { useBadgeScans } from './badge-scans';

/**
 * A badge scan that failed while someone is logged in (an unknown or switched-off badge): said
 * over the screen the operator is on, since the login screen that usually shows it is not there.
 */
export function BadgeErrorNotice() {
  const error = useBadgeScans((s) => s.error);
  if (!error) return null;
  return (
    <div className="notice-layer" data-testid="badge-error">
      <ErrorBanner error={error} />
    </div>
  );
}
