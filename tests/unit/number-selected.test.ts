import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import type { Selected } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { forgetSelected, selectedOf, selectNumber, watchSelected } from '@/utils/selected-store';

const ID = 'consentguardid';
const PAGE = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };
const PANEL = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
const AT = new Date('2026-11-27T17:00:00Z');

function deps() {
  const kept: { tabId: number; selected: Selected }[] = [];
  const d: BackgroundDeps = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    settings: async () => DEFAULT_SETTINGS,
    recordFrame: async () => null,
    tabNumbers: async () => [],
    selectNumber: async (tabId, selected) => {
      kept.push({ tabId, selected });
    },
    now: () => AT,
  };
  return { d, kept };
}

describe('number-selected', () => {
  it('keeps a content script’s number for its own tab', async () => {
    const { d, kept } = deps();
    const response = await handleMessage({ type: 'number-selected', e164: '+14155550134', how: 'badge' }, PAGE, d);
    expect(response).toEqual({ ok: true });
    expect(kept).toEqual([{ tabId: 7, selected: { number: '+14155550134', how: 'badge', at: AT.getTime() } }]);
  });

  it('keeps the side panel’s pick for the tab it names', async () => {
    const { d, kept } = deps();
    const response = await handleMessage(
      { type: 'number-selected', e164: '+12125550175', how: 'panel', tabId: 3 },
      PANEL,
      d,
    );
    expect(response).toEqual({ ok: true });
    expect(kept).toEqual([{ tabId: 3, selected: { number: '+12125550175', how: 'panel', at: AT.getTime() } }]);
  });

  it('refuses a content script naming another tab, a panel naming none, and malformed numbers', async () => {
    const { d, kept } = deps();
    const refused = [
      [{ type: 'number-selected', e164: '+14155550134', how: 'click', tabId: 9 }, PAGE],
      [{ type: 'number-selected', e164: '+14155550134', how: 'panel' }, PANEL],
      [{ type: 'number-selected', e164: '+14155550134', how: 'dial', tabId: 3 }, PANEL],
      [{ type: 'number-selected', e164: '4155550134', how: 'click' }, PAGE],
      [{ type: 'number-selected', e164: '+14155550134', how: 'selection' }, PAGE],
      [{ type: 'number-selected', e164: '+14155550134', how: 'click', extra: 1 }, PAGE],
    ] as const;
    for (const [message, sender] of refused) {
      expect(await handleMessage(message, sender, d)).toMatchObject({ ok: false });
    }
    expect(kept).toEqual([]);
  });
});

describe('open-side-panel', () => {
  it('opens the panel beside the sender’s tab in the same task as the message (the click’s gesture)', async () => {
    const { d } = deps();
    const opened: [number, number | undefined][] = [];
    d.openPanel = (tabId, windowId) => opened.push([tabId, windowId]);
    const response = handleMessage({ type: 'open-side-panel' }, { ...PAGE, tab: { id: 7, windowId: 2 } }, d);
    // Before anything is awaited: Chrome drops the gesture at the first await.
    expect(opened).toEqual([[7, 2]]);
    expect(await response).toEqual({ ok: true });
  });

  it('refuses an extension page, a sender with no tab and anything more than the type', async () => {
    const { d } = deps();
    const opened: number[] = [];
    d.openPanel = (tabId) => opened.push(tabId);
    for (const [message, sender] of [
      [{ type: 'open-side-panel' }, PANEL],
      [{ type: 'open-side-panel' }, { ...PAGE, tab: undefined }],
      [{ type: 'open-side-panel', tabId: 3 }, PAGE],
    ] as const) {
      expect(await handleMessage(message, sender, d)).toMatchObject({ ok: false });
    }
    expect(opened).toEqual([]);
  });
});

describe('the details panel’s words from the background', () => {
  it('a content script’s answer says where its place came from; the popup’s does not need it', async () => {
    const { d } = deps();
    d.whereText = (k, ...subs) => `${k}(${subs.join(',')})`;
    const lookup = {
      type: 'lookup',
      numbers: ['(212) 555-0134'],
      locations: [{ regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' }],
    };
    const page = await handleMessage(lookup, PAGE, d);
    const popup = await handleMessage(lookup, PANEL, d);
    expect(page).toMatchObject({ ok: true });
    const [answer] = (page as { results: { where?: string }[] }).results;
    expect(answer?.where).toBe(
      'panelFromRecord(Oakland, CA 94607,panelSourceAddress(),NY) whyRecordStricter(California)',
    );
    expect((popup as { results: { where?: string }[] }).results[0]?.where).toBeUndefined();
  });
});

describe('selected-store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one selection per tab, reads it back checked, and forgets it', async () => {
    const seen: [number, Selected | null][] = [];
    const stop = watchSelected((tabId, s) => seen.push([tabId, s]));
    await selectNumber(4, { number: '+14155550134', how: 'click', at: 1 });
    await selectNumber(5, { number: '+12125550175', how: 'dial', at: 2 });
    expect(await selectedOf(4)).toEqual({ number: '+14155550134', how: 'click', at: 1 });
    expect(await selectedOf(5)).toMatchObject({ number: '+12125550175' });
    expect(await selectedOf(6)).toBeNull();
    await fakeBrowser.storage.session.set({ 'selected:6': { number: 42 } });
    expect(await selectedOf(6)).toBeNull();
    await forgetSelected(4);
    expect(await selectedOf(4)).toBeNull();
    stop();
    expect(seen.slice(0, 2)).toEqual([
      [4, { number: '+14155550134', how: 'click', at: 1 }],
      [5, { number: '+12125550175', how: 'dial', at: 2 }],
    ]);
  });
});
