import { useId } from 'preact/hooks';
import { jurisdiction } from '@/lib/law/jurisdiction-index';
import type { Settings } from '@/lib/settings';
import type { Lockable, Source } from '@/lib/settings/managed';
import { type MessageKey, t } from '@/utils/i18n';
import { LANGUAGE_NAMES } from '../labels';
import { DIAL_CHECK_LABELS } from './CallingSection';
import { LockedNote } from './Locked';

type Key = Exclude<keyof Settings, 'version'>;

const LABELS: readonly [Key, MessageKey][] = [
  ['agentRegion', 'agentRegionLabel'],
  ['policy', 'policyLegend'],
  ['company', 'companyLabel'],
  ['agent', 'agentLabel'],
  ['language', 'languageLabel'],
  ['templates', 'sectionTemplates'],
  ['purpose', 'purposeLegend'],
  ['privacyUrl', 'privacyUrlLabel'],
  ['aiNotes', 'aiNotesLabel'],
  ['badgeOneParty', 'badgeOnePartyLabel'],
  ['callPurpose', 'callPurposeLabel'],
  ['companyWindow', 'companyWindowLabel'],
  ['dialCheck', 'dialCheckLabel'],
  ['consentLog', 'sectionConsentLog'],
];

const SOURCE: Record<Source, MessageKey> = {
  default: 'sourceDefault',
  you: 'sourceYou',
  organisation: 'sourceOrganisation',
};

/** A setting's value in a few words. */
function shown(key: Key, settings: Settings): string {
  const value = settings[key];
  switch (key) {
    case 'agentRegion':
      return settings.agentRegion ? (jurisdiction(settings.agentRegion)?.name ?? settings.agentRegion) : t('valueNone');
    case 'policy':
      return settings.policy === 'announce-always' ? t('policyAnnounceAlways') : t('policyStrictest');
    case 'language':
      return LANGUAGE_NAMES[settings.language];
    case 'templates': {
      const own = Object.values(settings.templates).reduce((n, byLang) => n + Object.keys(byLang).length, 0);
      return own === 0 ? t('sourceDefault') : t('valueOwnTexts', own);
    }
    case 'purpose': {
      const own = Object.keys(settings.purpose).length;
      return own === 0 ? t('sourceDefault') : t('valueOwnTexts', own);
    }
    case 'companyWindow':
      return settings.companyWindow ? `${settings.companyWindow.start}–${settings.companyWindow.end}` : t('valueNone');
    case 'dialCheck':
      return t(DIAL_CHECK_LABELS[settings.dialCheck]);
    case 'consentLog': {
      const log = settings.consentLog;
      if (!log.enabled) return t('valueOff');
      const summary = t('valueLog', log.retentionDays, t(log.fullNumbers ? 'valueLogFull' : 'valueLogHashed'));
      return log.required ? `${summary}, ${t('valueLogRequired')}` : summary;
    }
    default:
      if (typeof value === 'boolean') return value ? t('valueOn') : t('valueOff');
      return typeof value === 'string' && value !== '' ? value : t('valueNone');
  }
}

/** Each setting in force, its value and who set it (default, you, your organisation), locks shown. */
export function EffectiveSection({
  settings,
  sources,
  locked,
}: {
  settings: Settings;
  sources: Partial<Record<keyof Settings, Source>>;
  locked: readonly Lockable[];
}) {
  const id = useId();
  return (
    <section class="card" aria-labelledby={`${id}-h`} data-testid="effective">
      <h2 id={`${id}-h`}>{t('effectiveTitle')}</h2>
      <table class="effective">
        <thead>
          <tr>
            <th scope="col">{t('effectiveSetting')}</th>
            <th scope="col">{t('effectiveValue')}</th>
            <th scope="col">{t('effectiveSource')}</th>
          </tr>
        </thead>
        <tbody>
          {LABELS.map(([key, label]) => (
            <tr key={key} data-testid={`effective-${key}`} data-source={sources[key] ?? 'default'}>
              <th scope="row">{t(label)}</th>
              <td>{shown(key, settings)}</td>
              <td>
                {t(SOURCE[sources[key] ?? 'default'])}{' '}
                <LockedNote locked={(locked as readonly string[]).includes(key)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
