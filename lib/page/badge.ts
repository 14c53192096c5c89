/**
 * The badge beside a number: a tiny element of our own whose shadow root adopts one shared
 * stylesheet, so the CRM's CSS neither leaks in nor costs a fetch per badge. It starts as a light
 * placeholder (the element and its attributes) and gets its shadow root and words when it is first
 * seen. Page text only ever reaches it through textContent and attributes: it is data, never markup.
 */
import type { BadgeCalling, BadgeInfo } from '../protocol/messages';
import type { PageText, PageTextKey } from './text';

export const BADGE_TAG = 'consent-guard-badge';

/** The badge's styles, minified by hand (the content script's size is budgeted). */
const BADGE_CSS =
  ':host{all:initial!important;display:inline-block!important;margin:0 0 0 .35em!important;vertical-align:baseline!important}' +
  ':host([hidden]){display:none!important}' +
  'button{all:unset;cursor:pointer;box-sizing:border-box;font:600 11px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:.01em;padding:0 .55em;border-radius:999px;border:1px solid transparent;white-space:nowrap}' +
  'button:focus-visible{outline:2px solid #1d4ed8;outline-offset:1px}' +
  ':host([data-consent="all-party"]) button{background:#fee4e2;color:#7a271a;border-color:#fda29b}' +
  ':host([data-consent="unknown"]) button{background:#fef0c7;color:#7a2e0e;border-color:#fec84b}' +
  ':host([data-consent="one-party"]) button{background:#d1fadf;color:#054f31;border-color:#6ce9a6}' +
  ':host([data-consent-dnc]) button{background:#1d2939;color:#fff;border-color:#1d2939}' +
  '.dnc{font-weight:700}' +
  '.mark{margin-right:.3em}' +
  '.hours{font-weight:700;text-decoration:underline dotted}';

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
 * Each filled badge's button, in its closed shadow root: the page cannot reach into it (`host.shadowRoot`
 * is null for the page), so it can neither read the panel's opener nor click inside it.
 */
const buttons = new WeakMap<HTMLElement, HTMLButtonElement>();

/** The button of one of our filled badges (null for a placeholder or anything else, a page-made look-alike included). */
export function badgeButton(host: Element): HTMLButtonElement | null {
  return buttons.get(host as HTMLElement) ?? null;
}

/**
 * A light placeholder: the element and its number, hidden, no shadow root yet. On a page of 50,000
 * numbers most badges are never seen; they cost one element each until they come near the viewport
 * (fillBadge).
 */
export function createBadge(doc: Document, e164: string): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-consent-number', e164);
  host.hidden = true; // shown once the background has answered and it is near the viewport
  return host;
}

/** The badge's shadow root and button, made the first time it is filled. */
function buttonOf(host: HTMLElement): HTMLButtonElement {
  const known = buttons.get(host);
  if (known) return known;
  const doc = host.ownerDocument;
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
  return button;
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

/**
 * The answer's attributes (the public data-consent-* contract), set at once whether or not the badge
 * is filled yet: cheap, and on a hidden placeholder no layout.
 */
export function setBadgeAnswer(host: HTMLElement, info: BadgeInfo) {
  setAttr(host, 'data-consent', info.consent);
  setAttr(host, 'data-consent-calling', callingState(info.calling));
  // Present only when the answer used the callee's record location: that region's code.
  setAttr(host, 'data-consent-location', info.location || null);
  setAttr(host, 'data-consent-ambiguous', info.ambiguous ? 'true' : null);
  // Present only when the number must not be called: `company` (the company list) or `record`.
  setAttr(host, 'data-consent-dnc', info.dnc ?? null);
}

/** Writes an attribute only when it changes: an unchanged write still costs a style invalidation. */
function setAttr(host: HTMLElement, name: string, value: string | null) {
  if (host.getAttribute(name) === value) return;
  if (value === null) host.removeAttribute(name);
  else host.setAttribute(name, value);
}

/** Fills in the answer: colour and words (never colour alone), and the full sentence for screen readers. */
export function fillBadge(host: HTMLElement, info: BadgeInfo, t: PageText) {
  const button = buttonOf(host);
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
  const lead: Node[] = [mark];
  if (info.dnc) {
    const dnc = host.ownerDocument.createElement('span');
    dnc.className = 'dnc';
    dnc.textContent = `${t(DNC_WORDS[info.dnc])} · `;
    lead.push(dnc);
  }
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
