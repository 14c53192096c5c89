import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/utils/i18n';

/** What the side panel's buttons log (the `log-event` contract's outcomes the agent reports). */
export type PanelOutcome = 'announced' | 'consent-given' | 'declined' | 'not-recorded';

const OUTCOMES: readonly [PanelOutcome, MessageKey][] = [
  ['announced', 'logAnnounced'],
  ['consent-given', 'logConsentGiven'],
  ['declined', 'logDeclined'],
  ['not-recorded', 'logNotRecorded'],
];

interface LogButtonsProps {
  e164: string;
  /** Fire and forget: the panel never waits on the log. */
  onLog: (e164: string, outcome: PanelOutcome) => void;
}

/** What happened on the call, in one click each: announced, consent given, declined, not recorded. */
export function LogButtons({ e164, onLog }: LogButtonsProps) {
  const [last, setLast] = useState<MessageKey | null>(null);
  // Another number: nothing logged for it yet.
  useEffect(() => setLast(null), [e164]);
  return (
    <section class="log" aria-labelledby="log-h" data-testid="log-buttons">
      <h4 id="log-h">{t('panelLogHeading')}</h4>
      <div class="log-row">
        {OUTCOMES.map(([outcome, key]) => (
          <button
            key={outcome}
            type="button"
            class="button"
            data-outcome={outcome}
            onClick={() => {
              onLog(e164, outcome);
              setLast(key);
            }}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <p class="muted" role="status" data-testid="log-status">
        {last ? t('logSent', t(last)) : ''}
      </p>
    </section>
  );
}
