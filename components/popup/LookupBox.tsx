import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { consentShown } from '@/lib/law/popup-verdict';
import type { Answer, LookupResponse } from '@/lib/protocol/messages';
import { t } from '@/utils/i18n';
import { consentLabel } from '../labels';

const LOOKUP_DEBOUNCE_MS = 120;

type Result = { status: 'idle' } | { status: 'answer'; answer: Answer } | { status: 'failed' };

interface LookupBoxProps {
  lookup: (number: string) => Promise<LookupResponse>;
  /** Bumped when the settings change: the answer is asked for again. */
  refreshKey?: number;
  /** The full details of a valid answer. */
  renderDetails: (answer: Answer) => ComponentChildren;
}

/** Type or paste any number: its answer appears as you type. */
export function LookupBox({ lookup, refreshKey = 0, renderDetails }: LookupBoxProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result>({ status: 'idle' });

  useEffect(() => {
    const number = query.trim().slice(0, 64);
    if (number === '') {
      setResult({ status: 'idle' });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      lookup(number).then(
        (response) => {
          if (!current) return;
          const answer = response.ok ? response.results[0] : undefined;
          setResult(answer ? { status: 'answer', answer } : { status: 'failed' });
        },
        () => current && setResult({ status: 'failed' }),
      );
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, lookup, refreshKey]);

  const answer = result.status === 'answer' ? result.answer : null;
  const invalid = answer?.kind === 'invalid';
  return (
    <section class="lookup">
      <label class="field-label" for={`${id}-input`}>
        {t('lookupLabel')}
      </label>
      <input
        id={`${id}-input`}
        class="input"
        type="text"
        inputMode="tel"
        autoComplete="off"
        spellcheck={false}
        maxLength={64}
        placeholder={t('lookupPlaceholder')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        aria-describedby={`${id}-answer`}
        aria-invalid={invalid || undefined}
        data-testid="lookup-input"
      />
      <p id={`${id}-answer`} class="lookup-answer" aria-live="polite" data-testid="lookup-answer">
        {result.status === 'failed' && t('lookupFailed')}
        {answer && invalid && <span class="calm">{answer.reasons[0]}</span>}
        {answer && !invalid && (
          <span class="summary-main">
            <span class="place">{answer.place}</span> · {consentLabel(consentShown(answer))}
            {answer.ambiguous ? ` (${t('unsettled')})` : ''}
          </span>
        )}
      </p>
      {answer && !invalid && renderDetails(answer)}
    </section>
  );
}
