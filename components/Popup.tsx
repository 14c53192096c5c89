import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DisclaimerLanguage } from '@/lib/data/disclaimers';
import { tabVerdict } from '@/lib/law/popup-verdict';
import type { Answer, LookupResponse, TabSummaryResponse } from '@/lib/protocol/messages';
import type { DisclaimerSettings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { rowKey } from './labels';
import { AnswerDetails } from './popup/AnswerDetails';
import type { CopyButtonProps } from './popup/CopyButton';
import { LookupBox } from './popup/LookupBox';
import { NumberList } from './popup/NumberList';
import { SiteAccess, type SiteApi } from './popup/SiteAccess';
import { Verdict, type VerdictState } from './popup/Verdict';

/** What the popup needs from the extension; the entrypoint wires the browser in, tests hand in fakes. */
export interface PopupApi {
  /** The current tab's numbers; null where there is no tab to ask about. */
  tabSummary: () => Promise<TabSummaryResponse | null>;
  lookup: (number: string) => Promise<LookupResponse>;
  /** What the disclaimers need from the settings. */
  settings: () => Promise<DisclaimerSettings>;
  watchSettings: (listener: () => void) => () => void;
  openOptions?: () => void;
  /** Opens the call panel beside the tab (the side panel), where the browser has one. */
  openSidePanel?: () => void;
  writeText?: CopyButtonProps['writeText'];
  /** The current tab's site: whether Consent Guard runs there, and switching it on or off. */
  site?: SiteApi;
}

type Summary =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; total: number; numbers: Answer[] };

export function Popup({ api }: { api: PopupApi }) {
  const [summary, setSummary] = useState<Summary>({ status: 'loading' });
  const [settings, setSettings] = useState<DisclaimerSettings | null>(null);
  const [language, setLanguage] = useState<DisclaimerLanguage | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = useCallback(() => {
    api.tabSummary().then(
      (response) =>
        setSummary(
          response?.ok
            ? { status: 'ready', total: response.total, numbers: response.numbers }
            : { status: 'unavailable' },
        ),
      () => setSummary({ status: 'unavailable' }),
    );
    api.settings().then(
      (next) => {
        setSettings(next);
        // The agent's default language, unless they changed it in the popup already (and it still matches).
        setLanguage((chosen) => chosen ?? next.language);
      },
      () => {},
    );
  }, [api]);

  useEffect(() => {
    load();
    return api.watchSettings(() => {
      setLanguage(null);
      load();
      setRefreshKey((k) => k + 1);
    });
  }, [api, load]);

  const details = (answer: Answer) => (
    <AnswerDetails
      answer={answer}
      settings={settings}
      language={language ?? settings?.language ?? 'en'}
      onLanguage={setLanguage}
      writeText={api.writeText}
    />
  );

  const verdict: VerdictState =
    summary.status === 'ready'
      ? { status: 'ready', verdict: tabVerdict(summary.numbers, summary.total) }
      : { status: summary.status };
  const openAnswer = summary.status === 'ready' ? summary.numbers.find((a) => rowKey(a) === open) : undefined;

  return (
    <main class="popup">
      <header class="brand">
        <h1>{t('extName')}</h1>
        {api.openSidePanel && (
          <button type="button" class="link" onClick={api.openSidePanel} data-testid="open-side-panel">
            {t('openSidePanel')}
          </button>
        )}
        {api.openOptions && (
          <button type="button" class="link" onClick={api.openOptions} data-testid="open-options">
            {t('openOptions')}
          </button>
        )}
      </header>
      <Verdict state={verdict} />
      {api.site && <SiteAccess api={api.site} />}
      <LookupBox lookup={api.lookup} refreshKey={refreshKey} renderDetails={details} />
      {summary.status === 'ready' && (
        <NumberList
          numbers={summary.numbers}
          total={summary.total}
          open={openAnswer ? open : null}
          onToggle={(key) => setOpen((current) => (current === key ? null : key))}
        >
          {openAnswer && details(openAnswer)}
        </NumberList>
      )}
    </main>
  );
}
