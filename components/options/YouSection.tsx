import { useId } from 'preact/hooks';
import type { DisclaimerLanguage } from '@/lib/data/disclaimers';
import type { Settings } from '@/lib/settings';
import type { Lockable, Manageable } from '@/lib/settings/managed';
import { t } from '@/utils/i18n';
import { LANGUAGE_NAMES } from '../labels';
import { LockedNote } from './Locked';

export interface Region {
  code: string;
  name: string;
}

export interface SectionProps {
  draft: Settings;
  locked: readonly Lockable[];
  onChange: (patch: Partial<Settings>) => void;
}

/** Who the agent is: their state or province, whose law to follow, the names the disclaimers use. */
export function YouSection({ draft, locked, onChange, regions }: SectionProps & { regions: readonly Region[] }) {
  const id = useId();
  const is = (key: Manageable) => locked.includes(key);
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionYou')}</h2>
      <div class="field">
        <label for={`${id}-region`}>{t('agentRegionLabel')}</label>
        <select
          id={`${id}-region`}
          value={draft.agentRegion ?? ''}
          disabled={is('agentRegion')}
          aria-describedby={`${id}-region-help`}
          onChange={(e) => onChange({ agentRegion: e.currentTarget.value || null })}
          data-testid="agent-region"
        >
          <option value="">{t('agentRegionNone')}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
        <p id={`${id}-region-help`} class="help">
          {t('agentRegionHelp')} <LockedNote locked={is('agentRegion')} />
        </p>
      </div>
      <fieldset class="field" disabled={is('policy')}>
        <legend>
          {t('policyLegend')} <LockedNote locked={is('policy')} />
        </legend>
        {(
          [
            ['strictest', t('policyStrictest'), t('policyStrictestHelp')],
            ['announce-always', t('policyAnnounceAlways'), t('policyAnnounceAlwaysHelp')],
          ] as const
        ).map(([value, label, help]) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name={`${id}-policy`}
              value={value}
              checked={draft.policy === value}
              onChange={() => onChange({ policy: value })}
              data-testid={`policy-${value}`}
            />
            <span>
              <span class="choice-label">{label}</span>
              <span class="help">{help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field-row">
        <div class="field">
          <label for={`${id}-company`}>{t('companyLabel')}</label>
          <input
            id={`${id}-company`}
            class="input"
            maxLength={80}
            value={draft.company}
            disabled={is('company')}
            onInput={(e) => onChange({ company: e.currentTarget.value })}
            data-testid="company"
          />
          <LockedNote locked={is('company')} />
        </div>
        <div class="field">
          <label for={`${id}-agent`}>{t('agentLabel')}</label>
          <input
            id={`${id}-agent`}
            class="input"
            maxLength={80}
            value={draft.agent}
            onInput={(e) => onChange({ agent: e.currentTarget.value })}
            data-testid="agent"
          />
        </div>
      </div>
      <p class="help">{t('namesHelp')}</p>
      <div class="field">
        <label for={`${id}-language`}>{t('languageLabel')}</label>
        <select
          id={`${id}-language`}
          value={draft.language}
          disabled={is('language')}
          onChange={(e) => onChange({ language: e.currentTarget.value as DisclaimerLanguage })}
          data-testid="language"
        >
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <LockedNote locked={is('language')} />
      </div>
    </section>
  );
}
