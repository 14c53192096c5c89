import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Answer } from '@/lib/protocol/messages';
import { t } from '@/utils/i18n';
import { NumberSummary } from './NumberRow';

interface NumberListProps {
  numbers: readonly Answer[];
  total: number;
  /** The e164 of the open number, or null. */
  open: string | null;
  onToggle: (e164: string) => void;
  /** The open number's details. */
  children?: ComponentChildren;
}

/** Moves focus between the rows with the arrow keys, Home and End (Tab works too). */
function onKeyDown(event: KeyboardEvent) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const current = event.target as HTMLElement;
  const list = current.closest('ul');
  if (!list) return;
  const rows = [...list.querySelectorAll<HTMLButtonElement>(':scope > li > button.row')];
  const at = rows.indexOf(current as HTMLButtonElement);
  if (at === -1) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : Math.min(rows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  rows[next]?.focus();
}

/** The tab's numbers, strictest first; each row opens its details below it. */
export function NumberList({ numbers, total, open, onToggle, children }: NumberListProps) {
  const id = useId();
  if (numbers.length === 0) return null;
  return (
    <section class="numbers" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('listHeading')}</h3>
      {total > numbers.length && <p class="muted">{t('listShownOf', numbers.length, total)}</p>}
      <ul class="rows" onKeyDown={onKeyDown} data-testid="number-list">
        {numbers.map((answer, i) => {
          const key = answer.e164 ?? answer.input;
          const expanded = open === key;
          return (
            <li key={key}>
              <button
                type="button"
                class="row"
                aria-expanded={expanded}
                aria-controls={expanded ? `${id}-d${i}` : undefined}
                onClick={() => onToggle(key)}
                data-testid="number-row"
              >
                <NumberSummary answer={answer} />
              </button>
              {expanded && (
                <div id={`${id}-d${i}`} class="row-details">
                  {children}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
