import { useId } from 'preact/hooks';
import { patternCovers } from '@/lib/sites/site-access';
import type { SitePolicy } from '@/lib/sites/site-policy';
import { DEFAULT_MATCHES, DEFAULT_SITES, type DialerSite } from '@/lib/sites/sites';
import { type MessageKey, t } from '@/utils/i18n';
import { LockedNote } from './Locked';
import type { SectionProps } from './YouSection';

const MODE_TEXT: Record<SitePolicy['mode'], MessageKey> = {
  'defaults-plus-allowed': 'sitesModePlus',
  'only-allowed': 'sitesModeOnly',
  'defaults-minus-blocked': 'sitesModeMinus',
};

/** The organisation's sites: the mode, the allowed and blocked lists, and whether agents may add sites. */
function OrganisationSites({ policy }: { policy: SitePolicy }) {
  return (
    <div class="sites" data-testid="org-sites" data-mode={policy.mode}>
      <h3>{t('sitesOrgTitle')}</h3>
      <p class="help">{t(MODE_TEXT[policy.mode])}</p>
      {policy.mode !== 'defaults-minus-blocked' && policy.allowed.length > 0 && (
        <ul data-testid="org-allowed">
          {policy.allowed.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      )}
      {policy.blocked.length > 0 && (
        <>
          <p class="help">{t('sitesOrgBlocked')}</p>
          <ul data-testid="org-blocked">
            {policy.blocked.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {!policy.agentsMayAdd && (
        <p class="help" data-testid="org-no-adding">
          {t('sitesNoAdding')} <LockedNote locked />
        </p>
      )}
    </div>
  );
}

interface SitesProps extends Omit<SectionProps, 'locked'> {
  /** The organisation's site policy, shown read-only; null without one. */
  policy?: SitePolicy | null;
  /** Asks the browser for host access (called within the click); resolves whether it was granted. */
  requestSites?: (patterns: string[]) => Promise<boolean>;
}

function SiteList({
  title,
  sites,
  label,
  action,
  onAction,
  testid,
}: {
  title: string;
  sites: string[];
  label: (site: string) => string;
  action: string;
  onAction: (site: string) => void;
  testid: string;
}) {
  const id = useId();
  return (
    <div class="sites" data-testid={testid}>
      <h3 id={id}>{title}</h3>
      {sites.length === 0 ? (
        <p class="help">{t('sitesNone')}</p>
      ) : (
        <ul aria-labelledby={id}>
          {sites.map((site) => (
            <li key={site}>
              <code>{site}</code>
              <button type="button" class="link" aria-label={label(site)} onClick={() => onAction(site)}>
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const isOn = (site: DialerSite, disabled: readonly string[]) => !site.matches.some((p) => disabled.includes(p));

/**
 * Where Consent Guard runs: the default dialer sites (each with a switch), the sites the agent
 * enabled (from the popup or the browser's site access), and the ones switched off. Applied on Save;
 * a removed site's host access is given back then.
 */
export function SitesSection({ draft, onChange, requestSites, policy = null }: SitesProps) {
  const id = useId();
  const toggle = (site: DialerSite, on: boolean) => {
    const rest = draft.disabledSites.filter((p) => !site.matches.includes(p));
    onChange({ disabledSites: on ? rest : [...rest, ...site.matches] });
  };
  const reEnable = (pattern: string) => {
    const disabledSites = draft.disabledSites.filter((s) => s !== pattern);
    // A site of the agent's own (not under a default) needs its host access back.
    const own = !DEFAULT_MATCHES.some((p) => patternCovers(p, pattern));
    if (!own || !requestSites) {
      onChange({ disabledSites });
      return;
    }
    requestSites([pattern]).then(
      (granted) => {
        if (granted)
          onChange({
            disabledSites,
            enabledSites: draft.enabledSites.includes(pattern) ? draft.enabledSites : [...draft.enabledSites, pattern],
          });
      },
      () => {},
    );
  };
  // Patterns of a switched-off default site are shown by its switch, not in the list.
  const disabledOthers = draft.disabledSites.filter((p) => !DEFAULT_MATCHES.includes(p));
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionSites')}</h2>
      <p class="help">
        {t('sitesHelp')} <LockedNote locked={policy?.locked ?? false} />
      </p>
      {policy && <OrganisationSites policy={policy} />}
      <div class="sites" data-testid="default-sites">
        <h3 id={`${id}-d`}>{t('sitesDefault')}</h3>
        <ul aria-labelledby={`${id}-d`}>
          {DEFAULT_SITES.map((site) => (
            <li key={site.id}>
              <label class="choice site-choice">
                <input
                  type="checkbox"
                  checked={isOn(site, draft.disabledSites)}
                  onChange={(e) => toggle(site, e.currentTarget.checked)}
                  disabled={policy?.locked ?? false}
                  data-testid={`site-${site.id}`}
                />
                <span>
                  <span class="choice-label">{site.name}</span>
                  <span class="help site-patterns">
                    {site.matches.map((p) => (
                      <code key={p}>{p}</code>
                    ))}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <SiteList
        title={t('sitesEnabled')}
        sites={draft.enabledSites}
        label={(site) => t('removeSite', site)}
        action={t('remove')}
        onAction={(site) => onChange({ enabledSites: draft.enabledSites.filter((s) => s !== site) })}
        testid="enabled-sites"
      />
      <SiteList
        title={t('sitesDisabled')}
        sites={disabledOthers}
        label={(site) => t('reEnableSite', site)}
        action={t('reEnable')}
        onAction={reEnable}
        testid="disabled-sites"
      />
    </section>
  );
}
