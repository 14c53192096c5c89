import { useId } from 'preact/hooks';
import {
  DISCLAIMER_FALLBACKS,
  DISCLAIMER_LANGUAGES,
  type DisclaimerLanguage,
  defaultTemplate,
} from '@/lib/data/disclaimers';
import type { Settings } from '@/lib/settings';
import type { Requirement } from '@/lib/types';
import { t } from '@/utils/i18n';
import { LANGUAGE_NAMES, requirementLabel } from '../labels';
import { LockedNote } from './Locked';
import type { SectionProps } from './YouSection';

const REQUIREMENTS: readonly Requirement[] = ['all-party', 'one-party', 'unknown'];

const hasOwn = (templates: Settings['templates'], requirement: Requirement) =>
  Object.values(templates[requirement]).some(Boolean);

/** The templates with one requirement × language set to `text` ('' or the default: back to the default). */
function withTemplate(
  templates: Settings['templates'],
  requirement: Requirement,
  language: DisclaimerLanguage,
  text: string,
  aiNotes = false,
): Settings['templates'] {
  const own = { ...templates[requirement] };
  if (text.trim() === '' || text === defaultTemplate(requirement, language, aiNotes)) delete own[language];
  else own[language] = text;
  return { ...templates, [requirement]: own };
}

/** The purposes with one language set to `text` (blank: back to the default wording). */
function withPurpose(purpose: Settings['purpose'], language: DisclaimerLanguage, text: string): Settings['purpose'] {
  const own = { ...purpose };
  if (text.trim() === '') delete own[language];
  else own[language] = text;
  return own;
}

/** One textarea per requirement and language, each showing the default until the agent writes their own. */
export function TemplatesSection({ draft, locked, onChange }: SectionProps) {
  const id = useId();
  const isLocked = locked.includes('templates');
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sectionTemplates')}</h2>
      <p class="help">
        {t('templatesHelp')} <LockedNote locked={isLocked} />
      </p>
      <fieldset class="field" disabled={locked.includes('purpose')}>
        <legend>
          {t('purposeLegend')} <LockedNote locked={locked.includes('purpose')} />
        </legend>
        <p class="help">{t('purposeHelp')}</p>
        {DISCLAIMER_LANGUAGES.map((language) => (
          <div key={language} class="field">
            <label for={`${id}-purpose-${language}`}>{LANGUAGE_NAMES[language]}</label>
            <input
              id={`${id}-purpose-${language}`}
              class="input"
              lang={language}
              maxLength={120}
              placeholder={DISCLAIMER_FALLBACKS[language].purpose}
              value={draft.purpose[language] ?? ''}
              onInput={(e) => onChange({ purpose: withPurpose(draft.purpose, language, e.currentTarget.value) })}
              data-testid={`purpose-${language}`}
            />
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${id}-privacy`}>{t('privacyUrlLabel')}</label>
        <input
          id={`${id}-privacy`}
          class="input"
          type="url"
          maxLength={300}
          placeholder="https://"
          value={draft.privacyUrl}
          disabled={locked.includes('privacyUrl')}
          aria-describedby={`${id}-privacy-help`}
          onInput={(e) => onChange({ privacyUrl: e.currentTarget.value.trim() })}
          data-testid="privacy-url"
        />
        <p id={`${id}-privacy-help`} class="help">
          {t('privacyUrlHelp')} <LockedNote locked={locked.includes('privacyUrl')} />
        </p>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={draft.aiNotes}
          disabled={locked.includes('aiNotes')}
          onChange={(e) => onChange({ aiNotes: e.currentTarget.checked })}
          data-testid="ai-notes"
        />
        <span>
          <span class="choice-label">{t('aiNotesLabel')}</span>
          <span class="help">{t('aiNotesHelp')}</span>
        </span>
      </label>
      {REQUIREMENTS.map((requirement) => (
        <details key={requirement} class="templates" open={hasOwn(draft.templates, requirement)}>
          <summary>{requirementLabel(requirement)}</summary>
          <fieldset disabled={isLocked}>
            <legend class="visually-hidden">{requirementLabel(requirement)}</legend>
            {DISCLAIMER_LANGUAGES.map((language) => {
              const own = draft.templates[requirement][language];
              const fieldId = `${id}-${requirement}-${language}`;
              return (
                <div key={language} class="field">
                  <div class="field-head">
                    <label for={fieldId}>{LANGUAGE_NAMES[language]}</label>
                    <button
                      type="button"
                      class="link"
                      disabled={!own}
                      aria-describedby={fieldId}
                      onClick={() => onChange({ templates: withTemplate(draft.templates, requirement, language, '') })}
                      data-testid={`reset-${requirement}-${language}`}
                    >
                      {t('resetTemplate')}
                    </button>
                  </div>
                  <textarea
                    id={fieldId}
                    class="input"
                    lang={language}
                    rows={2}
                    maxLength={600}
                    value={own || defaultTemplate(requirement, language, draft.aiNotes)}
                    onInput={(e) =>
                      onChange({
                        templates: withTemplate(
                          draft.templates,
                          requirement,
                          language,
                          e.currentTarget.value,
                          draft.aiNotes,
                        ),
                      })
                    }
                    data-testid={`template-${requirement}-${language}`}
                  />
                </div>
              );
            })}
          </fieldset>
        </details>
      ))}
    </section>
  );
}
