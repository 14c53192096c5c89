import type { TabVerdict } from '@/lib/law/popup-verdict';
import { t } from '@/utils/i18n';

export type VerdictState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; verdict: TabVerdict };

function headline(v: TabVerdict): string {
  const places = v.places.join(', ');
  if (v.level === 'all-party') {
    return v.count === 1 ? t('verdictAllPartyOne', places) : t('verdictAllPartyMany', v.count, places);
  }
  return v.count === 1 ? t('verdictOnePartyOne', places) : t('verdictOnePartyMany', v.count, places);
}

/** The tab's verdict, first thing in the popup: the strictest requirement among its numbers. */
export function Verdict({ state }: { state: VerdictState }) {
  if (state.status === 'loading') {
    return (
      <section class="verdict" data-level="loading" aria-busy="true">
        <p class="verdict-title">{t('verdictLoading')}</p>
      </section>
    );
  }
  if (state.status === 'unavailable' || state.verdict.level === 'none') {
    return (
      <section class="verdict" data-level="none" data-testid="verdict">
        <h2 class="verdict-title">{state.status === 'unavailable' ? t('verdictUnavailable') : t('verdictNone')}</h2>
        {state.status === 'ready' && <p class="verdict-note">{t('verdictNoneHint')}</p>}
      </section>
    );
  }
  const v = state.verdict;
  return (
    <section class="verdict" data-level={v.level} data-testid="verdict">
      <h2 class="verdict-title">{headline(v)}</h2>
      {v.unknown > 0 && <p class="verdict-note">{t('verdictUnknownNote', v.unknown)}</p>}
      {v.ambiguous > 0 && <p class="verdict-note">{t('verdictAmbiguousNote', v.ambiguous)}</p>}
      {v.closed > 0 && (
        <p class="verdict-note" data-testid="verdict-closed">
          {t('verdictClosedNote', v.closed)}
        </p>
      )}
      {v.partly > 0 && <p class="verdict-note">{t('verdictPartlyNote', v.partly)}</p>}
      {v.level === 'one-party' && <p class="verdict-note">{t('verdictOnePartyNote')}</p>}
    </section>
  );
}
