import { useEffect, useState, type FormEvent } from 'react';
import type { StoreCredentials, StorePlatform, StoreSettings, StoreView } from '../../../src-shared/domain/store';
import { ErrorBanner } from '../../components/error-banner';
import { useStation, useT } from '../../store/station-store';
import { clearSyncMessages, loadStoreView, saveStore, testStore, useSync } from './sync-store';
import { TrainingCard } from './training-card';
import './sync.css';

interface Form {
  platform: StorePlatform;
  shopDomain: string;
  authKind: 'token' | 'client-credentials';
  accessToken: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  apiKey: string;
  locationId: string;
}

const EMPTY: Form = { platform: 'demo', shopDomain: '', authKind: 'token', accessToken: '', clientId: '', clientSecret: '', baseUrl: '', apiKey: '', locationId: '' };

function fromSettings(settings: StoreSettings): Form {
  if (settings.platform === 'shopify') return { ...EMPTY, platform: 'shopify', shopDomain: settings.shopDomain, authKind: settings.authKind, locationId: settings.locationId ?? '' };
  if (settings.platform === 'medusa') return { ...EMPTY, platform: 'medusa', baseUrl: settings.baseUrl, locationId: settings.locationId ?? '' };
  return EMPTY;
}

/** What the form asks the station to test or save. Credentials typed now, or null to keep the saved ones. */
function toInput(form: Form): { settings: StoreSettings; credentials: StoreCredentials | null } {
  const locationId = form.locationId.trim() || null;
  if (form.platform === 'shopify') {
    const credentials: StoreCredentials | null =
      form.authKind === 'token'
        ? form.accessToken.trim()
          ? { kind: 'shopify-token', accessToken: form.accessToken.trim() }
          : null
        : form.clientId.trim() && form.clientSecret.trim()
          ? { kind: 'shopify-client-credentials', clientId: form.clientId.trim(), clientSecret: form.clientSecret.trim() }
          : null;
    return { settings: { platform: 'shopify', shopDomain: form.shopDomain.trim(), authKind: form.authKind, locationId }, credentials };
  }
  if (form.platform === 'medusa') return { settings: { platform: 'medusa', baseUrl: form.baseUrl.trim(), locationId }, credentials: form.apiKey.trim() ? { kind: 'medusa-api-key', apiKey: form.apiKey.trim() } : null };
  return { settings: { platform: 'demo' }, credentials: null };
}

/**
 * Supervisor → Store: which platform this station works for. Credentials are typed here, sent to the
 * station once, and never shown again (the station keeps them in the OS credential store or a
 * protected file); leaving them empty keeps the saved ones.
 */
export function StoreTab() {
  const view = useSync((s) => s.view);
  useEffect(() => {
    clearSyncMessages();
    void loadStoreView();
  }, []);
  // Training changes exist only while the station really runs the demo store (a demo station).
  const demoRunning = useStation((s) => s.sync?.platform === 'demo') && view?.settings.platform === 'demo';
  // The form starts from the saved settings, and again whenever they change (a save, another screen).
  return (
    <div className="store-tab-page">
      <StoreForm key={JSON.stringify(view?.settings ?? null)} view={view} />
      {demoRunning && <TrainingCard />}
    </div>
  );
}

function StoreForm({ view }: { readonly view: StoreView | null }) {
  const t = useT();
  const { connection, busy, error, notice } = useSync();
  const [form, setForm] = useState<Form>(() => (view ? fromSettings(view.settings) : EMPTY));
  const [confirming, setConfirming] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setConfirming(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    void saveStore(toInput(form)).then((saved) => saved && setForm((f) => ({ ...f, accessToken: '', clientSecret: '', apiKey: '' })));
  };
  const savedHere = view?.settings.platform === form.platform && view.hasCredentials;
  const secretHint = savedHere ? t('sync.store.secretKept') : t('sync.store.secretNeeded');
  return (
    <form className="store-tab" data-testid="store-tab" onSubmit={submit} autoComplete="off">
      <ErrorBanner error={error} />
      {notice && (
        <p className="sync-notice" role="status" data-testid="store-notice">
          {t(notice)}
        </p>
      )}
      <section className="sync-card">
        <h2>{t('sync.store.platform')}</h2>
        <div className="store-platforms" role="radiogroup">
          {(['demo', 'shopify', 'medusa'] as const).map((p) => (
            <label key={p} className={`store-platform${form.platform === p ? ' store-platform--on' : ''}`} data-testid={`store-platform-${p}`}>
              <input type="radio" name="platform" value={p} checked={form.platform === p} onChange={() => set('platform', p)} />
              <span className="store-platform-name">{t(`sync.platform.${p}`)}</span>
              <span className="store-platform-hint">{t(`sync.store.hint.${p}`)}</span>
            </label>
          ))}
        </div>
      </section>
      {form.platform === 'shopify' && (
        <section className="sync-card">
          <h2>{t('sync.platform.shopify')}</h2>
          <label className="store-field">
            {t('sync.store.shopDomain')}
            <input value={form.shopDomain} onChange={(e) => set('shopDomain', e.target.value)} placeholder="mi-tienda.myshopify.com" spellCheck={false} data-testid="store-shop-domain" />
          </label>
          <label className="store-field">
            {t('sync.store.authKind')}
            <select value={form.authKind} onChange={(e) => set('authKind', e.target.value as Form['authKind'])} data-testid="store-auth-kind">
              <option value="token">{t('sync.store.auth.token')}</option>
              <option value="client-credentials">{t('sync.store.auth.clientCredentials')}</option>
            </select>
          </label>
          {form.authKind === 'token' ? (
            <label className="store-field">
              {t('sync.store.accessToken')}
              <input type="password" value={form.accessToken} onChange={(e) => set('accessToken', e.target.value)} placeholder={secretHint} data-testid="store-access-token" />
            </label>
          ) : (
            <>
              <label className="store-field">
                {t('sync.store.clientId')}
                <input value={form.clientId} onChange={(e) => set('clientId', e.target.value)} placeholder={secretHint} spellCheck={false} />
              </label>
              <label className="store-field">
                {t('sync.store.clientSecret')}
                <input type="password" value={form.clientSecret} onChange={(e) => set('clientSecret', e.target.value)} placeholder={secretHint} />
              </label>
            </>
          )}
        </section>
      )}
      {form.platform === 'medusa' && (
        <section className="sync-card">
          <h2>{t('sync.platform.medusa')}</h2>
          <label className="store-field">
            {t('sync.store.baseUrl')}
            <input value={form.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} placeholder="https://medusa.example.com" spellCheck={false} data-testid="store-base-url" />
          </label>
          <label className="store-field">
            {t('sync.store.apiKey')}
            <input type="password" value={form.apiKey} onChange={(e) => set('apiKey', e.target.value)} placeholder={secretHint} data-testid="store-api-key" />
          </label>
        </section>
      )}
      {form.platform !== 'demo' && (
        <section className="sync-card">
          <h2>{t('sync.store.location')}</h2>
          {connection && connection.locations.length > 0 ? (
            <label className="store-field">
              {t('sync.store.locationPick', { store: connection.storeName })}
              <select value={form.locationId} onChange={(e) => set('locationId', e.target.value)} data-testid="store-location">
                <option value="">{t('sync.store.locationNone')}</option>
                {connection.locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="sync-empty">{form.locationId ? form.locationId : t('sync.store.locationTestFirst')}</p>
          )}
          <p className="store-secret-where">{t(`sync.store.secretWhere.${view?.secretStore ?? 'file'}`)}</p>
        </section>
      )}
      {view && form.platform !== view.settings.platform && (
        <p className="store-switch-warning" role="note" data-testid="store-switch-warning">
          {t('sync.store.switchWarning')}
        </p>
      )}
      <div className="store-actions">
        {form.platform !== 'demo' && (
          <button type="button" className="button button--big" disabled={busy} onClick={() => void testStore(toInput(form))} data-testid="store-test">
            {t('sync.store.test')}
          </button>
        )}
        <button type="submit" className={`button button--big${confirming ? ' button--go' : ''}`} disabled={busy} data-testid="store-save">
          {confirming ? t('sync.store.saveConfirm') : t('sync.store.save')}
        </button>
      </div>
    </form>
  );
}
