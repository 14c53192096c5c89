import { browser } from 'wxt/browser';
import { scanText } from '@/lib/number/scan-text';
import { watchDials } from '@/lib/page/dial-check';
import { watchOrphaned } from '@/lib/page/orphan-watch';
import { PageGuard } from '@/lib/page/page-guard';
import type { PageTextKey } from '@/lib/page/text';
import { asPageScanResponse, firstAnswer, isSettingsChanged } from '@/lib/protocol/guards';
import { send } from '@/utils/messaging';

export default defineContentScript({
  // The background registers this script for the sites in force (defaults, minus the ones the
  // agent disabled, plus the ones they enabled): see utils/content-registration.ts.
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main() {
    const text = (key: PageTextKey, ...subs: string[]) => browser.i18n.getMessage(key, subs);
    // Fire and forget: the consent log, the side panel's number, opening the side panel.
    const quiet = () => undefined;
    const quietly = (message: Parameters<typeof send>[0]) => send(message, quiet).catch(quiet);
    const select = (e164: string, how: 'badge' | 'click' | 'dial') => quietly({ type: 'number-selected', e164, how });
    const guard = new PageGuard(document, {
      scan: scanText,
      send: (message) => send(message, asPageScanResponse),
      details: (e164, location) =>
        send({ type: 'lookup', numbers: [e164], ...(location ? { locations: [location] } : {}) }, firstAnswer),
      text,
      // The side panel shows the number whose badge the agent opened (fire and forget).
      selected: (e164) => select(e164, 'badge'),
      panelActs: {
        // The consent log, as the popup's Copy does (the background fills in the rule and version).
        copied: (answer) => {
          const regions = answer.recordLocation?.regions;
          if (answer.e164)
            quietly({
              type: 'log-event',
              e164: answer.e164,
              outcome: 'copied',
              source: 'badge',
              ...(regions?.length ? { locationRegions: regions.slice(0, 8) } : {}),
            });
        },
        // Sent inside the agent's click: Chrome (116+) carries the gesture to the worker's sidePanel.open().
        // Firefox opens its sidebar only from its own user-action handlers (toolbar, menus, shortcuts,
        // extension pages), never on a content script's message: no button there (Alt+Shift+P, the popup).
        ...(import.meta.env.FIREFOX ? {} : { openSide: () => quietly({ type: 'open-side-panel' }) }),
      },
      // The host page comes first: our failures go to the console, never to the page.
      // Badges are filled as they come near the viewport: a long list costs what the agent sees.
      lazyBadges: true,
      onError: (error) => console.debug('[Consent Guard]', error),
    });
    // One lifetime for the whole script: the page engine, our listeners and the orphan watch end with
    // one abort. Our own controller, not WXT's ctx.signal: a page can forge the event that aborts ctx
    // (see lib/page/orphan-watch.ts).
    const lifetime = new AbortController();
    guard.start(lifetime.signal);
    // The dial check (lib/page/dial-check.ts): one capture-phase listener set, ended with the same abort.
    // Outcomes are fire and forget: the consent log and the side panel's last number.
    watchDials(
      document,
      {
        text,
        numberOf: (raw) => scanText(raw)[0]?.e164 ?? null,
        need: (e164) => guard.dialNeed(e164),
        details: (e164) => send({ type: 'lookup', numbers: [e164] }, firstAnswer),
        clicked: (e164) => select(e164, 'click'),
        outcome: (e164, outcome) => {
          if (!e164) return;
          quietly({ type: 'log-event', e164, outcome, source: 'dial-check' });
          if (outcome === 'dialled') select(e164, 'dial');
        },
      },
      lifetime.signal,
    );
    // The agent's settings or the administrator's policy changed (the background says so: storage is
    // closed to content scripts): the answers may have too.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isSettingsChanged(message)) guard.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    lifetime.signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The runtime is gone: so is the listener.
      }
    });
    // Back from the back/forward cache: the background cleared the tab when it left, so it is told again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.isTrusted && event.persisted) guard.refresh();
    };
    window.addEventListener('pageshow', onPageShow, { signal: lifetime.signal });
    // This frame's numbers leave the tab with it (a frame taken away, a navigation): the background prunes them.
    const onPageHide = (event: PageTransitionEvent) => {
      if (event.isTrusted) send({ type: 'page-scan', lookup: [], present: [] }, asPageScanResponse).catch(() => {});
    };
    window.addEventListener('pagehide', onPageHide, { signal: lifetime.signal });
    // Stops only when the extension itself is gone (updated, reloaded, disabled): never through
    // WXT's ctx, which a page can invalidate by forging its "content script started" event.
    watchOrphaned(
      () => browser.runtime?.id !== undefined,
      () => lifetime.abort(),
    );
  },
});
