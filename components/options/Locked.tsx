import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** Why the organisation locks settings (the policy's `lockReason`), shown beside every lock. */
export const LockReason = createContext<string | null>(null);

/** Said beside a control that the administrator's policy fixes: a lock, and the reason. */
export function LockedNote({ locked }: { locked: boolean }) {
  const reason = useContext(LockReason);
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
      {reason && <span class="locked-reason" data-testid="locked-reason">{` (${reason})`}</span>}
    </span>
  );
}
