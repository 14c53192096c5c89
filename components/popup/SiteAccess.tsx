import { useEffect, useState } from 'preact/hooks';
import type { SiteStatusKind } from '@/lib/sites/site-access';
import { t } from '@/utils/i18n';
import { LockedNote, LockReason } from '../options/Locked';

/** Where the current tab stands: its host, whether Consent Guard runs there, and why. */
export interface SiteView {
  host: string;
  kind: Exclude<SiteStatusKind, 'unsupported'>;
  runs: boolean;
  /** The default site's name, for `kind: 'default'`. */
  siteName: string | null;
  /** The organisation's policy decides this site: no button, a lock and the reason. */
  locked?: boolean;
  lockReason?: string | null;
}

export interface SiteApi {
  /** Null where the tab has no http(s) page or its address cannot be read. */
  status: () => Promise<SiteView | null>;
  /** Asks for the site's host permission (so it must start within the click), enables it, reloads the tab. */
  enable: () => Promise<boolean>;
  /** Switches the site off and reloads the tab, which takes the badges away. */
  disable: () => Promise<void>;
}

function reason(view: SiteView): string {
  switch (view.kind) {
    case 'default':
      return t('siteDefault', view.siteName ?? view.host);
    case 'enabled':
      return t('siteEnabledByYou');
    case 'disabled':
      return t('siteDisabledByYou');
    default:
      return t('siteNotEnabled');
  }
}

type Note = 'denied' | 'reloading' | 'failed' | null;

/** The popup's site line: "Runs here because…" with one button to switch it on or off. */
export function SiteAccess({ api }: { api: SiteApi }) {
  const [view, setView] = useState<SiteView | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    api.status().then(setView, () => setView(null));
  }, [api]);

  if (!view) return null;

  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    setNote(null);
    // Called synchronously: enable() starts the permission request inside the click.
    run().then(
      async (done) => {
        setNote(done === false ? 'denied' : 'reloading');
        setView(await api.status().catch(() => null));
        setBusy(false);
      },
      () => {
        setNote('failed');
        setBusy(false);
      },
    );
  };

  return (
    <section class="site" data-testid="site-access" data-kind={view.kind} data-runs={String(view.runs)}>
      <p class="site-line">
        <span class="site-state" data-runs={String(view.runs)}>
          {view.runs ? t('siteRuns') : t('siteOff')}
        </span>{' '}
        <span class="site-host">{view.host}</span>
      </p>
      <p class="site-reason muted" data-testid="site-reason">
        {reason(view)}
      </p>
      {view.locked ? (
        <LockReason.Provider value={view.lockReason ?? null}>
          <p class="site-locked muted" data-testid="site-locked">
            {t('siteLocked')} <LockedNote locked />
          </p>
        </LockReason.Provider>
      ) : view.runs ? (
        <button type="button" class="link" disabled={busy} onClick={() => act(api.disable)} data-testid="site-disable">
          {t('siteDisable')}
        </button>
      ) : (
        <button type="button" class="button" disabled={busy} onClick={() => act(api.enable)} data-testid="site-enable">
          {t('siteEnable')}
        </button>
      )}
      <p class="site-note" role="status" aria-live="polite" data-testid="site-note">
        {note === 'denied'
          ? t('siteDenied')
          : note === 'reloading'
            ? t('siteReloading')
            : note === 'failed'
              ? t('siteFailed')
              : ''}
      </p>
    </section>
  );
}
