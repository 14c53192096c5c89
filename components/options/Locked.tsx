import { t } from '@/utils/i18n';

/** Said beside a control that the administrator's policy fixes. */
export function LockedNote({ locked }: { locked: boolean }) {
  if (!locked) return null;
  return (
    <span class="locked" data-testid="locked-note">
      <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M4 7V5a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z"
        />
      </svg>
      {t('locked')}
    </span>
  );
}
