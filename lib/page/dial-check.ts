/**
 * The dial check (issue #15 item 2): a click on a tel: or callto: link that needs it (dial-need.ts)
 * is held, and a small confirmation shows beside the link in a closed shadow root: the rule, the
 * hours, the first sentence to read, Call and Cancel (and, for a do-not-call number, a tick that must
 * be set first). Call lets the page's own handlers and the browser's default go on exactly once (the
 * link is clicked again, and that one click passes); Cancel stops it. Only the agent's own clicks are
 * held (isTrusted); a click the page already cancelled before us is the page's and is left alone (so
 * its handler never runs twice), as is every click that is not on a tel:/callto: link.
 */
import type { Answer, BadgeInfo } from '../protocol/messages';
import { type DialNeed, dialTarget, firstSentence } from './dial-need';
import { BOX_CSS, besideRect, headline, el as make } from './overlay';
import type { PageText } from './text';

const CSS = `${BOX_CSS}
:host{all:initial !important}
.box{position:absolute;z-index:2147483647;width:300px;padding:10px 12px}
p{margin:0 0 6px}
.closed{color:#b42318;font-weight:600}
label{display:flex;gap:6px;margin:0 0 8px;font-weight:600}
`;

export interface DialDeps {
  text: PageText;
  /** The E.164 number a tel: address's number text dials, or null. */
  numberOf: (raw: string) => string | null;
  /** Whether a dial of `e164` (null: not a number we read) asks first, and its badge answer if any. */
  need: (e164: string | null) => { need: DialNeed; info?: BadgeInfo | undefined };
  /** The full answer, for the first sentence to read. */
  details: (e164: string) => Promise<Answer | null>;
  /** The agent clicked a tel:/callto: link that dials without asking (number-selected, how 'click'). */
  clicked: (e164: string) => void;
  /** The agent pressed Call or Cancel. */
  outcome: (e164: string | null, outcome: 'dialled' | 'dial-cancelled') => void;
}

interface Open {
  link: HTMLElement;
  host: HTMLElement;
  box: HTMLElement;
  e164: string | null;
}

/** The tel:/callto: link a click is on (the nearest link of its path), or null. */
function dialLink(event: Event): { link: HTMLElement; raw: string } | null {
  for (const node of event.composedPath()) {
    const tag = (node as Element).tagName?.toUpperCase();
    if (tag !== 'A' && tag !== 'AREA') continue;
    const raw = dialTarget((node as Element).getAttribute('href') ?? '');
    return raw === null ? null : { link: node as HTMLElement, raw };
  }
  return null;
}

export function watchDials(doc: Document, deps: DialDeps, signal: AbortSignal): void {
  const view = doc.defaultView;
  if (!view) return;
  const t = deps.text;
  let open: Open | null = null;
  /** The link whose click we let through now (Call): that one click passes. */
  let passing: HTMLElement | null = null;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) =>
    make(doc, tag, text, className);

  const close = () => {
    if (!open) return;
    const { link, host } = open;
    open = null;
    host.remove();
    link.focus();
  };
  const finish = (e164: string | null, outcome: 'dialled' | 'dial-cancelled') => {
    const link = open?.link;
    close();
    if (outcome === 'dialled' && link) {
      passing = link;
      try {
        link.click();
      } finally {
        passing = null;
      }
    }
    deps.outcome(e164, outcome);
  };

  const show = (link: HTMLElement, e164: string | null, need: DialNeed, info: BadgeInfo | undefined) => {
    const host = doc.createElement('consent-guard-dial');
    const root = host.attachShadow({ mode: 'closed' });
    const consent = info?.consent ?? 'unknown';
    const box = el('div', undefined, `box ${consent}`);
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', t('dialLabel'));
    const read = el('p', e164 ? t('dialChecking') : '');
    const call = el('button', t('dialCall'), 'call');
    const cancel = el('button', t('dialCancel'));
    const tick = el('input');
    tick.type = 'checkbox';
    const label = el('label');
    label.append(tick, t('dialConfirmAllowed'));
    const strong = (dnc: BadgeInfo['dnc']) => {
      if (label.isConnected) return;
      box.insertBefore(
        el('p', t(dnc === 'company' ? 'dncCompany' : dnc === 'record' ? 'dncRecord' : 'dialDncWarning'), 'dnc'),
        box.children[1] ?? null,
      );
      box.insertBefore(label, call);
      call.disabled = true;
    };
    tick.addEventListener('change', () => {
      call.disabled = !tick.checked;
    });
    call.addEventListener('click', (event) => {
      if (event.isTrusted && !call.disabled) finish(e164, 'dialled');
    });
    cancel.addEventListener('click', (event) => {
      if (event.isTrusted) finish(e164, 'dial-cancelled');
    });
    box.append(el('h2', headline(consent, t)));
    if (info) box.append(el('p', info.sentence));
    if (info?.calling?.binding && info.calling.allowed !== true && info.calling.allowed !== null)
      box.append(el('p', t('dialHoursClosed'), 'closed'));
    box.append(read, call, cancel);
    if (need === 'confirm') strong(info?.dnc);
    root.append(el('style', CSS), box);
    doc.documentElement.append(host);
    // Placed inside our own root (the host's page-facing style is reset by :host): below the link, or
    // above it where there is no room below, kept inside the viewport (overlay.ts).
    const place = () => {
      const size = box.getBoundingClientRect();
      const vw = doc.documentElement.clientWidth || view.innerWidth;
      const at = besideRect(link.getBoundingClientRect(), size.width, size.height, vw, view.innerHeight);
      box.style.top = `${at.top + view.scrollY}px`;
      box.style.left = `${at.left + view.scrollX}px`;
    };
    place();
    open = { link, host, box, e164 };
    (need === 'confirm' ? tick : call).focus();
    if (!e164) return;
    deps
      .details(e164)
      .then((answer) => {
        if (open?.host !== host) return;
        read.textContent = answer ? t('dialReadFirst', firstSentence(answer.disclaimer)) : '';
        if (answer?.dnc) strong(answer.dnc);
        // Its height changed: still beside the link, inside the viewport.
        place();
      })
      .catch(() => {
        read.textContent = '';
      });
  };

  const onClick = (event: MouseEvent) => {
    const found = dialLink(event);
    if (!found) return;
    // Our own second click (Call): it goes on to the page and the browser, once.
    if (found.link === passing) return;
    if (!event.isTrusted || event.button !== 0) return;
    const e164 = deps.numberOf(found.raw);
    // A click the page already cancelled is the page's to handle: never held (its handler never runs twice).
    const { need, info } = event.defaultPrevented ? { need: 'none' as const, info: undefined } : deps.need(e164);
    if (need === 'none') {
      // Dialled straight through (or by the page's own handler): the side panel follows the number.
      if (e164) deps.clicked(e164);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    // A second click (double click) on the same link keeps the one confirmation.
    if (open?.link === found.link) return;
    if (open) finish(open.e164, 'dial-cancelled');
    show(found.link, e164, need, info);
  };
  const onKey = (event: KeyboardEvent) => {
    if (open && event.isTrusted && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(open.e164, 'dial-cancelled');
    }
  };
  const onOutside = (event: MouseEvent) => {
    if (!open || !event.isTrusted) return;
    const path = event.composedPath();
    // A press on a disabled control reaches us without it in its path: where it was tells.
    const r = open.box.getBoundingClientRect();
    const within =
      event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
    if (!within && !path.includes(open.host) && !path.includes(open.link)) finish(open.e164, 'dial-cancelled');
  };
  const opts = { capture: true, signal };
  view.addEventListener('click', onClick, opts);
  view.addEventListener('keydown', onKey, opts);
  view.addEventListener('mousedown', onOutside, opts);
  signal.addEventListener('abort', () => {
    open?.host.remove();
    open = null;
  });
}
