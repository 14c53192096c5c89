import { useEffect, useState } from 'preact/hooks';
import { Settings } from '@/lib/settings';
import type { ResolvedSettings } from '@/lib/settings/managed';
import { SettingsError, type SettingsPatch } from '@/lib/settings/patch';
import type { DncApi } from '@/utils/dnc-import';
import { t } from '@/utils/i18n';
import { BadgesSection } from './options/BadgesSection';
import { CallingSection } from './options/CallingSection';
import { ConsentLogSection } from './options/ConsentLogSection';
import { type ConsentLogApi, ConsentLogViewer } from './options/ConsentLogViewer';
import { DncSection } from './options/DncSection';
import { EffectiveSection } from './options/EffectiveSection';
import { LockReason } from './options/Locked';
import { Notices } from './options/Notices';
import { SitesSection } from './options/SitesSection';
import { TemplatesSection } from './options/TemplatesSection';
import { type Region, YouSection } from './options/YouSection';

export interface OptionsApi {
  load: () => Promise<ResolvedSettings>;
  /** Saves what the agent changed, and only that (see `changesOf`). */
  save: (patch: SettingsPatch) => Promise<void>;
  /** Agent regions with their names, for the select. */
  regions: readonly Region[];
  /** Asks the browser for host access to sites (within a click); resolves whether it was granted. */
  requestSites?: (patterns: string[]) => Promise<boolean>;
  /** Gives back the host access of sites the agent removed. */
  revokeSites?: (patterns: string[]) => Promise<void>;
  /** The company do-not-call list (not a setting: saved on its own, outside the form). */
  dnc?: DncApi;
  /** The local consent log (read, export, delete). */
  log?: ConsentLogApi;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid'; error: string } | { kind: 'failed' };

/** Why the schema refused the draft, in one line. */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'settings'}: ${issue.message}` : 'invalid';
}

/**
 * The fields the agent changed from what was in force when the page loaded. Only those are saved: a
 * value the organisation pushed (unlocked) stays the organisation's, so a later change of policy still
 * reaches this agent, and "who set it" stays true.
 */
function changesOf(before: ResolvedSettings, after: Settings): SettingsPatch {
  // A stored value that could not be used is repaired: every field that is not the organisation's is written.
  const repair = before.notices.length > 0;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (key === 'version') continue;
    const changed = JSON.stringify(after[key]) !== JSON.stringify(before.settings[key]);
    if (changed || (repair && before.sources?.[key] !== 'organisation')) patch[key] = after[key];
  }
  return patch as SettingsPatch;
}

export function Options({ api }: { api: OptionsApi }) {
  const [resolved, setResolved] = useState<ResolvedSettings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    api.load().then((r) => {
      setResolved(r);
      setDraft(r.settings);
    });
  }, [api]);

  if (!resolved || !draft) {
    return (
      <main class="options" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  }

  const onChange = (patch: Partial<Settings>) => {
    setDraft({ ...draft, ...patch });
    setStatus({ kind: 'idle' });
  };

  async function save(event: Event) {
    event.preventDefault();
    const parsed = Settings.safeParse(draft);
    if (!resolved) return;
    if (!parsed.success) {
      setStatus({ kind: 'invalid', error: firstIssue(parsed.error) });
      return;
    }
    try {
      await api.save(changesOf(resolved, parsed.data));
      // Sites the agent removed give their host access back (after the save, so nothing is lost).
      const removed = resolved.settings.enabledSites.filter((s) => !parsed.data.enabledSites.includes(s));
      if (removed.length > 0) await api.revokeSites?.(removed).catch(() => {});
      setResolved((r) => (r ? { ...r, settings: parsed.data } : r));
      // Read back what is in force now (who set what may have changed); the draft stays as typed.
      api.load().then(setResolved, () => {});
      setStatus({ kind: 'saved' });
    } catch (error) {
      // The store says why it refused (a value, or a browser storage limit): nothing stored was lost.
      setStatus(error instanceof SettingsError ? { kind: 'invalid', error: error.message } : { kind: 'failed' });
    }
  }

  const section = { draft, onChange };
  return (
    <LockReason.Provider value={resolved.lockReason ?? null}>
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <Notices notices={resolved.notices} changes={resolved.changes} policy={resolved.policyNotices} />
        <form onSubmit={save} class="form" noValidate>
          <YouSection {...section} locked={resolved.locked} regions={api.regions} />
          <TemplatesSection {...section} locked={resolved.locked} />
          <CallingSection {...section} locked={resolved.locked} />
          <BadgesSection {...section} locked={resolved.locked} />
          <ConsentLogSection {...section} locked={resolved.locked} />
          <SitesSection {...section} requestSites={api.requestSites} policy={resolved.sitePolicy ?? null} />
          <div class="save-bar">
            <button type="submit" class="button" data-testid="save">
              {t('save')}
            </button>
            <span role="status" aria-live="polite" data-testid="save-status" data-status={status.kind}>
              {status.kind === 'saved'
                ? t('saved')
                : status.kind === 'invalid'
                  ? t('saveInvalid', status.error)
                  : status.kind === 'failed'
                    ? t('saveFailed')
                    : ''}
            </span>
          </div>
        </form>
        {api.dnc && <DncSection api={api.dnc} />}
        {api.log && <ConsentLogViewer api={api.log} />}
        <EffectiveSection settings={resolved.settings} sources={resolved.sources ?? {}} locked={resolved.locked} />
        <footer class="privacy-note">
          <p>
            {t('privacyNote')}{' '}
            <a href="/privacy.txt" target="_blank" rel="noopener" data-testid="privacy-link">
              {t('privacyLink')}
            </a>
          </p>
        </footer>
      </main>
    </LockReason.Provider>
  );
}
