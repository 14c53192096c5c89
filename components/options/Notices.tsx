import { t } from '@/utils/i18n';

/** What readSettings had to reset, and what an upgrade changed, each said once, calmly. */
export function Notices({ notices, changes = [] }: { notices: readonly string[]; changes?: readonly string[] }) {
  return (
    <>
      {changes.length > 0 && (
        <div class="notice" role="status" data-testid="settings-changed">
          {t('noticeChanged', changes.join(' '))}
        </div>
      )}
      {notices.length > 0 && (
        <div class="notice" role="alert" data-testid="settings-notice">
          {t('noticeReset', notices.join(' '))}
        </div>
      )}
    </>
  );
}
