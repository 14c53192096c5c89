import { t } from '@/utils/i18n';

/** What readSettings had to reset, what an upgrade changed, and what of the policy was ignored, each said once, calmly. */
export function Notices({
  notices,
  changes = [],
  policy = [],
}: {
  notices: readonly string[];
  changes?: readonly string[];
  policy?: readonly string[];
}) {
  return (
    <>
      {policy.length > 0 && (
        <div class="notice" role="alert" data-testid="policy-notice">
          {t('noticePolicy', policy.join(' '))}
        </div>
      )}
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
