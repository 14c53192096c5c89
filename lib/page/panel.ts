/**
 * The one details panel of a page: opened from a badge, it shows the requirement, why, the local
 * time and calling window, and copies the disclaimer. Plain DOM in a shadow root; text only.
 */
import { durationText } from '../law/duration';
import type { Answer, CallingHoursAnswer } from '../protocol/messages';
import { badgeButton } from './badge';
import { copyText } from './copy';
import { BOX_CSS, el, headline } from './overlay';
import type { PageText, PageTextKey } from './text';

const PANEL_TAG = 'consent-guard-panel';

const PANEL_CSS = `${BOX_CSS}
:host{all:initial !important;position:absolute !important;z-index:2147483647 !important}
.panel{width:340px;padding:12px 14px}
ul{margin:0 0 8px;padding-left:18px}
li{margin:2px 0}
blockquote{margin:0 0 8px;padding:6px 8px;background:#f2f4f7;border-radius:6px}
.hours{border-left:3px solid #98a2b3;padding-left:8px;margin:0 0 8px}
.hours[data-calling="closed"],.hours[data-calling="partly"]{border-left-color:#b42318}
.hours-headline{font-weight:600;margin:0 0 4px}
.close{position:absolute;top:8px;right:8px;border:none;font-size:16px;line-height:1;padding:2px 6px}
.status{margin-left:8px;color:#027a48}
.side{display:block;margin-top:8px}
@media (prefers-color-scheme:dark){blockquote{background:#344054}.status{color:#6ce9a6}}
`;

function windowKey(w: Answer['inCallingWindow']): PageTextKey {
  if (w === true) return 'panelWindowIn';
  if (w === false) return 'panelWindowOut';
  if (w === 'partly') return 'panelWindowPartly';
  return 'panelWindowUnknown';
}

/** The headline of calling hours: open until, closed until (and how long), not clear, or information only. */
function hoursHeadline(h: CallingHoursAnswer, t: PageText): string | null {
  if (h.allowed === null) return null;
  if (!h.binding && h.allowed === true) return t('panelHoursInfo', h.window ?? '');
  if (h.allowed === 'partly')
    return t('panelHoursPartly', h.zones.map((z) => `${z.localTime} ${z.zoneName}`).join(', '));
  if (h.allowed === false) {
    return h.opensAtLocal && h.opensInMinutes !== null
      ? t('panelHoursClosed', h.opensAtLocal, durationText(h.opensInMinutes))
      : t('panelHoursClosedNoOpen');
  }
  return h.closesAtLocal && h.closesInMinutes !== null
    ? t('panelHoursOpen', h.closesAtLocal, durationText(h.closesInMinutes))
    : null;
}

/** Calling hours in the panel: the headline, the rule that decided, why, and the notes (call caps, confidence). */
function hoursBlock(doc: Document, h: CallingHoursAnswer, t: PageText): HTMLElement | null {
  const headline = hoursHeadline(h, t);
  if (!headline) return null;
  const box = el(doc, 'div', undefined, 'hours');
  box.setAttribute(
    'data-calling',
    h.allowed === true ? (h.binding ? 'open' : 'info') : String(h.allowed === false ? 'closed' : h.allowed),
  );
  box.append(el(doc, 'p', headline, 'hours-headline'));
  if (h.decidedByName && h.binding) {
    const cite = h.decidedByCitation ?? h.citations.join('; ');
    box.append(el(doc, 'p', t('panelHoursRule', h.decidedByName, cite), 'meta'));
  }
  const why = el(doc, 'ul');
  for (const line of [...h.reasons, ...h.notes]) why.append(el(doc, 'li', line));
  box.append(why);
  if (h.confidence !== 'confirmed') box.append(el(doc, 'p', t('panelHoursUnsure'), 'meta'));
  return box;
}

/** What the agent's clicks in the panel tell the extension (fire and forget). */
export interface PanelActs {
  /** The disclaimer was copied (the consent log: 'copied', source 'badge'). */
  copied?: (answer: Answer) => void;
  /** "Open the call panel": the background opens it; sent inside the click, which the browser requires. */
  openSide?: () => void;
}

interface Panel {
  /** Shows the panel under `badge`, with what `ask` answers. */
  open(badge: HTMLElement, ask: () => Promise<Answer | null>): Promise<void>;
  close(): void;
  remove(): void;
}

export function createPanel(doc: Document, t: PageText, acts: PanelActs = {}): Panel {
  let host: HTMLElement | null = null;
  let opener: HTMLElement | null = null;

  // Only the agent's own keys and clicks act: a page's synthetic events (isTrusted false) do nothing.
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape') panel.close();
  };
  const onOutside = (event: Event) => {
    if (
      event.isTrusted &&
      host &&
      !event.composedPath().includes(host) &&
      !(opener && event.composedPath().includes(opener))
    )
      panel.close();
  };

  const panel: Panel = {
    // Not named `load`: WXT's auto-import took a free-looking `load()` here for utils/settings-store's
    // and bundled the settings store and zod into the content script (+25 KB).
    async open(badge, ask) {
      panel.close();
      opener = badge;
      host = doc.createElement(PANEL_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const style = el(doc, 'style', PANEL_CSS);
      const box = el(doc, 'div', undefined, 'box panel');
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-label', t('panelLabel'));
      box.tabIndex = -1;
      box.append(el(doc, 'p', t('panelChecking'), 'meta'));
      root.append(style, box);
      const rect = badge.getBoundingClientRect();
      const view = doc.defaultView;
      host.style.setProperty('top', `${rect.bottom + (view?.scrollY ?? 0) + 4}px`, 'important');
      host.style.setProperty('left', `${Math.max(8, rect.left + (view?.scrollX ?? 0) - 8)}px`, 'important');
      doc.documentElement.append(host);
      doc.addEventListener('keydown', onKey, true);
      doc.addEventListener('mousedown', onOutside, true);

      const answer = await ask().catch(() => null);
      if (!host || !answer) {
        box.replaceChildren(el(doc, 'p', t('panelFailed'), 'meta'));
        return;
      }
      const consent = answer.requirement === 'unknown' ? 'unknown' : answer.treatAs;
      box.className = `box panel ${consent}`;
      const close = el(doc, 'button', '×', 'close');
      close.setAttribute('aria-label', t('panelClose'));
      close.addEventListener('click', (event) => {
        if (event.isTrusted) panel.close();
      });
      const reasons = el(doc, 'ul');
      for (const reason of answer.reasons) reasons.append(el(doc, 'li', reason));
      const where = answer.localTime ? t('panelLocalTime', answer.localTime, t(windowKey(answer.inCallingWindow))) : '';
      const hours = answer.callingHours ? hoursBlock(doc, answer.callingHours, t) : null;
      const law = answer.rules[0];
      const cite = answer.citations.length
        ? `${answer.citations[0]}${law ? ` (${t('panelAsOf', law.asOf)})` : ''}`
        : '';
      const copy = el(doc, 'button', t('panelCopy'), 'primary');
      const status = el(doc, 'span', '', 'status');
      status.setAttribute('aria-live', 'polite');
      // The page's copy shows placeholders for the agent's name and company; the clipboard gets the
      // full text, which is never written to the page (lib/law/page-answer.ts).
      const full = answer.copyText ?? answer.disclaimer;
      copy.addEventListener('click', async (event) => {
        if (!event.isTrusted) return;
        status.textContent = '';
        const outcome = await copyText({ root, doc }, full);
        status.textContent = t(outcome === 'copied' ? 'panelCopied' : 'panelCopyRefused');
        status.dataset.outcome = outcome;
        if (outcome === 'copied') acts.copied?.(answer);
      });
      const side = el(doc, 'button', t('openSidePanel'), 'side');
      side.addEventListener('click', (event) => {
        if (event.isTrusted) acts.openSide?.();
      });
      box.replaceChildren(
        close,
        el(doc, 'h2', `${headline(consent, t)}${answer.ambiguous ? ` ${t('panelUnsettled')}` : ''}`),
        ...(answer.dnc ? [el(doc, 'p', t(answer.dnc === 'company' ? 'dncCompany' : 'dncRecord'), 'dnc')] : []),
        el(doc, 'p', `${answer.e164 ?? answer.input} · ${answer.place}`, 'meta'),
        // Where the place came from and which rule won: worded by the background (lib/law/location-summary.ts).
        ...(answer.where ? [el(doc, 'p', answer.where, 'meta where')] : []),
        reasons,
        ...(where ? [el(doc, 'p', where, 'meta')] : []),
        ...(hours ? [hours] : []),
        ...(cite ? [el(doc, 'p', cite, 'meta')] : []),
        // Start recording, then read; after a no, stop and go on without it (issue #12).
        ...(answer.action === 'do-not-record'
          ? []
          : [el(doc, 'p', t(answer.action === 'announce' ? 'panelHowToAnnounce' : 'panelHowToAsk'), 'meta')]),
        el(doc, 'blockquote', answer.disclaimer),
        copy,
        status,
        ...(acts.openSide ? [side] : []),
      );
      box.focus();
    },
    close() {
      if (!host) return;
      host.remove();
      host = null;
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('mousedown', onOutside, true);
      const focusBack = opener ? badgeButton(opener) : null;
      opener = null;
      focusBack?.focus();
    },
    remove() {
      panel.close();
    },
  };
  return panel;
}
