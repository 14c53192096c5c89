import { useId } from 'preact/hooks';
import type { ConsentLogSettings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { LockedNote } from './Locked';
import type { SectionProps } from './YouSection';

/** The consent log's settings: on, how long entries are kept, numbers whole or hashed (lockable as one). */
export function ConsentLogSection({ draft, locked, onChange }: SectionProps) {
  const id = useId();
  const isLocked = locked.includes('consentLog');
  const log = draft.consentLog;
  const set = (patch: Partial<ConsentLogSettings>) => onChange({ consentLog: { ...log, ...patch } });
  return (
    <section class="card" aria-labelledby={`${id}-h`} data-testid="consent-log-settings">
      <h2 id={`${id}-h`}>
        {t('sectionConsentLog')} <LockedNote locked={isLocked} />
      </h2>
      {log.required && (
        <p class="help" data-testid="consent-log-required">
          {t('consentLogRequired')}
        </p>
      )}
      <fieldset class="field" disabled={isLocked}>
        <label class="choice">
          <input
            type="checkbox"
            checked={log.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
            disabled={isLocked}
            data-testid="consent-log-on"
          />
          <span>
            <span class="choice-label">{t('consentLogOn')}</span>
            <span class="help">{t('consentLogHelp')}</span>
          </span>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={log.fullNumbers}
            onChange={(e) => set({ fullNumbers: e.currentTarget.checked })}
            disabled={isLocked}
            data-testid="consent-log-full"
          />
          <span>
            <span class="choice-label">{t('consentLogFullNumbers')}</span>
            <span class="help">{t('consentLogFullNumbersHelp')}</span>
          </span>
        </label>
        <div class="field">
          <label for={`${id}-days`}>{t('consentLogRetention')}</label>
          <input
            id={`${id}-days`}
            class="input"
            type="number"
            min={1}
            max={3650}
            step={1}
            value={log.retentionDays}
            aria-describedby={`${id}-days-help`}
            onInput={(e) => set({ retentionDays: e.currentTarget.valueAsNumber })}
            disabled={isLocked}
            data-testid="consent-log-days"
          />
          <p id={`${id}-days-help`} class="help">
            {t('consentLogRetentionHelp')}
          </p>
        </div>
      </fieldset>
    </section>
  );
}
