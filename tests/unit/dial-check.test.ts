// The dial check (lib/page/dial-check.ts) on happy-dom: what the Chromium e2e (tests/e2e/dial-check.test.mjs)
// shows with real clicks, here event by event. happy-dom has no isTrusted: `agent()` marks an event as
// the agent's own (true), as the browser does for real input; a page's synthetic event stays untrusted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DialDeps, watchDials } from '@/lib/page/dial-check';
import type { DialNeed } from '@/lib/page/dial-need';
import { besideRect } from '@/lib/page/overlay';
import type { Answer, BadgeInfo } from '@/lib/protocol/messages';

const NUMBER = '+14155550134';

/** The event, as the browser marks the agent's own input. */
function agent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (target: EventTarget, init: MouseEventInit = {}) =>
  target.dispatchEvent(agent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init })));
const press = (target: EventTarget, init: MouseEventInit = {}) =>
  target.dispatchEvent(
    agent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true, ...init })),
  );
const key = (target: EventTarget, k: string) =>
  target.dispatchEvent(
    agent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true })),
  );

/** Lets the answer's promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let roots: ShadowRoot[];
let stop: AbortController;
/** What the page saw: its own handler's runs, and the clicks that ended their dispatch not cancelled (a dial). */
let page: { handled: number; defaults: number };
let outcomes: [string | null, string][];
let clicked: string[];
/** The page cancels every click before us (a window capture listener registered before ours). */
let cancelFirst: boolean;

function start(need: DialNeed = 'check', info?: BadgeInfo, answer: Partial<Answer> | null = {}) {
  document.body.innerHTML = `<p><a id="link" href="tel:+1-415-555-0134">(415) 555-0134</a></p>
    <p><a id="mail" href="mailto:a@example.com">mail</a> <button id="elsewhere">elsewhere</button></p>`;
  // Our roots are closed: the test keeps them as they are made.
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const link = document.getElementById('link') as HTMLAnchorElement;
  link.addEventListener('click', () => page.handled++);
  // The page's last listener: a click not cancelled by then is one the browser would dial; it cancels
  // it itself so nothing navigates.
  const last = (event: Event) => {
    if ((event.target as Element).id !== 'link') return;
    if (!event.defaultPrevented) page.defaults++;
    event.preventDefault();
  };
  const first = (event: Event) => {
    if (cancelFirst) event.preventDefault();
  };
  window.addEventListener('click', last);
  window.addEventListener('click', first, true);
  stop.signal.addEventListener('abort', () => {
    window.removeEventListener('click', last);
    window.removeEventListener('click', first, true);
  });
  const deps: DialDeps = {
    text: (k, ...subs) => [k, ...subs].join(' '),
    numberOf: (raw) => (raw.replace(/[^\d+]/g, '') === NUMBER ? NUMBER : null),
    need: () => ({ need, ...(info ? { info } : {}) }),
    details: async () =>
      answer === null ? null : ({ disclaimer: 'This call is recorded. More.', ...answer } as Answer),
    clicked: (e164) => clicked.push(e164),
    outcome: (e164, outcome) => outcomes.push([e164, outcome]),
  };
  watchDials(document, deps, stop.signal);
  return link;
}

const hosts = () => document.querySelectorAll('consent-guard-dial');
/** The open confirmation's root (the last made). */
const box = () => {
  expect(hosts()).toHaveLength(1);
  return roots.at(-1) as ShadowRoot;
};
const button = (name: 'call' | 'cancel') =>
  box().querySelector(name === 'call' ? 'button.call' : 'button:not(.call)') as HTMLButtonElement;

beforeEach(() => {
  roots = [];
  stop = new AbortController();
  page = { handled: 0, defaults: 0 };
  outcomes = [];
  clicked = [];
  cancelFirst = false;
});
afterEach(() => stop.abort());

describe('dial check', () => {
  it('holds the click, then Call lets exactly one through to the page and the browser', async () => {
    const link = start();
    click(link);
    expect(page).toEqual({ handled: 0, defaults: 0 });
    await settle();
    expect(box().textContent).toContain('dialReadFirst This call is recorded.');
    expect(box().activeElement).toBe(button('call'));
    click(button('call'));
    expect(page).toEqual({ handled: 1, defaults: 1 });
    expect(hosts()).toHaveLength(0);
    expect(outcomes).toEqual([[NUMBER, 'dialled']]);
    expect(document.activeElement).toBe(link);
    // Not a second time: the next click asks again.
    click(link);
    expect(page).toEqual({ handled: 1, defaults: 1 });
    expect(hosts()).toHaveLength(1);
    expect(clicked).toEqual([]);
  });

  it('Cancel, Escape and a press outside each stop it: nothing reaches the page', async () => {
    const link = start();
    click(link);
    click(button('cancel'));
    expect(hosts()).toHaveLength(0);
    expect(document.activeElement).toBe(link);

    click(link);
    key(window, 'Escape');
    expect(hosts()).toHaveLength(0);

    click(link);
    // A press inside the confirmation keeps it; one elsewhere on the page stops it.
    press(button('cancel'), { clientX: 0, clientY: 0 });
    expect(hosts()).toHaveLength(1);
    press(document.getElementById('elsewhere') as HTMLElement, { clientX: 900, clientY: 900 });
    expect(hosts()).toHaveLength(0);

    expect(page).toEqual({ handled: 0, defaults: 0 });
    expect(outcomes).toEqual([
      [NUMBER, 'dial-cancelled'],
      [NUMBER, 'dial-cancelled'],
      [NUMBER, 'dial-cancelled'],
    ]);
  });

  it('a double click shows one confirmation; the script’s end takes it away', () => {
    const link = start();
    click(link);
    click(link, { detail: 2 });
    expect(hosts()).toHaveLength(1);
    expect(outcomes).toEqual([]);
    stop.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('a do-not-call number: Call stays disabled until the tick is set; keyboard focus starts on the tick', () => {
    const info: BadgeInfo = {
      e164: NUMBER,
      consent: 'all-party',
      ambiguous: false,
      place: 'CA',
      sentence: 'All-party consent for +14155550134 (CA).',
      localTime: null,
      inCallingWindow: null,
      dnc: 'company',
    };
    const link = start('confirm', info, { dnc: 'company' });
    click(link);
    const tick = box().querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(box().activeElement).toBe(tick);
    expect(box().textContent).toContain('dncCompany');
    expect(button('call').disabled).toBe(true);
    click(button('call'));
    expect(page.handled).toBe(0);
    tick.checked = true;
    tick.dispatchEvent(new Event('change'));
    expect(button('call').disabled).toBe(false);
    click(button('call'));
    expect(page).toEqual({ handled: 1, defaults: 1 });
  });

  it('leaves alone what is not the agent’s click on a tel: link, and tells the side panel of a straight dial', () => {
    const link = start();
    // The page's own synthetic click: never held.
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(page).toEqual({ handled: 1, defaults: 1 });
    // Not a tel: link; not the main button.
    click(document.getElementById('mail') as HTMLElement);
    click(link, { button: 1 });
    expect(hosts()).toHaveLength(0);
    expect(page).toEqual({ handled: 2, defaults: 2 });
    expect(clicked).toEqual([]);
    // A click the page cancelled before us (its own window listener, registered first) is the page's:
    // not held, so its handler runs once; the agent did pick the number, so the side panel follows.
    cancelFirst = true;
    click(link);
    expect(hosts()).toHaveLength(0);
    expect(page).toEqual({ handled: 3, defaults: 2 });
    expect(clicked).toEqual([NUMBER]);
  });

  it('a number that needs no check dials straight through and becomes the side panel’s number', () => {
    const link = start('none');
    click(link);
    expect(hosts()).toHaveLength(0);
    expect(page).toEqual({ handled: 1, defaults: 1 });
    expect(clicked).toEqual([NUMBER]);
    expect(outcomes).toEqual([]);
  });
});

describe('where the confirmation goes', () => {
  const view = { w: 1000, h: 700 };
  it('below the link when there is room, above it when there is not, else inside the viewport', () => {
    const link = { top: 100, bottom: 120, left: 50 };
    expect(besideRect(link, 300, 150, view.w, view.h)).toEqual({ top: 124, left: 50 });
    const low = { top: 640, bottom: 660, left: 50 };
    expect(besideRect(low, 300, 150, view.w, view.h)).toEqual({ top: 640 - 4 - 150, left: 50 });
    // Too tall for either side: as low as it fits, never above the top edge.
    const middle = { top: 300, bottom: 320, left: 50 };
    expect(besideRect(middle, 300, 500, view.w, view.h)).toEqual({ top: 700 - 8 - 500, left: 50 });
    expect(besideRect(middle, 300, 900, view.w, view.h).top).toBe(8);
    // Never past the right or left edge.
    expect(besideRect({ top: 10, bottom: 30, left: 900 }, 300, 100, view.w, view.h).left).toBe(1000 - 8 - 300);
    expect(besideRect({ top: 10, bottom: 30, left: -40 }, 300, 100, view.w, view.h).left).toBe(8);
  });

  it('flips above a link at the bottom of the viewport, in the page', async () => {
    const link = start();
    vi.spyOn(link, 'getBoundingClientRect').mockReturnValue({ top: 660, bottom: 680, left: 20 } as DOMRect);
    const rect = HTMLElement.prototype.getBoundingClientRect;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('box') ? ({ width: 300, height: 160 } as DOMRect) : rect.call(this);
    });
    Object.defineProperty(window, 'innerHeight', { value: 700, configurable: true });
    click(link);
    const card = box().querySelector('.box') as HTMLElement;
    expect(card.style.top).toBe(`${660 - 4 - 160 + window.scrollY}px`);
    await settle();
    expect(card.style.top).toBe(`${660 - 4 - 160 + window.scrollY}px`);
  });
});
