import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { DisclaimerLanguage } from '@/lib/data/disclaimers';
import { tabVerdict } from '@/lib/law/popup-verdict';
import { groupByRecord } from '@/lib/law/record-answer';
import type { Answer, LookupResponse, Selected, TabSummaryResponse } from '@/lib/protocol/messages';
import type { DisclaimerSettings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { formatNumber, rowKey } from './labels';
import { AnswerDetails } from './popup/AnswerDetails';
import type { CopyButtonProps } from './popup/CopyButton';
import { Verdict, type VerdictState } from './popup/Verdict';
import { LogButtons, type PanelOutcome } from './sidepanel/LogButtons';
import { RecordGroups } from './sidepanel/RecordGroups';

/** What the side panel needs from the extension; the entrypoint wires the browser in, tests hand in fakes. */
export interface SidePanelApi {
  /** The tab the panel speaks about now (the active tab of its window), null where there is none. */
  currentTab: () => Promise<number | null>;
  /** Calls back when the agent switches tabs; returns the unsubscribe. */
  watchTab: (listener: () => void) => () => void;
  tabSummary: (tabId: number) => Promise<TabSummaryResponse | null>;
  /** Calls back when the tab's numbers change (the page changed); returns the unsubscribe. */
  watchTabNumbers: (tabId: number, listener: () => void) => () => void;
  lookup: (number: string) => Promise<LookupResponse>;
  selected: (tabId: number) => Promise<Selected | null>;
  watchSelected: (listener: (tabId: number, selected: Selected | null) => void) => () => void;
  /** The agent picked a number in the panel (number-selected, how 'panel'). */
  pick: (tabId: number, e164: string) => void;
  /** Fire and forget (`log-event`, source 'panel'): the number, what happened, its record's places, the script's language. */
  log: (event: PanelLogEvent) => void;
  settings: () => Promise<DisclaimerSettings>;
  watchSettings: (listener: () => void) => () => void;
  writeText?: CopyButtonProps['writeText'];
}

export interface PanelLogEvent {
  e164: string;
  outcome: PanelOutcome;
  locationRegions?: string[];
  language: DisclaimerLanguage;
}

type Summary =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; total: number; numbers: Answer[] };
/** The selected number's answer: none yet, being looked up, answered, or selected text with no number. */
type Chosen =
  | { status: 'none' }
  | { status: 'loading'; selected: Selected }
  | { status: 'ready'; selected: Selected; answer: Answer }
  | { status: 'no-number'; selected: Selected };

/** The answer the tab's list has for a number (with its record's place), the strictest where it has several. */
function fromList(summary: Summary, number: string, key: string | null): Answer | undefined {
  if (summary.status !== 'ready') return undefined;
  return (
    (key ? summary.numbers.find((a) => rowKey(a) === key) : undefined) ?? summary.numbers.find((a) => a.e164 === number)
  );
}

export function SidePanel({ api }: { api: SidePanelApi }) {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [summary, setSummary] = useState<Summary>({ status: 'loading' });
  const [selected, setSelected] = useState<Selected | null>(null);
  const [pickedKey, setPickedKey] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen>({ status: 'none' });
  const [settings, setSettings] = useState<DisclaimerSettings | null>(null);
  const [language, setLanguage] = useState<DisclaimerLanguage | null>(null);

  // The tab: the active one, followed as the agent switches.
  useEffect(() => {
    const follow = () => {
      api.currentTab().then(setTabId, () => setTabId(null));
    };
    follow();
    return api.watchTab(follow);
  }, [api]);

  const loadSummary = useCallback(
    (id: number) => {
      api.tabSummary(id).then(
        (r) => setSummary(r?.ok ? { status: 'ready', total: r.total, numbers: r.numbers } : { status: 'unavailable' }),
        () => setSummary({ status: 'unavailable' }),
      );
    },
    [api],
  );

  // The tab's numbers and its selected number, again whenever the tab or its page changes.
  useEffect(() => {
    setSelected(null);
    setPickedKey(null);
    if (tabId === null || tabId === undefined) {
      setSummary(tabId === null ? { status: 'unavailable' } : { status: 'loading' });
      return;
    }
    setSummary({ status: 'loading' });
    loadSummary(tabId);
    api.selected(tabId).then(setSelected, () => {});
    const stopNumbers = api.watchTabNumbers(tabId, () => loadSummary(tabId));
    const stopSelected = api.watchSelected((id, next) => {
      if (id !== tabId) return;
      setSelected(next);
      // A number chosen on the page (or from selected text) is no longer the row picked here.
      if (next?.how !== 'panel') setPickedKey(null);
    });
    return () => {
      stopNumbers();
      stopSelected();
    };
  }, [api, tabId, loadSummary]);

  useEffect(() => {
    const read = () =>
      api.settings().then(
        (next) => {
          setSettings(next);
          setLanguage((chosenLanguage) => chosenLanguage ?? next.language);
        },
        () => {},
      );
    read();
    return api.watchSettings(() => {
      setLanguage(null);
      read();
      if (typeof tabId === 'number') loadSummary(tabId);
    });
  }, [api, tabId, loadSummary]);

  // The selected number's answer: from the tab's list where it is on the page, otherwise looked up.
  useEffect(() => {
    if (!selected) {
      setChosen({ status: 'none' });
      return;
    }
    const listed = fromList(summary, selected.number, pickedKey);
    if (listed) {
      setChosen({ status: 'ready', selected, answer: listed });
      return;
    }
    let current = true;
    setChosen({ status: 'loading', selected });
    api.lookup(selected.number).then(
      (r) => {
        if (!current) return;
        const answer = r.ok ? r.results[0] : undefined;
        setChosen(
          answer && answer.kind !== 'invalid' && answer.e164
            ? { status: 'ready', selected, answer }
            : { status: 'no-number', selected },
        );
      },
      () => current && setChosen({ status: 'no-number', selected }),
    );
    return () => {
      current = false;
    };
  }, [api, selected, summary, pickedKey]);

  const groups = useMemo(() => (summary.status === 'ready' ? groupByRecord(summary.numbers) : []), [summary]);
  const verdict: VerdictState =
    summary.status === 'ready'
      ? { status: 'ready', verdict: tabVerdict(summary.numbers, summary.total) }
      : { status: summary.status };

  const pick = (e164: string, key: string) => {
    if (typeof tabId !== 'number') return;
    setPickedKey(key);
    setSelected({ number: e164, how: 'panel', at: Date.now() });
    api.pick(tabId, e164);
  };

  return (
    <main class="popup sidepanel" data-tab={tabId ?? ''}>
      <header class="brand">
        <h1>{t('sidePanelTitle')}</h1>
      </header>
      {tabId === null ? (
        <p class="muted">{t('panelNoTab')}</p>
      ) : (
        <>
          <Verdict state={verdict} />
          <section class="selected" aria-labelledby="selected-h" data-testid="selected" data-status={chosen.status}>
            <h3 id="selected-h">{t('panelSelected')}</h3>
            {chosen.status === 'none' && <p class="muted">{t('panelSelectedNone')}</p>}
            {chosen.status !== 'none' && chosen.selected.how === 'selection' && (
              <p class="muted" data-testid="from-selection">
                {t('panelFromSelection', chosen.selected.number)}
              </p>
            )}
            {chosen.status === 'no-number' && (
              <p data-testid="selection-none">{t('panelSelectionNone', chosen.selected.number)}</p>
            )}
            {chosen.status === 'ready' && (
              <>
                <p class="selected-number" data-testid="selected-number" data-e164={chosen.answer.e164 ?? ''}>
                  <strong>{formatNumber(chosen.answer.e164, chosen.answer.input)}</strong> · {chosen.answer.place}
                </p>
                <AnswerDetails
                  answer={chosen.answer}
                  settings={settings}
                  language={language ?? settings?.language ?? 'en'}
                  onLanguage={setLanguage}
                  writeText={api.writeText}
                />
                {chosen.answer.e164 && (
                  <LogButtons
                    e164={chosen.answer.e164}
                    onLog={(e164, outcome) => {
                      const { answer } = chosen;
                      const regions = answer.calleeLocation ? answer.recordLocation?.regions : undefined;
                      api.log({
                        e164,
                        outcome,
                        ...(regions ? { locationRegions: regions } : {}),
                        language: language ?? settings?.language ?? 'en',
                      });
                    }}
                  />
                )}
              </>
            )}
          </section>
          {summary.status === 'ready' && (
            <RecordGroups
              groups={groups}
              selected={pickedKey ?? (selected ? rowKeyOf(summary, selected.number) : null)}
              onPick={pick}
            />
          )}
        </>
      )}
    </main>
  );
}

function rowKeyOf(summary: Summary, number: string): string | null {
  const a = fromList(summary, number, null);
  return a ? rowKey(a) : null;
}
