/**
 * The badge beside a number: a tiny element of our own whose shadow root adopts one shared
 * stylesheet, so the CRM's CSS neither leaks in nor costs a fetch per badge. Page text only ever
 * reaches it through textContent and attributes: it is data, never markup.
 */
import type { BadgeCalling, BadgeInfo } from '../protocol/messages';
import type { PageText, PageTextKey } from './text';

const BADGE_TAG = 'consent-guard-badge';

const BADGE_CSS = `
:host{all:initial !important;display:inline-block !important;margin:0 0 0 0.35em !important;vertical-align:baseline !important}
:host([hidden]){display:none !important}
button{all:unset;cursor:pointer;box-sizing:border-box;font:600 11px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:0.01em;padding:0 0.55em;border-radius:999px;border:1px solid transparent;white-space:nowrap}
button:focus-visible{outline:2px solid #1d4ed8;outline-offset:1px}
:host([data-consent="all-party"]) button{background:#fee4e2;color:#7a271a;border-color:#fda29b}
:host([data-consent="unknown"]) button{background:#fef0c7;color:#7a2e0e;border-color:#fec84b}
:host([data-consent="one-party"]) button{background:#d1fadf;color:#054f31;border-color:#6ce9a6}
:host([data-consent-dnc]) button{background:#1d2939;color:#fff;border-color:#1d2939}
.dnc{font-weight:700}
.mark{margin-right:0.3em}
.hours{font-weight:700;text-decoration:underline dotted}
`;

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/** One constructed stylesheet per document, shared by every badge (null where unsupported). */
function sheetFor(doc: Document): CSSStyleSheet | null {
  if (!sheets.has(doc)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const View = doc.defaultView as (Window & typeof globalThis) | null;
      sheet = View ? new View.CSSStyleSheet() : null;
      sheet?.replaceSync(BADGE_CSS);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheets.get(doc) ?? null;
}

const MARK: Record<BadgeInfo['consent'], string> = { 'all-party': '●', unknown: '▲', 'one-party': '✓' };
const DNC_WORDS: Record<NonNullable<BadgeInfo['dnc']>, PageTextKey> = {
  company: 'badgeDncCompany',
  record: 'badgeDncRecord',
};
const DNC_SENTENCE: Record<NonNullable<BadgeInfo['dnc']>, PageTextKey> = { company: 'dncCompany', record: 'dncRecord' };

const WORDS: Record<BadgeInfo['consent'], PageTextKey> = {
  'all-party': 'badgeAllParty',
  unknown: 'badgeUnknown',
  'one-party': 'badgeOneParty',
};

/**
 * Each badge's button, in its closed shadow root: the page cannot reach into it (`host.shadowRoot`
 * is null for the page), so it can neither read the panel's opener nor click inside it.
 */
const buttons = new WeakMap<HTMLElement, HTMLButtonElement>();

/** The button of one of our badges (null for anything else, a page-made look-alike included). */
export function badgeButton(host: Element): HTMLButtonElement | null {
  return buttons.get(host as HTMLElement) ?? null;
}

export function createBadge(doc: Document, e164: string): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-consent-number', e164);
  host.hidden = true; // shown once the background has answered
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sheetFor(doc);
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    root.append(style);
  }
  const button = doc.createElement('button');
  button.type = 'button';
  root.append(button);
  buttons.set(host, button);
  return host;
}

/** data-consent-calling: open, closed, partly, info (hours bind no call of this purpose) or unknown. */
export function callingState(c: BadgeCalling | undefined): 'open' | 'closed' | 'partly' | 'info' | 'unknown' {
  if (!c || c.allowed === null) return 'unknown';
  if (!c.binding && c.allowed === true) return 'info';
  return c.allowed === true ? 'open' : c.allowed === false ? 'closed' : 'partly';
}

/** The badge's short word for calling hours: only where calling is not clear now (open says nothing). */
function hoursWord(c: BadgeCalling | undefined, t: PageText): string {
  const state = callingState(c);
  if (state === 'closed') return c?.opensAtLocal ? t('badgeHoursOpens', c.opensAtLocal) : t('badgeHoursClosed');
  return state === 'partly' ? t('badgeHoursPartly') : '';
}

/** The calling-hours part of the badge's sentence, for screen readers and the tooltip. */
function hoursSentence(c: BadgeCalling | undefined, t: PageText): string {
  const state = callingState(c);
  if (state === 'closed') {
    return ` ${c?.opensAtLocal ? t('badgeHoursClosedSentence', c.opensAtLocal) : t('badgeHoursClosedNoOpen')}`;
  }
  if (state === 'partly') return ` ${t('badgeHoursPartlySentence')}`;
  if (state === 'open' && c?.closesAtLocal) return ` ${t('badgeHoursOpenSentence', c.closesAtLocal)}`;
  return '';
}

/** Fills in the answer: colour and words (never colour alone), and the full sentence for screen readers. */
export function updateBadge(host: HTMLElement, info: BadgeInfo, visible: boolean, t: PageText) {
  host.setAttribute('data-consent', info.consent);
  host.setAttribute('data-consent-calling', callingState(info.calling));
  // Present only when the answer used the callee's record location: that region's code.
  if (info.location) host.setAttribute('data-consent-location', info.location);
  else host.removeAttribute('data-consent-location');
  // Present only when the number must not be called: `company` (the company list) or `record`.
  if (info.dnc) host.setAttribute('data-consent-dnc', info.dnc);
  else host.removeAttribute('data-consent-dnc');
  if (info.ambiguous) host.setAttribute('data-consent-ambiguous', 'true');
  else host.removeAttribute('data-consent-ambiguous');
  const button = buttons.get(host);
  if (button) {
    const mark = host.ownerDocument.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = info.dnc ? '⊘' : MARK[info.consent];
    const hours = hoursWord(info.calling, t);
    const where = !info.location
      ? info.place
      : info.location === info.place
        ? t('badgeRecordSame', info.place)
        : t('badgeRecord', info.location, info.place);
    const words = `${where} · ${t(WORDS[info.consent])}${info.ambiguous ? '*' : ''}`;
    // Do not call comes first, in words: it outranks every consent rule.
    const dnc = info.dnc ? host.ownerDocument.createElement('span') : null;
    if (dnc && info.dnc) {
      dnc.className = 'dnc';
      dnc.textContent = `${t(DNC_WORDS[info.dnc])} · `;
    }
    const lead = dnc ? [mark, dnc] : [mark];
    if (hours) {
      const word = host.ownerDocument.createElement('span');
      word.className = 'hours';
      word.textContent = hours;
      button.replaceChildren(...lead, `${words} · `, word);
    } else button.replaceChildren(...lead, words);
    const sentence = `${info.dnc ? `${t(DNC_SENTENCE[info.dnc])} ` : ''}${info.sentence}${hoursSentence(info.calling, t)}`;
    button.setAttribute('aria-label', `${sentence} ${t('badgeOpenDetails')}`);
    button.title = sentence;
  }
  host.hidden = !visible;
}
