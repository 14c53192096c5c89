import { t } from '@/utils/i18n';

/** What readSettings had to reset, said once, calmly. */
export function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <div class="notice" role="alert" data-testid="settings-notice">
      {t('noticeReset', notices.join(' '))}
    </div>
  );
}
