import { locationSummary } from '@/lib/law/location-summary';
import { consentShown } from '@/lib/law/popup-verdict';
import type { Answer } from '@/lib/protocol/messages';
import { t } from '@/utils/i18n';
import { consentLabel, formatNumber, hoursLabel, hoursState, windowLabel } from '../labels';

/** One number's summary line: number, place, what it needs, the callee's local time and calling window. */
export function NumberSummary({ answer }: { answer: Answer }) {
  const consent = consentShown(answer);
  // State and provincial hours where known; the national window otherwise.
  const hours = hoursLabel(answer.callingHours);
  const window = hours ?? windowLabel(answer.inCallingWindow);
  const where = locationSummary(answer);
  return (
    <span class="summary" data-location-from={where.from}>
      <span class="summary-main">
        <span class="number">{formatNumber(answer.e164, answer.input)}</span>
        <span class="place">{answer.place}</span>
        <span class="chip" data-consent={consent}>
          {consentLabel(consent)}
          {answer.ambiguous ? '*' : ''}
        </span>
        {answer.dnc && (
          <span class="chip dnc" data-consent-dnc={answer.dnc}>
            {t(answer.dnc === 'company' ? 'badgeDncCompany' : 'badgeDncRecord')}
          </span>
        )}
      </span>
      {where.from !== 'area-code' && (
        <span class="summary-where" data-testid="row-where">
          {where.from === 'record'
            ? t('rowRecordOnly', where.recordText ?? '')
            : `${t('rowRecord', where.recordText ?? '', where.issued)} · ${
                where.winner === 'same' ? t('rowSameRule') : t('rowWinner', where.winnerName ?? '')
              }`}
        </span>
      )}
      {answer.localTime && (
        <span
          class="summary-time"
          data-window={String(answer.inCallingWindow)}
          data-calling={hoursState(answer.callingHours)}
        >
          {t('localTime', answer.localTime)}
          {window ? ` · ${window}` : ''}
        </span>
      )}
    </span>
  );
}
