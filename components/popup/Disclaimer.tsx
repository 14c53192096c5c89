import { useId } from 'preact/hooks';
import type { DisclaimerLanguage } from '@/lib/data/disclaimers';
import { t } from '@/utils/i18n';
import { LANGUAGE_NAMES } from '../labels';
import { CopyButton, type CopyButtonProps } from './CopyButton';

interface DisclaimerProps {
  text: string;
  /** How to read it (recording first; what to do after a no), or null. */
  howTo?: string | null;
  language: DisclaimerLanguage;
  onLanguage: (language: DisclaimerLanguage) => void;
  writeText?: CopyButtonProps['writeText'];
  onCopied?: CopyButtonProps['onCopied'];
}

/** The disclaimer to read aloud, in the chosen language, with a Copy button. */
export function Disclaimer({ text, howTo, language, onLanguage, writeText, onCopied }: DisclaimerProps) {
  const id = useId();
  return (
    <section class="disclaimer" aria-labelledby={`${id}-h`}>
      <div class="disclaimer-head">
        <h4 id={`${id}-h`}>{t('disclaimerHeading')}</h4>
        <label class="inline-field">
          <span>{t('disclaimerLanguage')}</span>
          <select
            value={language}
            onChange={(e) => onLanguage(e.currentTarget.value as DisclaimerLanguage)}
            data-testid="disclaimer-language"
          >
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {howTo && (
        <p class="help" data-testid="disclaimer-howto">
          {howTo}
        </p>
      )}
      <p class="disclaimer-text" lang={language} data-testid="disclaimer-text">
        {text}
      </p>
      <CopyButton text={text} writeText={writeText} onCopied={onCopied} />
    </section>
  );
}
