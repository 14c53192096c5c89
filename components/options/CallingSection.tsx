import { useId } from 'preact/hooks';
import type { CallPurpose } from '@/lib/law/call-purpose';
import type { DialCheck } from '@/lib/settings';
import type { Manageable } from '@/lib/settings/managed';
import { t } from '@/utils/i18n';
import { LockedNote } from './Locked';
import type { SectionProps } from './YouSection';

const PURPOSES: readonly [CallPurpose, Parameters<typeof t>[0]][] = [
  ['sales', 'purposeSales'],
  ['existing-customer', 'purposeExistingCustomer'],
  ['service', 'purposeService'],
  ['business', 'purposeBusiness'],
];
export const DIAL_CHECK_LABELS: Record<DialCheck, Parameters<typeof t>[0]> = {
  risky: 'dialCheckRisky',
  all: 'dialCheckAll',
  off: 'dialCheckOff',
};
const DEFAULT_WINDOW = { start: '09:00', end: '20:00' };

/** Calling hours: why the agent calls (which laws bind), and the company's own calling window. */
export function CallingSection({ draft, locked, onChange }: SectionProps) {
  const id = useId();
  const is = (key: Manageable) => locked.includes(key);
  const window = draft.companyWindow;
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionCalling')}</h2>
      <div class="field">
        <label for={`${id}-purpose`}>{t('callPurposeLabel')}</label>
        <select
          id={`${id}-purpose`}
          value={draft.callPurpose}
          disabled={is('callPurpose')}
          aria-describedby={`${id}-purpose-help`}
          onChange={(e) => onChange({ callPurpose: e.currentTarget.value as CallPurpose })}
          data-testid="call-purpose"
        >
          {PURPOSES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
        <p id={`${id}-purpose-help`} class="help">
          {t('callPurposeHelp')} <LockedNote locked={is('callPurpose')} />
        </p>
      </div>
      <fieldset class="field" disabled={is('companyWindow')}>
        <legend>
          {t('companyWindowLabel')} <LockedNote locked={is('companyWindow')} />
        </legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={window !== null}
            onChange={(e) => onChange({ companyWindow: e.currentTarget.checked ? DEFAULT_WINDOW : null })}
            data-testid="company-window-on"
          />
          <span>
            <span class="choice-label">{t('companyWindowOn')}</span>
            <span class="help">{t('companyWindowHelp')}</span>
          </span>
        </label>
        {window && (
          <div class="field-row">
            <div class="field">
              <label for={`${id}-start`}>{t('companyWindowStart')}</label>
              <input
                id={`${id}-start`}
                class="input"
                type="time"
                value={window.start}
                onInput={(e) => onChange({ companyWindow: { ...window, start: e.currentTarget.value } })}
                data-testid="company-window-start"
              />
            </div>
            <div class="field">
              <label for={`${id}-end`}>{t('companyWindowEnd')}</label>
              <input
                id={`${id}-end`}
                class="input"
                type="time"
                value={window.end}
                onInput={(e) => onChange({ companyWindow: { ...window, end: e.currentTarget.value } })}
                data-testid="company-window-end"
              />
            </div>
          </div>
        )}
      </fieldset>
      <div class="field">
        <label for={`${id}-dial`}>{t('dialCheckLabel')}</label>
        <select
          id={`${id}-dial`}
          value={draft.dialCheck}
          disabled={is('dialCheck')}
          aria-describedby={`${id}-dial-help`}
          onChange={(e) => onChange({ dialCheck: e.currentTarget.value as DialCheck })}
          data-testid="dial-check"
        >
          {(Object.keys(DIAL_CHECK_LABELS) as DialCheck[]).map((value) => (
            <option key={value} value={value}>
              {t(DIAL_CHECK_LABELS[value])}
            </option>
          ))}
        </select>
        <p id={`${id}-dial-help`} class="help">
          {t('dialCheckHelp')} <LockedNote locked={is('dialCheck')} />
        </p>
      </div>
    </section>
  );
}
