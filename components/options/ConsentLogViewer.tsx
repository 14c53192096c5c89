import { useEffect, useId, useState } from 'preact/hooks';
import { filterByTime, type LogEntry, type Outcome, shownNumber } from '@/lib/log/entry';
import { logCsv, logJson } from '@/lib/log/export';
import { type MessageKey, t } from '@/utils/i18n';

/** What the viewer needs of the log store (utils/consent-log-store.ts; tests hand in a fake). */
export interface ConsentLogApi {
  /** Applies the retention, then reads every entry. */
  read: () => Promise<{ entries: LogEntry[]; unreadable: number }>;
  delete: () => Promise<void>;
  /** Saves a file (a Blob URL download by default). */
  download?: (name: string, text: string, type: string) => void;
}

export const OUTCOME_LABELS: Record<Outcome, MessageKey> = {
  copied: 'outcomeCopied',
  announced: 'outcomeAnnounced',
  'consent-given': 'outcomeConsentGiven',
  declined: 'outcomeDeclined',
  'not-recorded': 'outcomeNotRecorded',
  dialled: 'outcomeDialled',
  'dial-cancelled': 'outcomeDialCancelled',
};

/** A download through a Blob URL: no permission needed, nothing leaves the computer. */
function blobDownload(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2026-11-27" (an <input type=date>) as local midnight in ms, or null when blank. */
function dayStart(value: string, plusDays = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime();
}

type State = { kind: 'loading' } | { kind: 'ready'; entries: LogEntry[]; unreadable: number } | { kind: 'failed' };

/** The consent log: filter by date, export what is shown as CSV or JSON, delete it all. */
export function ConsentLogViewer({ api }: { api: ConsentLogApi }) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const refresh = () =>
    api.read().then(
      (r) => setState({ kind: 'ready', ...r }),
      () => setState({ kind: 'failed' }),
    );
  useEffect(() => {
    refresh();
  }, [api]);

  const shown = state.kind === 'ready' ? filterByTime(state.entries, dayStart(from), dayStart(to, 1)) : [];
  const save = api.download ?? blobDownload;
  const stamp = new Date().toISOString().slice(0, 10);

  async function onDelete() {
    await api.delete();
    setConfirming(false);
    setDeleted(true);
    await refresh();
  }

  return (
    <section class="card" aria-labelledby={`${id}-h`} data-testid="consent-log">
      <h2 id={`${id}-h`}>{t('logTitle')}</h2>
      {state.kind === 'failed' && (
        <p class="notice" role="alert">
          {t('logUnavailable')}
        </p>
      )}
      {state.kind === 'ready' && state.unreadable > 0 && (
        <p class="notice" role="alert" data-testid="log-unreadable">
          {t('logUnreadable', state.unreadable)}
        </p>
      )}
      <div class="field-row">
        <div class="field">
          <label for={`${id}-from`}>{t('logFrom')}</label>
          <input
            id={`${id}-from`}
            class="input"
            type="date"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
            data-testid="log-from"
          />
        </div>
        <div class="field">
          <label for={`${id}-to`}>{t('logTo')}</label>
          <input
            id={`${id}-to`}
            class="input"
            type="date"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
            data-testid="log-to"
          />
        </div>
      </div>
      <p role="status" aria-live="polite" data-testid="log-count" data-count={shown.length}>
        {state.kind === 'ready' ? (shown.length === 0 ? t('logEmpty') : t('logCount', shown.length)) : ''}
        {deleted ? ` ${t('logDeleted')}` : ''}
      </p>
      {shown.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={t('logTitle')}>
          <table class="log" data-testid="log-table">
            <thead>
              <tr>
                <th scope="col">{t('logTime')}</th>
                <th scope="col">{t('logNumber')}</th>
                <th scope="col">{t('logRegion')}</th>
                <th scope="col">{t('logRule')}</th>
                <th scope="col">{t('logLanguage')}</th>
                <th scope="col">{t('logVersion')}</th>
                <th scope="col">{t('logOutcome')}</th>
                <th scope="col">{t('logSource')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} data-testid="log-row" data-outcome={e.outcome} data-at={e.at}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{shownNumber(e.number)}</td>
                  <td>{e.regions.join('/') || '–'}</td>
                  <td>{e.rule}</td>
                  <td>{e.language}</td>
                  <td>
                    <code>{e.disclaimerVersion}</code>
                  </td>
                  <td>{t(OUTCOME_LABELS[e.outcome])}</td>
                  <td>{e.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={shown.length === 0}
          onClick={() => save(`consent-log-${stamp}.csv`, logCsv(shown), 'text/csv')}
          data-testid="log-export-csv"
        >
          {t('logExportCsv')}
        </button>
        <button
          type="button"
          class="button"
          disabled={shown.length === 0}
          onClick={() => save(`consent-log-${stamp}.json`, logJson(shown), 'application/json')}
          data-testid="log-export-json"
        >
          {t('logExportJson')}
        </button>
        {!confirming ? (
          <button
            type="button"
            class="button secondary"
            disabled={state.kind !== 'ready' || state.entries.length === 0}
            onClick={() => setConfirming(true)}
            data-testid="log-delete"
          >
            {t('logDelete')}
          </button>
        ) : (
          <>
            <button type="button" class="button" onClick={onDelete} data-testid="log-delete-confirm">
              {t('logDeleteConfirm')}
            </button>
            <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
              {t('logDeleteCancel')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
