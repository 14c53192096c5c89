/**
 * The background's answers. Pure apart from what it is handed: the entrypoint wires browser
 * storage and the toolbar badge in through `BackgroundDeps`, and tests hand in fakes.
 */
import { answerOf, badgeInfo, type SentenceText } from '../law/answer';
import { type Classification, type ClassifyContext, classify } from '../law/classify';
import { type WhereText, whereFrom } from '../law/location-summary';
import { forThePage } from '../law/page-answer';
import type { LogEntry } from '../log/entry';
import { entryId, makeEntry } from '../log/make';
import {
  type ErrorResponse,
  LogEvent,
  Lookup,
  type MessageType,
  NumberSelected,
  OpenSidePanel,
  PageScanBatch,
  type PlaceOnPage,
  PopupTabSummary,
  type RecordOfNumber,
  type ResponseOf,
  refusal,
  type Selected,
  wellFormedLocated,
  wellFormedNumbers,
  wellFormedPlaces,
  wellFormedRecords,
} from '../protocol/messages';
import { companyWindowMinutes, type Settings } from '../settings';

/** Who sent a message, as runtime.onMessage reports it. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

export interface BackgroundDeps {
  extensionId: string;
  /** The extension pages' origin, `runtime.getURL('/')`: chrome-extension://<id>/ or, in Firefox, moz-extension://<uuid>/. */
  extensionOrigin: string;
  settings: () => Promise<Settings>;
  /**
   * Records the numbers a frame shows now (and those of them inside a record with a place); returns
   * every distinct number on the tab (null: unchanged).
   */
  recordFrame: (
    tabId: number,
    frameId: number,
    numbers: string[],
    reset: boolean,
    places?: PlaceOnPage[],
    flagged?: string[],
    records?: RecordOfNumber[],
  ) => Promise<string[] | null>;
  tabNumbers: (tabId: number) => Promise<string[]>;
  /** The tab's numbers that sit in a record with a place (none where the store keeps no places). */
  tabPlaces?: (tabId: number) => Promise<PlaceOnPage[]>;
  /** The tab's numbers whose record on the page flags them do-not-call (none where not given). */
  tabFlagged?: (tabId: number) => Promise<string[]>;
  /** Each of the tab's numbers that sits in a record: its record's id on the tab (none where not given). */
  tabRecords?: (tabId: number) => Promise<Map<string, string>>;
  /** Called after a tab's numbers change, with their classifications (for the toolbar count). */
  tabChanged?: (tabId: number, numbers: Classification[]) => void;
  now?: () => Date;
  /** The company do-not-call list (the agent's import and the administrator's); none when not given. */
  dnc?: () => Promise<{ has(e164: string): boolean }>;
  /** The local consent log (utils/consent-log-store.ts); log-event refuses without it. */
  consentLog?: {
    /** This install's salt for the numbers' hashes. */
    salt: () => Promise<string>;
    /** Stores the entry and forgets entries past the retention. */
    add: (entry: LogEntry, retentionDays: number, now: Date) => Promise<void>;
  };
  /** Keeps a tab's selected number for the side panel (nothing is kept when not given). */
  selectNumber?: (tabId: number, selected: Selected) => Promise<void>;
  /** Opens the call panel beside a tab; must be called before any await (the agent's gesture). */
  openPanel?: (tabId: number, windowId?: number) => void;
  /** The details panel's "where the place came from" words in the browser's language (none when not given). */
  whereText?: WhereText;
  /** The badge sentence's words in the browser's language (English when not given). */
  sentenceText?: SentenceText;
}

type Response = ResponseOf<MessageType> | ErrorResponse;
/** One handler a message type: it validates its own message (the schema is the handler's business). */
type Handler<K extends MessageType> = (
  message: unknown,
  sender: Sender,
  deps: BackgroundDeps,
  now: Date,
) => Promise<ResponseOf<K> | ErrorResponse>;

const SUMMARY_LIMIT = 200;
const NO_LIST = { has: () => false };

/** The answer marked when the number is on the company list. */
function marked<T extends { e164: string | null }>(answer: T, list: { has(e164: string): boolean }): T {
  return answer.e164 !== null && list.has(answer.e164) ? { ...answer, dnc: 'company' } : answer;
}
const STRICTNESS = { 'all-party': 0, unknown: 1, 'one-party': 2 } as const;

function fromExtensionPage(sender: Sender, deps: BackgroundDeps): boolean {
  return sender.id === deps.extensionId && (sender.url ?? '').startsWith(deps.extensionOrigin);
}

/** How the settings classify: the agent's region and policy, the call purpose and the company window. */
function contextOf(settings: Settings, at: Date): ClassifyContext {
  return {
    agentRegion: settings.agentRegion,
    policy: settings.policy,
    at,
    purpose: settings.callPurpose,
    companyWindow: companyWindowMinutes(settings.companyWindow),
  };
}

/**
 * The tab's numbers as the badges answered them: a number inside a record with a place is answered with
 * that place (once per place), any other number plainly.
 */
function tabEntries(
  numbers: readonly string[],
  places: readonly PlaceOnPage[],
  context: ClassifyContext,
): { c: Classification; key: string }[] {
  const shown = new Set(numbers);
  const mine = places.filter((p) => shown.has(p.e164));
  const located = new Set(mine.map((p) => p.e164));
  return [
    ...mine.map((p) => ({
      c: classify(p.e164, { ...context, calleeLocation: { regions: p.regions, text: p.text, source: p.source } }),
      key: `${p.e164}@${p.regions.join('/')}`,
    })),
    ...numbers.filter((n) => !located.has(n)).map((n) => ({ c: classify(n, context), key: n })),
  ];
}

/** One answer per number (the strictest of its places), for the toolbar's count. */
function strictestPerNumber(entries: readonly Classification[]): Classification[] {
  const byNumber = new Map<string, Classification>();
  for (const c of entries) {
    const k = c.e164 ?? c.input;
    const seen = byNumber.get(k);
    if (!seen || (seen.treatAs === 'one-party' && c.treatAs === 'all-party')) byNumber.set(k, c);
  }
  return [...byNumber.values()];
}

const HANDLERS: { [K in MessageType]: Handler<K> } = {
  async 'page-scan'(message, sender, deps, now) {
    const parsed = PageScanBatch.safeParse(message);
    if (!parsed.success) return refusal(parsed.error);
    // A malformed entry is dropped, never the burst: the frame's other numbers still get their badges.
    const lookup = wellFormedNumbers(parsed.data.lookup);
    const present = wellFormedNumbers(parsed.data.present);
    const located = wellFormedLocated(parsed.data.located ?? []);
    const places = wellFormedPlaces(parsed.data.places ?? []);
    const flagged = wellFormedNumbers(parsed.data.flagged ?? []);
    const records = wellFormedRecords(parsed.data.records ?? []);
    const dropped =
      parsed.data.lookup.length -
      lookup.length +
      parsed.data.present.length -
      present.length +
      (parsed.data.located?.length ?? 0) -
      located.length +
      (parsed.data.places?.length ?? 0) -
      places.length +
      (parsed.data.flagged?.length ?? 0) -
      flagged.length +
      (parsed.data.records?.length ?? 0) -
      records.length;
    const tabId = sender.tab?.id;
    if (tabId === undefined || fromExtensionPage(sender, deps)) {
      return { ok: false, error: 'Refused page-scan: it must come from a content script in a tab.' };
    }
    const [settings, list] = await Promise.all([deps.settings(), deps.dnc?.() ?? NO_LIST]);
    const context = contextOf(settings, now);
    const badges = lookup.flatMap((number) => {
      const c = classify(number, context);
      return c.kind === 'invalid' || c.e164 === null
        ? []
        : [marked(badgeInfo({ ...c, e164: c.e164 }, deps.sentenceText), list)];
    });
    // Numbers in a record that names a place: answered with that place (the key it was asked by comes back).
    for (const { e164, regions } of located) {
      const c = classify(e164, { ...context, calleeLocation: { regions } });
      if (c.kind === 'invalid' || c.e164 === null) continue;
      badges.push(
        marked({ ...badgeInfo({ ...c, e164: c.e164 }, deps.sentenceText), locationKey: regions.join('/') }, list),
      );
    }
    // The tab's summary and toolbar count are kept on the side and never awaited: a slow or failed
    // storage write must not cost the frame its badges (issue #18 item 2).
    deps
      .recordFrame(tabId, sender.frameId ?? 0, present, parsed.data.reset ?? false, places, flagged, records)
      .then(async (all) => {
        if (all && deps.tabChanged) {
          const entries = tabEntries(all, (await deps.tabPlaces?.(tabId)) ?? [], context);
          deps.tabChanged(tabId, strictestPerNumber(entries.map((e) => e.c)));
        }
      })
      .catch((error) => console.error('[Consent Guard] could not record a frame', error));
    return { ok: true, badges, showOneParty: settings.badgeOneParty, dialCheck: settings.dialCheck, dropped };
  },

  async lookup(message, sender, deps, now) {
    const parsed = Lookup.safeParse(message);
    if (!parsed.success) return refusal(parsed.error);
    const [settings, list] = await Promise.all([deps.settings(), deps.dnc?.() ?? NO_LIST]);
    const context = contextOf(settings, now);
    const locations = parsed.data.locations ?? [];
    // A content script's panel lives in the page: nothing of the agent's may be shown there.
    const forPage = sender.tab?.id !== undefined && !fromExtensionPage(sender, deps);
    return {
      ok: true,
      results: parsed.data.numbers.map((n, i) => {
        const answer = marked(
          answerOf(classify(n, { ...context, calleeLocation: locations[i] ?? null }), settings),
          list,
        );
        if (!forPage) return answer;
        const page = forThePage(answer, settings);
        return deps.whereText ? { ...page, where: whereFrom(page, deps.whereText) } : page;
      }),
    };
  },

  async 'popup-tab-summary'(message, sender, deps, now) {
    const parsed = PopupTabSummary.safeParse(message);
    if (!parsed.success) return refusal(parsed.error);
    if (!fromExtensionPage(sender, deps))
      return { ok: false, error: 'Refused popup-tab-summary: only the popup may ask.' };
    const [settings, list] = await Promise.all([deps.settings(), deps.dnc?.() ?? NO_LIST]);
    const context = contextOf(settings, now);
    const tabId = parsed.data.tabId;
    const flagged = new Set((await deps.tabFlagged?.(tabId)) ?? []);
    // Which record on the page each entry sits in (the side panel groups a record's numbers).
    const records = (await deps.tabRecords?.(tabId)) ?? new Map<string, string>();
    const rank = (c: Classification) => STRICTNESS[c.requirement === 'unknown' ? 'unknown' : c.treatAs];
    const numbers = tabEntries(await deps.tabNumbers(tabId), (await deps.tabPlaces?.(tabId)) ?? [], context)
      .filter((e) => e.c.kind !== 'invalid')
      .sort((a, b) => rank(a.c) - rank(b.c));
    return {
      ok: true,
      total: numbers.length,
      numbers: numbers.slice(0, SUMMARY_LIMIT).map(({ c, key }) => {
        const answer = marked(answerOf(c, settings), list);
        const record = records.get(key);
        // A record's flag as the page read it (the company list's comes first).
        const dnc = !answer.dnc && answer.e164 !== null && flagged.has(answer.e164) ? { dnc: 'record' as const } : {};
        return { ...answer, ...dnc, ...(record ? { record } : {}) };
      }),
    };
  },

  async 'log-event'(message, _sender, deps, now) {
    const parsed = LogEvent.safeParse(message);
    if (!parsed.success) return refusal(parsed.error);
    if (!deps.consentLog) return { ok: false, error: 'The consent log is not available here.' };
    const settings = await deps.settings();
    if (!settings.consentLog.enabled) return { ok: true, id: null };
    const event = parsed.data;
    const regions = event.locationRegions;
    const c = classify(event.e164, { ...contextOf(settings, now), calleeLocation: regions ? { regions } : null });
    const entry = makeEntry(event, c, settings, await deps.consentLog.salt(), now, entryId(now));
    await deps.consentLog.add(entry, settings.consentLog.retentionDays, now);
    return { ok: true, id: entry.id };
  },

  async 'number-selected'(message, sender, deps, now) {
    const parsed = NumberSelected.safeParse(message);
    if (!parsed.success) return refusal(parsed.error);
    const { e164, how, tabId: named } = parsed.data;
    const fromPage = fromExtensionPage(sender, deps);
    // A content script speaks for its own tab only; the side panel (no tab) names the one it shows.
    const tabId = fromPage ? named : named === undefined ? sender.tab?.id : undefined;
    if (tabId === undefined || (fromPage && how !== 'panel')) {
      return { ok: false, error: 'Refused number-selected: a content script names no tab; the side panel names one.' };
    }
    await keepSelected(deps, tabId, { number: e164, how, at: now.getTime() });
    return { ok: true };
  },

  // Not async: the panel must open in the same task as the agent's click (the browser's gesture rule).
  'open-side-panel'(message, sender, deps) {
    const parsed = OpenSidePanel.safeParse(message);
    if (!parsed.success) return Promise.resolve(refusal(parsed.error));
    const tabId = sender.tab?.id;
    if (tabId === undefined || fromExtensionPage(sender, deps)) {
      return Promise.resolve({
        ok: false,
        error: 'Refused open-side-panel: it must come from a content script in a tab.',
      });
    }
    deps.openPanel?.(tabId, sender.tab?.windowId);
    return Promise.resolve({ ok: true });
  },
};

/** Keeps what was selected, never awaited by the sender's UI beyond the write. */
async function keepSelected(deps: BackgroundDeps, tabId: number, selected: Selected): Promise<void> {
  try {
    await deps.selectNumber?.(tabId, selected);
  } catch (error) {
    console.error('[Consent Guard] could not keep the selected number', error);
  }
}

export async function handleMessage(message: unknown, sender: Sender, deps: BackgroundDeps): Promise<Response> {
  // runtime.onMessage only hears the extension's own contexts; a message carrying another id is forged.
  if (sender.id !== deps.extensionId) return { ok: false, error: 'Refused a message from outside the extension.' };
  const type = (message as { type?: unknown } | null)?.type;
  // Own keys only: a type such as "constructor" or "__proto__" is no handler.
  if (typeof type !== 'string' || !Object.hasOwn(HANDLERS, type)) {
    return { ok: false, error: `Refused a message of unknown type ${JSON.stringify(String(type)).slice(0, 40)}.` };
  }
  return HANDLERS[type as MessageType](message, sender, deps, deps.now?.() ?? new Date());
}
