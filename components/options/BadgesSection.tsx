import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { LockedNote } from './Locked';
import type { SectionProps } from './YouSection';

export function BadgesSection({ draft, locked, onChange }: SectionProps) {
  const isLocked = locked.includes('badgeOneParty');
  const id = useId();
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionBadges')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          checked={draft.badgeOneParty}
          disabled={isLocked}
          onChange={(e) => onChange({ badgeOneParty: e.currentTarget.checked })}
          data-testid="badge-one-party"
        />
        <span>
          <span class="choice-label">{t('badgeOnePartyLabel')}</span>
          <span class="help">
            {t('badgeOnePartyHelp')} <LockedNote locked={isLocked} />
          </span>
        </span>
      </label>
    </section>
  );
}
