import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SectionProps } from './YouSection';

function SiteList({ title, sites, onRemove }: { title: string; sites: string[]; onRemove: (site: string) => void }) {
  const id = useId();
  return (
    <div class="sites">
      <h3 id={id}>{title}</h3>
      {sites.length === 0 ? (
        <p class="help">{t('sitesNone')}</p>
      ) : (
        <ul aria-labelledby={id}>
          {sites.map((site) => (
            <li key={site}>
              <code>{site}</code>
              <button type="button" class="link" aria-label={t('removeSite', site)} onClick={() => onRemove(site)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The sites the agent switched on or off. A placeholder until site access lands: it can only remove. */
export function SitesSection({ draft, onChange }: Omit<SectionProps, 'locked'>) {
  const id = useId();
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionSites')}</h2>
      <p class="help">{t('sitesHelp')}</p>
      <SiteList
        title={t('sitesEnabled')}
        sites={draft.enabledSites}
        onRemove={(site) => onChange({ enabledSites: draft.enabledSites.filter((s) => s !== site) })}
      />
      <SiteList
        title={t('sitesDisabled')}
        sites={draft.disabledSites}
        onRemove={(site) => onChange({ disabledSites: draft.disabledSites.filter((s) => s !== site) })}
      />
    </section>
  );
}
