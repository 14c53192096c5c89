import { useId } from 'preact/hooks';
import { DISCLAIMER_LANGUAGES, DISCLAIMER_TEMPLATES, type DisclaimerLanguage } from '@/lib/data/disclaimers';
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
export function withTemplate(
  templates: Settings['templates'],
  requirement: Requirement,
  language: DisclaimerLanguage,
  text: string,
): Settings['templates'] {
  const own = { ...templates[requirement] };
  if (text.trim() === '' || text === DISCLAIMER_TEMPLATES[requirement][language]) delete own[language];
  else own[language] = text;
  return { ...templates, [requirement]: own };
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
                    value={own || DISCLAIMER_TEMPLATES[requirement][language]}
                    onInput={(e) =>
                      onChange({
                        templates: withTemplate(draft.templates, requirement, language, e.currentTarget.value),
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
