import type { AppErrorShape } from '../../src-shared/errors/codes';
import { errorText, useT } from '../store/station-store';

/** A coded error from the station, in the person's language, loud enough to see from the box. */
export function ErrorBanner({ error }: { readonly error: AppErrorShape | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-error-code={error.code}>
      <strong>{t('error.title')}</strong> {errorText(error)}
    </div>
  );
}
