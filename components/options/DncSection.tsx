import { useEffect, useId, useState } from 'preact/hooks';
import type { DncApi, DncStatus, ImportOutcome } from '@/utils/dnc-import';
import { t } from '@/utils/i18n';

type State =
  | { kind: 'idle' }
  | { kind: 'importing'; percent: number }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; error: string };

/** The company do-not-call list: import a CSV (in a worker, with progress), see what is in force, remove it. */
export function DncSection({ api }: { api: DncApi }) {
  const id = useId();
  const [status, setStatus] = useState<DncStatus | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const refresh = () =>
    api
      .status()
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(() => {
    refresh();
  }, [api]);

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setState({ kind: 'importing', percent: 0 });
    try {
      const outcome = await api.importFile(file, (fraction) =>
        setState({ kind: 'importing', percent: Math.round(fraction * 100) }),
      );
      setState({ kind: 'done', outcome });
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    input.value = '';
    await refresh();
  }

  async function onClear() {
    await api.clear();
    setState({ kind: 'idle' });
    await refresh();
  }

  const busy = state.kind === 'importing';
  return (
    <section class="card" aria-labelledby={`${id}-h`} data-testid="dnc-section">
      <h2 id={`${id}-h`}>{t('dncSection')}</h2>
      <p class="help">{t('dncHelp')}</p>
      <p class="help">{t('dncNational')}</p>
      {status?.notices.map((notice) => (
        <p key={notice} class="notice" role="alert">
          {notice}
        </p>
      ))}
      <p data-testid="dnc-status" data-count={status?.list?.count ?? 0}>
        {status?.list ? t('dncImported', status.list.count, status.list.name) : t('dncNone')}
      </p>
      {status && status.policyCount > 0 && <p data-testid="dnc-policy">{t('dncPolicy', status.policyCount)}</p>}
      {status?.policySalt && <p class="help">{t('dncPolicySalt')}</p>}
      <label class="field">
        <span>{t('dncImport')}</span>
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          disabled={busy}
          onChange={onFile}
          data-testid="dnc-file"
        />
      </label>
      <div role="status" aria-live="polite" data-testid="dnc-progress" data-state={state.kind}>
        {state.kind === 'importing' && (
          <>
            <progress max={100} value={state.percent} />
            <span> {t('dncImporting', state.percent)}</span>
          </>
        )}
        {state.kind === 'done' && state.outcome.invalid > 0 && (
          <span>{t('dncInvalid', state.outcome.invalid, state.outcome.invalidExamples.join(', '))}</span>
        )}
        {state.kind === 'failed' && <span>{t('dncFailed', state.error)}</span>}
      </div>
      {status?.list && (
        <button type="button" class="button secondary" onClick={onClear} disabled={busy} data-testid="dnc-clear">
          {t('dncClear')}
        </button>
      )}
    </section>
  );
}
