import { consentShown } from '@/lib/law/popup-verdict';
import type { RecordGroup } from '@/lib/law/record-answer';
import { t } from '@/utils/i18n';
import { consentLabel, hoursLabel, hoursState, rowKey } from '../labels';
import { NumberSummary } from '../popup/NumberRow';

interface RecordGroupsProps {
  groups: readonly RecordGroup[];
  /** The selected row's key (number, and its record's places where it has some). */
  selected: string | null;
  onPick: (e164: string, key: string) => void;
}

/** One record's answer for all its numbers: the strictest rule and the narrowest calling window. */
function RecordSummary({ group }: { group: RecordGroup }) {
  const { rule, hours } = group.answer;
  const consent = consentShown(rule);
  const label = hoursLabel(hours);
  return (
    <p class="record-answer" data-testid="record-answer" data-consent={consent} data-calling={hoursState(hours)}>
      <span class="chip" data-consent={consent}>
        {t('panelRecordRule', consentLabel(consent))}
      </span>
      {label && <span class="record-hours">{t('panelRecordHours', label)}</span>}
    </p>
  );
}

/** The tab's numbers, grouped by the record that shows them; each number picks itself for the panel. */
export function RecordGroups({ groups, selected, onPick }: RecordGroupsProps) {
  if (groups.length === 0) return <p class="muted">{t('panelNoNumbers')}</p>;
  const records = groups.filter((g) => g.key !== null);
  const alone = groups.filter((g) => g.key === null);
  const unnamed = records.filter((g) => g.label === null);
  const row = (g: RecordGroup) =>
    g.answer.numbers.map((answer) => {
      const key = rowKey(answer);
      return (
        <li key={key}>
          <button
            type="button"
            class="row"
            aria-pressed={selected === key}
            data-testid="panel-number"
            data-e164={answer.e164 ?? ''}
            onClick={() => answer.e164 && onPick(answer.e164, key)}
          >
            <NumberSummary answer={answer} />
          </button>
        </li>
      );
    });
  return (
    <section class="numbers" aria-labelledby="records-h">
      <h3 id="records-h">{t('panelRecordsHeading')}</h3>
      {records.map((g) => {
        // A record that names no place is named by its order among those (the page's own words stay on the page).
        const label = g.label ?? t('panelRecordNoPlace', String(unnamed.indexOf(g) + 1));
        return (
          <section class="record" key={g.key} data-testid="record" aria-label={label}>
            <h4>{label}</h4>
            {g.answer.numbers.length > 1 && <RecordSummary group={g} />}
            <ul class="rows">{row(g)}</ul>
          </section>
        );
      })}
      {alone.length > 0 && (
        <section class="record" data-testid="record-other">
          {records.length > 0 && <h4>{t('panelRecordOther')}</h4>}
          <ul class="rows">{alone.flatMap(row)}</ul>
        </section>
      )}
    </section>
  );
}
