import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const ID = 'consentguardid';
const PAGE = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const AT = new Date('2026-11-27T17:00:00Z');

function deps(settings: Partial<Settings> = {}) {
  const frames = new Map<string, string[]>();
  const changed: { tabId: number; count: number }[] = [];
  const d: BackgroundDeps = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    recordFrame: async (tabId, frameId, numbers) => {
      frames.set(`${tabId}:${frameId}`, numbers);
      return [...new Set([...frames].filter(([k]) => k.startsWith(`${tabId}:`)).flatMap(([, v]) => v))];
    },
    tabNumbers: async (tabId) => [
      ...new Set([...frames].filter(([k]) => k.startsWith(`${tabId}:`)).flatMap(([, v]) => v)),
    ],
    tabChanged: (tabId, numbers) => changed.push({ tabId, count: numbers.length }),
    now: () => AT,
  };
  return { d, changed };
}

describe('handleMessage', () => {
  it('page-scan answers each number with a badge and records the tab', async () => {
    const { d, changed } = deps();
    const response = await handleMessage(
      {
        type: 'page-scan',
        lookup: ['+14155550134', '+12125550175', '+13705550134'],
        present: ['+14155550134', '+12125550175'],
      },
      PAGE,
      d,
    );
    expect(response).toEqual({
      ok: true,
      badges: [
        expect.objectContaining({
          e164: '+14155550134',
          consent: 'all-party',
          place: 'CA',
          localTime: '9:00 AM',
          inCallingWindow: true,
        }),
        expect.objectContaining({ e164: '+12125550175', consent: 'one-party', place: 'NY' }),
      ],
      showOneParty: true,
      dialCheck: 'risky',
      dropped: 0,
    });
    expect(changed).toEqual([{ tabId: 7, count: 2 }]);
  });

  it('page-scan answers located numbers with their record’s place, keyed as asked; lookup takes a location too', async () => {
    const { d } = deps();
    const response = await handleMessage(
      {
        type: 'page-scan',
        lookup: ['+12125550175'],
        present: ['+12125550175', '+12125550176'],
        located: [
          { e164: '+12125550176', regions: ['CA'] },
          { e164: '+12125550177', regions: ['NT', 'NU'] },
        ],
      },
      PAGE,
      d,
    );
    expect(response).toMatchObject({
      ok: true,
      badges: [
        { e164: '+12125550175', consent: 'one-party', place: 'NY' },
        { e164: '+12125550176', consent: 'all-party', place: 'NY', location: 'CA', locationKey: 'CA' },
        { e164: '+12125550177', locationKey: 'NT/NU' },
      ],
    });
    expect((response as { badges: object[] }).badges[0]).not.toHaveProperty('location');
    const lookup = await handleMessage(
      {
        type: 'lookup',
        numbers: ['+12125550176', '+12125550176'],
        locations: [{ regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' }, null],
      },
      PAGE,
      d,
    );
    expect(lookup).toMatchObject({
      ok: true,
      results: [
        {
          treatAs: 'all-party',
          calleeLocation: 'CA',
          recordLocation: { text: 'Oakland, CA 94607', source: 'address' },
        },
        { treatAs: 'one-party', calleeLocation: null, recordLocation: null },
      ],
    });
    // A malformed located entry is dropped (and counted), the rest of the burst answered.
    const partly = await handleMessage(
      {
        type: 'page-scan',
        lookup: [],
        present: [],
        located: [
          { e164: '+12125550176', regions: ['<b>'] },
          { e164: '+12125550178', regions: ['TX'] },
        ],
      },
      PAGE,
      d,
    );
    expect(partly).toMatchObject({ ok: true, dropped: 1, badges: [{ e164: '+12125550178', location: 'TX' }] });
  });

  it('applies the settings: the agent state makes a one-party callee all-party', async () => {
    const { d } = deps({ agentRegion: 'FL' });
    const response = await handleMessage({ type: 'page-scan', lookup: ['+12125550175'], present: [] }, PAGE, d);
    expect(response).toMatchObject({ ok: true, badges: [{ consent: 'all-party' }] });
  });

  it('lookup from a content script: nothing of the agent on what the page may show, the full text for the clipboard only', async () => {
    const settings = {
      company: 'Acme Health Collections',
      agent: 'Dana Agent',
      agentRegion: 'FL',
      templates: {
        ...DEFAULT_SETTINGS.templates,
        'all-party': { en: 'Dana Agent for ACME HEALTH collections: {purpose}.' },
      },
      privacyUrl: 'https://acme.example/privacy',
    };
    const { d } = deps(settings);
    const numbers = ['(212) 555-0175', '(415) 555-0134', '+44 20 7946 0958'];
    const page = await handleMessage({ type: 'lookup', numbers }, PAGE, d);
    const popup = await handleMessage({ type: 'lookup', numbers }, POPUP, d);
    if (!page.ok || !('results' in page) || !popup.ok || !('results' in popup)) throw new Error('expected results');
    for (const [i, shown] of page.results.entries()) {
      const { copyText, ...onPage } = shown;
      const text = JSON.stringify(onPage);
      for (const secret of ['Dana', 'Acme', 'ACME', 'acme.example', 'You are in', 'Florida']) {
        expect(text, `${numbers[i]}: ${secret}`).not.toContain(secret);
      }
      expect(onPage.rules.map((r) => r.role)).not.toContain('agent');
      // The clipboard gets what the popup shows.
      expect(copyText).toBe(popup.results[i]?.disclaimer);
      expect(copyText).toMatch(/Dana Agent/);
      // The answer itself is the same: the agent's rule still counts, and the page's reasons say so.
      expect(shown.treatAs).toBe(popup.results[i]?.treatAs);
    }
    // A one-party callee (New York) with an all-party agent (Florida): the badge says all-party, and
    // its reasons say why without naming the agent's region.
    expect(page.results[0]?.treatAs).toBe('all-party');
    expect(page.results[0]?.reasons.slice(0, 3)).toEqual([
      'Area code 212 was issued in New York, where one party to a phone call may record it.',
      "Your own region's rule counts too (the toolbar popup names it).",
      'The stricter rule of both ends applies.',
    ]);
    expect(page.results[0]?.disclaimer).toBe('[your name] for [your company]: quality and training purposes.');
    // The default template: placeholders where the agent's name and company go.
    const plain = await handleMessage({ type: 'lookup', numbers: ['(212) 555-0175'] }, PAGE, deps({ agent: 'Dana' }).d);
    expect(plain).toMatchObject({
      ok: true,
      results: [{ disclaimer: expect.stringMatching(/^Hi, this is \[your name\] calling from \[your company\]\./) }],
    });
    // The popup is an extension page: it keeps the whole answer.
    expect(popup.results[0]).not.toHaveProperty('copyText');
    expect(popup.results[0]?.reasons.join(' ')).toContain('You are in Florida');
  });

  it('a page-scan is answered even when recording the tab fails or hangs (storage full, worker stopping)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const recordFrame of [
      async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      () => new Promise<string[]>(() => {}),
    ]) {
      const { d } = deps();
      const response = await handleMessage(
        { type: 'page-scan', lookup: ['+14155550134'], present: ['+14155550134'] },
        PAGE,
        { ...d, recordFrame },
      );
      expect(response).toMatchObject({ ok: true, badges: [{ e164: '+14155550134', consent: 'all-party' }] });
    }
    error.mockRestore();
  });

  it('lookup gives the full answer with the disclaimer filled in', async () => {
    const { d } = deps({ company: 'Acme', agent: 'Sam' });
    const response = await handleMessage({ type: 'lookup', numbers: ['(415) 555-0134'] }, POPUP, d);
    expect(response).toMatchObject({
      ok: true,
      results: [{ e164: '+14155550134', place: 'CA', treatAs: 'all-party' }],
    });
    if (!response.ok || !('results' in response)) throw new Error('expected results');
    expect(response.results[0]?.disclaimer).toBe(
      "Hi, this is Sam calling from Acme. I'd like to record this call for quality and training purposes. Is that okay with you?",
    );
  });

  it('popup-tab-summary lists the tab numbers strictest first, for the popup only', async () => {
    const { d } = deps();
    await handleMessage(
      { type: 'page-scan', lookup: [], present: ['+12125550175', '+14155550134', '+18005550134'] },
      PAGE,
      d,
    );
    const response = await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, POPUP, d);
    expect(response).toMatchObject({ ok: true, total: 3 });
    if (!response.ok || !('numbers' in response)) throw new Error('expected numbers');
    expect(response.numbers.map((n) => n.e164)).toEqual(['+14155550134', '+18005550134', '+12125550175']);
    expect(await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, PAGE, d)).toMatchObject({
      ok: false,
      error: expect.stringContaining('only the popup'),
    });
  });

  it('page-scan drops an entry that is no E.164 number and answers the others, with a count', async () => {
    const { d } = deps();
    const response = await handleMessage(
      { type: 'page-scan', lookup: ['4155550134', '+14155550134', '+4150415415000134'], present: ['4155550134'] },
      PAGE,
      d,
    );
    expect(response).toMatchObject({ ok: true, badges: [{ e164: '+14155550134' }], dropped: 3 });
  });

  it('knows the popup by the extension’s own origin: Firefox’s moz-extension:// pages too', async () => {
    const { d } = deps();
    const firefox = { ...d, extensionOrigin: 'moz-extension://0c1b7ad2-5a53-4d8e-9c36-0f5d2c3f0a11/' };
    const ask = (url: string) => handleMessage({ type: 'popup-tab-summary', tabId: 7 }, { id: ID, url }, firefox);
    expect(await ask('moz-extension://0c1b7ad2-5a53-4d8e-9c36-0f5d2c3f0a11/popup.html')).toMatchObject({ ok: true });
    // Another origin is not ours, whatever its scheme or id.
    for (const url of [
      `chrome-extension://${ID}/popup.html`,
      'moz-extension://11111111-2222-3333-4444-555555555555/popup.html',
      'https://moz-extension.example/0c1b7ad2-5a53-4d8e-9c36-0f5d2c3f0a11/popup.html',
    ])
      expect(await ask(url)).toMatchObject({ ok: false, error: expect.stringContaining('only the popup') });
  });

  it.each([
    [{ type: 'page-scan', lookup: 'x', present: [] }, PAGE, 'malformed message at lookup'],
    [{ type: 'page-scan', lookup: [], present: [], extra: 1 }, PAGE, 'malformed'],
    [{ type: 'page-scan', lookup: [], present: [] }, POPUP, 'content script in a tab'],
    [{ type: 'lookup', numbers: [] }, POPUP, 'malformed'],
    [{ type: 'lookup', numbers: ['1'.repeat(65)] }, POPUP, 'malformed'],
    [{ type: 'steal' }, POPUP, 'unknown type'],
    [null, POPUP, 'unknown type'],
    [{ type: 'lookup', numbers: ['4155550134'] }, { ...PAGE, id: 'someone-else' }, 'outside the extension'],
  ])('refuses %j with a clear error', async (message, sender, error) => {
    const response = await handleMessage(message, sender, deps().d);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining(error) });
  });
});

describe('background entrypoint', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const { default: background } = await import('@/entrypoints/background');
    background.main();
  });

  const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

  it('answers through runtime messaging', async () => {
    const [response] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'lookup', numbers: ['415 555 0134'] },
      popup(),
    );
    expect(response).toMatchObject({ ok: true, results: [{ e164: '+14155550134', regions: ['CA'] }] });
  });

  it('keeps a tab numbers in session storage and counts the all-party ones on the toolbar', async () => {
    // A content script's sender carries its tab; the fake only needs the id.
    const page = { id: fakeBrowser.runtime.id, url: 'https://crm.example.com/', tab: { id: 3 }, frameId: 0 } as never;
    const message = {
      type: 'page-scan',
      lookup: [],
      present: ['+14155550134', '+12125550175', '+13055550100'],
      reset: true,
    };
    await fakeBrowser.runtime.onMessage.trigger(message, page);
    // Stored on the side (the answer does not wait for it): one item per frame, and the tab's list of frames.
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get(['tab:3', 'tab:3:0'])).toEqual({
        'tab:3': [0],
        'tab:3:0': message.present,
      }),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('2');
    const [summary] = await fakeBrowser.runtime.onMessage.trigger({ type: 'popup-tab-summary', tabId: 3 }, popup());
    expect(summary).toMatchObject({ ok: true, total: 3 });
  });

  it('keeps each located number with its record place: the popup lists it with it, the toolbar counts it', async () => {
    const page = { id: fakeBrowser.runtime.id, url: 'https://crm.example.com/', tab: { id: 4 }, frameId: 0 } as never;
    const oakland = { e164: '+12125550175', regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' };
    await fakeBrowser.runtime.onMessage.trigger(
      {
        type: 'page-scan',
        lookup: [],
        present: ['+12125550175', '+12125550176'],
        places: [oakland, { e164: '+12125550176', regions: ['CA'], text: 'x'.repeat(201), source: 'address' }],
        reset: true,
      },
      page,
    );
    // New York numbers are one-party; the one in an Oakland record is all-party, so the count is 1.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('1'));
    const [summary] = await fakeBrowser.runtime.onMessage.trigger({ type: 'popup-tab-summary', tabId: 4 }, popup());
    expect(summary).toMatchObject({
      ok: true,
      total: 2,
      numbers: [
        {
          e164: '+12125550175',
          treatAs: 'all-party',
          calleeLocation: 'CA',
          recordLocation: { regions: ['CA'], text: 'Oakland, CA 94607', source: 'address' },
        },
        // Its place was malformed (text over 200 characters): dropped, and the number answered plainly.
        { e164: '+12125550176', treatAs: 'one-party', calleeLocation: null, recordLocation: null },
      ],
    });
  });

  it('reads back only what validates from the tab store (a damaged frame is left out, the old shape still reads)', async () => {
    await fakeBrowser.storage.session.set({
      'tab:5': [0, 1, 2],
      'tab:5:0': ['+14155550134'],
      'tab:5:1': {
        numbers: ['+12125550175'],
        places: [{ e164: '+12125550175', regions: ['ca'], text: null, source: null }],
      },
      'tab:5:2': { numbers: ['+13055550100'], places: [] },
    });
    const [summary] = await fakeBrowser.runtime.onMessage.trigger({ type: 'popup-tab-summary', tabId: 5 }, popup());
    expect(summary).toMatchObject({ ok: true, total: 2 });
    expect((summary as unknown as { numbers: { e164: string }[] }).numbers.map((n) => n.e164).sort()).toEqual([
      '+13055550100',
      '+14155550134',
    ]);
  });

  it('reads the agent settings from sync storage', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 1, agentRegion: 'WA' } });
    const [response] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'lookup', numbers: ['212 555 0134'] },
      popup(),
    );
    expect(response).toMatchObject({ ok: true, results: [{ regions: ['NY'], treatAs: 'all-party' }] });
  });
});
