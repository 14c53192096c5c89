/**
 * The answer client of the page engine: which numbers the page shows (answer keys and their
 * badges), one message per burst to the background, and each answer applied to its badges. It
 * knows nothing of the DOM around the badges: the badge layer shows them, the engine places them.
 */
import { MAX_PAGE_NUMBERS } from '../protocol/constants';
import type { BadgeInfo, Located, PageScan, PageScanResponse, PlaceOnPage, RecordOfNumber } from '../protocol/messages';
import type { DialCheck } from '../settings';
import { SLICE_MS, yieldToPage } from './yield';

export interface AnswerClientDeps {
  /** Sends one burst to the background. */
  send: (message: PageScan) => Promise<PageScanResponse | undefined>;
  /** Shows an answer on one badge (its attributes now, its words in a frame). */
  show: (badge: HTMLElement, info: BadgeInfo, visible: boolean) => void;
  /** Takes a badge away: its number is no number (the background refused it). */
  drop: (badge: HTMLElement) => void;
  /** The record place a badge was answered with (the tab's summary lists it with the record's words). */
  placeOf?: (badge: HTMLElement) => { regions: string[]; text: string; source: PlaceOnPage['source'] } | undefined;
  /** The id of the record the badge sits in, if any (the tab's summary groups a record's numbers). */
  recordOf?: (badge: HTMLElement) => string | undefined;
  /** The badge's record flags its number do-not-call (fixed for the badge's life: a changed flag is a new badge). */
  flagged?: (badge: HTMLElement) => boolean;
  onError?: (error: unknown) => void;
}

/**
 * A failed page-scan (the worker restarting, say) is asked again after RETRY_MS, doubled each time
 * up to RETRY_MAX_MS, at most MAX_RETRIES times in a row (a change on the page starts again).
 */
const RETRY_MS = 250;
const RETRY_MAX_MS = 8000;
const MAX_RETRIES = 10;

/** An answer's key: `+12125550134`, or `+12125550134@CA` for a number whose record names California. */
export function answerKey(e164: string, regions?: readonly string[] | string | null): string {
  const where = typeof regions === 'string' ? regions : regions?.join('/');
  return where ? `${e164}@${where}` : e164;
}

const e164Of = (key: string) => {
  const at = key.indexOf('@');
  return at < 0 ? key : key.slice(0, at);
};

export class AnswerClient {
  private readonly byKey = new Map<string, Set<HTMLElement>>();
  /** How many of each number's badges are on the page, in the order they came: the tab's summary. */
  private readonly present = new Map<string, number>();
  private presentVersion = 0;
  /** How many badges of each number sit in a record flagged do-not-call (the tab's summary). */
  private readonly flaggedPresent = new Map<string, number>();
  private reportedVersion = -1;
  /** Answer keys on the page never asked for yet. */
  private readonly pending = new Set<string>();
  private readonly infos = new Map<string, BadgeInfo>();
  private readonly requested = new Set<string>();
  /** Numbers the background refused (an unassigned area code): never badged. */
  private readonly notNumbers = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private firstReport = true;
  private showOneParty = true;
  /** The dial check's setting, as the background last said. */
  dialCheck: DialCheck = 'risky';

  constructor(
    private readonly deps: AnswerClientDeps,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.retryTimer), { once: true });
  }

  /** A number the background refused: not badged again. */
  refused(e164: string): boolean {
    return this.notNumbers.has(e164);
  }

  /** A badge now shows `key`: it gets the answer if there is one, and the key is asked for if not. */
  track(key: string, badge: HTMLElement) {
    let set = this.byKey.get(key);
    if (!set) {
      set = new Set();
      this.byKey.set(key, set);
      if (!this.infos.has(key) && !this.requested.has(key)) this.pending.add(key);
    }
    set.add(badge);
    const e164 = e164Of(key);
    const count = this.present.get(e164) ?? 0;
    this.present.set(e164, count + 1);
    if (count === 0) this.presentVersion++;
    if (this.deps.flagged?.(badge)) this.countFlag(e164, 1);
    const info = this.infos.get(key);
    if (info) this.showOn(badge, info);
  }

  private countFlag(e164: string, delta: 1 | -1) {
    const count = (this.flaggedPresent.get(e164) ?? 0) + delta;
    if (count > 0) this.flaggedPresent.set(e164, count);
    else this.flaggedPresent.delete(e164);
    if (count === 0 || (count === 1 && delta === 1)) this.presentVersion++;
  }

  /** One badge's answer: a record's do-not-call flag is the page's to add (the company list's comes first). */
  private showOn(badge: HTMLElement, info: BadgeInfo) {
    const shown = !info.dnc && this.deps.flagged?.(badge) ? { ...info, dnc: 'record' as const } : info;
    this.deps.show(badge, shown, this.visible(shown));
  }

  /** The badge is gone. */
  untrack(key: string, badge: HTMLElement) {
    const set = this.byKey.get(key);
    if (!set?.delete(badge)) return;
    if (set.size === 0) {
      this.byKey.delete(key);
      this.pending.delete(key);
    }
    const e164 = e164Of(key);
    if (this.deps.flagged?.(badge)) this.countFlag(e164, -1);
    const count = (this.present.get(e164) ?? 1) - 1;
    if (count > 0) this.present.set(e164, count);
    else {
      this.present.delete(e164);
      this.presentVersion++;
    }
  }

  /** Settings changed: every answer is asked again. */
  refresh() {
    this.infos.clear();
    this.requested.clear();
    for (const key of this.byKey.keys()) this.pending.add(key);
    this.reportedVersion = -1;
    this.report().catch((error) => this.deps.onError?.(error));
  }

  /** The numbers the frame shows, the first MAX_PAGE_NUMBERS (the tab's summary holds no more). */
  private shownNumbers(): string[] {
    // Never a copy of every number: on a page of 50,000 a report costs at most MAX_PAGE_NUMBERS.
    const shown: string[] = [];
    for (const e164 of this.present.keys()) {
      if (shown.length >= MAX_PAGE_NUMBERS) break;
      shown.push(e164);
    }
    return shown;
  }

  /**
   * With one-party badges off, a one-party number still shows when there is something to do: a notice
   * the law asks for (Canada), calling hours that are closed now, or a do-not-call mark.
   */
  private visible(info: BadgeInfo): boolean {
    return (
      this.showOneParty ||
      info.consent !== 'one-party' ||
      info.notice === true ||
      info.calling?.allowed === false ||
      info.dnc !== undefined
    );
  }

  /**
   * For the tab's summary (each at most MAX_PAGE_NUMBERS): the located numbers the frame shows with
   * their record's words, and the numbers that sit in a record with its id (the first badge's).
   */
  private placesOf(): { places: PlaceOnPage[]; records: RecordOfNumber[] } {
    const places: PlaceOnPage[] = [];
    const records: RecordOfNumber[] = [];
    const { placeOf, recordOf } = this.deps;
    for (const [key, badges] of this.byKey) {
      if (records.length >= MAX_PAGE_NUMBERS && places.length >= MAX_PAGE_NUMBERS) break;
      const badge = badges.values().next().value;
      if (!badge) continue;
      const record = recordOf?.(badge);
      const e164 = e164Of(key);
      if (record && records.length < MAX_PAGE_NUMBERS) records.push({ e164, record });
      const place = key.includes('@') && places.length < MAX_PAGE_NUMBERS ? placeOf?.(badge) : undefined;
      if (place)
        places.push({
          e164,
          regions: place.regions,
          text: place.text.slice(0, 200),
          source: place.source,
          ...(record ? { record } : {}),
        });
    }
    return { places, records };
  }

  /**
   * One message for the burst: the numbers never answered, and all the frame shows now. A page
   * may show more numbers than one message may carry (MAX_PAGE_NUMBERS): those are asked in turn.
   */
  async report(retry = false) {
    // Kept up to date as badges come and go: a report costs what changed, not what the page holds.
    const lookup = [...this.pending];
    if (lookup.length === 0 && this.presentVersion === this.reportedVersion && !this.firstReport) return;
    this.reportedVersion = this.presentVersion;
    for (const k of lookup) this.requested.add(k);
    this.pending.clear();
    const reset = this.firstReport;
    this.firstReport = false;
    // The tab's summary and toolbar count hold at most MAX_PAGE_NUMBERS numbers of a frame.
    const shown = this.shownNumbers();
    const { places, records } = this.placesOf();
    const flagged = shown.filter((e164) => this.flaggedPresent.has(e164));
    for (let start = 0; start === 0 || start < lookup.length; start += MAX_PAGE_NUMBERS) {
      const chunk = lookup.length > MAX_PAGE_NUMBERS ? lookup.slice(start, start + MAX_PAGE_NUMBERS) : lookup;
      const plain: string[] = [];
      const located: Located[] = [];
      for (const k of chunk) {
        const at = k.indexOf('@');
        if (at < 0) plain.push(k);
        else located.push({ e164: k.slice(0, at), regions: k.slice(at + 1).split('/') });
      }
      const response = await this.deps
        .send({
          type: 'page-scan',
          lookup: plain,
          present: shown,
          ...(reset && start === 0 ? { reset } : {}),
          ...(located.length > 0 ? { located } : {}),
          ...(places.length > 0 ? { places } : {}),
          ...(flagged.length > 0 ? { flagged } : {}),
          ...(records.length > 0 ? { records } : {}),
        })
        .catch((error) => this.deps.onError?.(error));
      if (this.signal.aborted) return;
      if (!response?.ok) {
        for (const k of lookup.slice(start)) {
          this.requested.delete(k);
          if (this.byKey.has(k) && !this.infos.has(k)) this.pending.add(k);
        }
        if (reset && start === 0) this.firstReport = true;
        this.reportedVersion = -1;
        if (!retry) this.retries = 0;
        this.retrySoon();
        return;
      }
      this.retries = 0;
      // What the background did not answer is no number (an area code not in service): its hidden
      // badges go, and it is not badged again.
      const answered = new Set(response.badges.map((b) => answerKey(b.e164, b.locationKey)));
      for (const k of chunk) if (!answered.has(k)) this.dropNumber(e164Of(k));
      // Shown as each answer comes: on a page of 50,000 numbers the first are up well before the last.
      await this.apply(response);
      if (this.signal.aborted) return;
    }
  }

  /** No answer (a worker stopped mid-request, say): the same report again, later each time. */
  private retrySoon() {
    if (this.retryTimer !== undefined || this.signal.aborted || this.retries >= MAX_RETRIES) return;
    const delay = Math.min(RETRY_MS * 2 ** this.retries, RETRY_MAX_MS);
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.report(true).catch((error) => this.deps.onError?.(error));
    }, delay);
  }

  private dropNumber(e164: string) {
    this.notNumbers.add(e164);
    for (const key of [...this.byKey.keys()]) {
      if (e164Of(key) !== e164) continue;
      this.requested.delete(key);
      this.pending.delete(key);
      for (const badge of [...(this.byKey.get(key) ?? [])]) {
        this.untrack(key, badge);
        this.deps.drop(badge);
      }
    }
  }

  /** Every answer for `e164` (one per record place), and whether a record on the page flags it do-not-call. */
  dialFacts(e164: string): { infos: BadgeInfo[]; flagged: boolean; setting: DialCheck } {
    const infos = [...this.infos].filter(([key]) => e164Of(key) === e164).map(([, info]) => info);
    return { infos, flagged: (this.flaggedPresent.get(e164) ?? 0) > 0, setting: this.dialCheck };
  }

  private async apply(response: Extract<PageScanResponse, { ok: true }>) {
    const visibilityChanged = response.showOneParty !== this.showOneParty;
    this.showOneParty = response.showOneParty;
    this.dialCheck = response.dialCheck ?? 'risky';
    const answered: string[] = [];
    for (const info of response.badges) {
      const key = answerKey(info.e164, info.locationKey);
      this.infos.set(key, info);
      this.requested.delete(key);
      answered.push(key);
    }
    const apply = visibilityChanged ? [...this.byKey.keys()] : answered;
    // Attributes now (hidden placeholders: no layout), in slices; words and visibility in a frame's batch.
    let deadline = performance.now() + SLICE_MS;
    for (const key of apply) {
      const info = this.infos.get(key);
      if (!info) continue;
      for (const badge of this.byKey.get(key) ?? []) this.showOn(badge, info);
      if (performance.now() > deadline) {
        await yieldToPage();
        if (this.signal.aborted) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
  }
}
