import { type DisclaimerLanguage, disclaimerText as fillFor } from '@/lib/data/disclaimers';
import { disclaimerRequirement } from '@/lib/law/answer';
import { locationSummary, whereFrom } from '@/lib/law/location-summary';
import type { Answer } from '@/lib/protocol/messages';
import type { DisclaimerSettings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { logEvent } from '@/utils/log-event';
import { actionLabel, hoursLabel, hoursState, requirementLabel } from '../labels';
import type { CopyButtonProps } from './CopyButton';
import { Disclaimer } from './Disclaimer';

interface AnswerDetailsProps {
  answer: Answer;
  /** Null until the settings are read: the answer's own disclaimer (in the settings' language) shows meanwhile. */
  settings: DisclaimerSettings | null;
  language: DisclaimerLanguage;
  onLanguage: (language: DisclaimerLanguage) => void;
  writeText?: CopyButtonProps['writeText'];
}

/** The disclaimer in `language`, with the agent's own template and names where set. */
export function disclaimerText(
  answer: Answer,
  settings: DisclaimerSettings | null,
  language: DisclaimerLanguage,
): string {
  if (!settings) return answer.disclaimer;
  // As lib/law/answer.ts disclaimerFor does, from the disclaimer settings the popup reads.
  return fillFor(disclaimerRequirement(answer), language, settings);
}

/** Calling hours: open or closed now and until when, the rule that decided, why, and its notes. */
function CallingHoursDetails({ hours }: { hours: NonNullable<Answer['callingHours']> }) {
  const label = hoursLabel(hours);
  if (!label) return null;
  return (
    <section class="hours" data-testid="details-hours" data-calling={hoursState(hours)}>
      <h4>{t('detailsHours')}</h4>
      <p class="hours-headline">
        <strong>{label}</strong>
        {hours.binding && hours.decidedByName ? ` · ${t('detailsHoursRule', hours.decidedByName)}` : ''}
      </p>
      <ul class="bullets">
        {[...hours.reasons, ...hours.notes].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {hours.confidence !== 'confirmed' && <p class="hours-unsure">{t('detailsHoursUnsure')}</p>}
      {hours.citations.length > 0 && (
        <p class="citation">
          <cite>{hours.citations.join('; ')}</cite>
        </p>
      )}
    </section>
  );
}

/** Everything about one number: what to follow and why, the law with its date, caveats, the disclaimer. */
export function AnswerDetails({ answer, settings, language, onLanguage, writeText }: AnswerDetailsProps) {
  const law = `${requirementLabel(answer.requirement)}${answer.ambiguous ? ` (${t('unsettled')})` : ''}`;
  return (
    <div class="details" data-testid="details">
      {answer.dnc && (
        <p class="dnc" data-testid="details-dnc" data-consent-dnc={answer.dnc}>
          {t(answer.dnc === 'company' ? 'dncCompany' : 'dncRecord')}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t('detailsFollow')}</dt>
          <dd data-consent={answer.treatAs} data-testid="details-follow">
            <strong>{requirementLabel(answer.treatAs)}</strong> · {actionLabel(answer.action)}
          </dd>
        </div>
        <div>
          <dt>{t('detailsLaw')}</dt>
          <dd data-testid="details-law">{law}</dd>
        </div>
        <div>
          <dt>{t('detailsWhere')}</dt>
          <dd data-testid="details-where" data-location-from={locationSummary(answer).from}>
            {whereFrom(answer, t)}
          </dd>
        </div>
      </dl>
      {answer.callingHours && <CallingHoursDetails hours={answer.callingHours} />}
      <h4>{t('detailsWhy')}</h4>
      <ul class="reasons bullets" data-testid="details-reasons">
        {answer.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {answer.rules.length > 0 && (
        <details class="rules">
          <summary>{t('detailsRules')}</summary>
          <ul data-testid="details-rules">
            {answer.rules.map((rule) => (
              <li key={`${rule.role}-${rule.code}`}>
                <p>
                  <strong>{rule.name}</strong> ({rule.role === 'agent' ? t('roleAgent') : t('roleCallee')}):{' '}
                  {requirementLabel(rule.requirement)}
                  {rule.ambiguous ? ` (${t('unsettled')})` : ''}
                </p>
                <p class="citation">
                  <cite>{rule.citation}</cite>, {t('asOf', rule.asOf)}
                </p>
                {rule.ambiguousReason && <p>{rule.ambiguousReason}</p>}
                {rule.notes.length > 0 && (
                  <ul class="notes bullets">
                    {rule.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {answer.caveats.length > 0 && (
        <>
          <h4>{t('detailsCaveats')}</h4>
          <ul class="caveats bullets" data-testid="details-caveats">
            {answer.caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
        </>
      )}
      <Disclaimer
        text={disclaimerText(answer, settings, language)}
        howTo={
          answer.action === 'do-not-record' ? null : t(answer.action === 'announce' ? 'howToAnnounce' : 'howToAsk')
        }
        language={language}
        onLanguage={onLanguage}
        writeText={writeText}
        onCopied={() => {
          if (answer.e164 === null) return;
          const regions = answer.recordLocation?.regions;
          logEvent({
            e164: answer.e164,
            outcome: 'copied',
            source: 'popup',
            language,
            ...(regions && regions.length > 0 ? { locationRegions: regions.slice(0, 8) } : {}),
          });
        }}
      />
    </div>
  );
}
