// Malformed, oversized and forged messages to the background, fuzzed: handleMessage never throws,
// refuses with a short, clear { ok: false, error }, never records anything it did not validate, and
// answers only in the shapes lib/protocol/messages.ts declares.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, handleMessage, type Sender } from '@/lib/background/handle-message';
import {
  LookupResponse,
  MAX_LOOKUP,
  MAX_PAGE_NUMBERS,
  PageScanResponse,
  TabSummaryResponse,
} from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { robustnessRow } from '../support/robustness';

const ID = 'consentguardid';
const CONTENT: Sender = {
  id: ID,
  url: 'https://acme.my.salesforce.com/lightning/r/Contact',
  tab: { id: 7 },
  frameId: 0,
};
const POPUP: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const E164 = /^\+[1-9]\d{6,14}$/;

interface Calls {
  recorded: { tabId: number; frameId: number; numbers: string[]; reset: boolean }[];
  summaries: number[];
}

function fakeDeps(): { deps: BackgroundDeps; calls: Calls } {
  const calls: Calls = { recorded: [], summaries: [] };
  const deps: BackgroundDeps = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    settings: async () => DEFAULT_SETTINGS,
    recordFrame: async (tabId, frameId, numbers, reset) => {
      calls.recorded.push({ tabId, frameId, numbers, reset });
      return numbers;
    },
    tabNumbers: async (tabId) => {
      calls.summaries.push(tabId);
      return ['+14155550134'];
    },
    now: () => new Date('2026-11-27T17:00:00Z'),
  };
  return { deps, calls };
}

const numberLike = fc.oneof(
  fc.constantFrom('+14155550134', '+12125550175', '+442079460958', '+18005550100', '+1415555013', '(415) 555-0134'),
  fc.stringMatching(/^\+[1-9]\d{6,14}$/),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.anything({ maxDepth: 1 }),
);
const listLike = fc.oneof(
  fc.array(numberLike, { maxLength: 12 }),
  fc.array(fc.stringMatching(/^\+1[2-9]\d{9}$/), { maxLength: 12 }),
  fc.anything({ maxDepth: 2 }),
);
/** Messages shaped like ours, with any field wrong, missing or extra. */
const messageLike = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('page-scan', 'lookup', 'popup-tab-summary', 'PAGE-SCAN', 'lookup ', '', 'constructor'),
      fc.anything({ maxDepth: 1 }),
    ),
    lookup: listLike,
    present: listLike,
    numbers: listLike,
    reset: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 1 })),
    tabId: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string(), fc.constant(null)),
    extra: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: ['type'] },
);
const e164s = fc.array(fc.stringMatching(/^\+1[2-9]\d{9}$/), { maxLength: 12 });
/** Well-formed messages, so the fuzz also reaches the answering code. */
const wellFormed = fc.oneof(
  fc.record(
    { type: fc.constant('page-scan'), lookup: e164s, present: e164s, reset: fc.boolean() },
    { requiredKeys: ['type', 'lookup', 'present'] },
  ),
  fc.record({ type: fc.constant('lookup'), numbers: fc.array(numberLike, { minLength: 1, maxLength: 5 }) }),
  fc.record({ type: fc.constant('popup-tab-summary'), tabId: fc.nat() }),
);
const anyMessage = fc.oneof(
  wellFormed,
  messageLike,
  fc.anything(),
  fc.jsonValue().map((v) => v as unknown),
);
const anySender: fc.Arbitrary<Sender> = fc.record(
  {
    id: fc.constantFrom(ID, 'someotherextension', '', undefined),
    url: fc.constantFrom(
      CONTENT.url,
      POPUP.url,
      `chrome-extension://${ID}/options.html`,
      'chrome-extension://someotherextension/popup.html',
      `https://evil.example/chrome-extension://${ID}/`,
      undefined,
    ),
    tab: fc.option(fc.record({ id: fc.option(fc.integer(), { nil: undefined }) }), { nil: undefined }),
    frameId: fc.option(fc.integer({ min: -1, max: 50 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

function checkShape(response: Awaited<ReturnType<typeof handleMessage>>) {
  expect(typeof response.ok).toBe('boolean');
  if (!response.ok) {
    expect(typeof response.error).toBe('string');
    expect(response.error.length).toBeGreaterThan(10);
    expect(response.error.length).toBeLessThan(300);
    expect(response.error).toMatch(/^Refused /);
    return;
  }
  const valid =
    PageScanResponse.safeParse(response).success ||
    LookupResponse.safeParse(response).success ||
    TabSummaryResponse.safeParse(response).success;
  expect(valid).toBe(true);
}

const fromExtensionPage = (s: Sender) => s.id === ID && (s.url ?? '').startsWith(`chrome-extension://${ID}/`);

describe('handleMessage under fuzzed input', () => {
  const runs = { any: 3000, forged: 1500 };

  it('never throws; refuses clearly; records only validated numbers from a content script in a tab', async () => {
    let refused = 0;
    let answered = 0;
    const row = robustnessRow({
      id: 'unit-messages-fuzz',
      area: 'Background messages (unit, fast-check)',
      tried: `${runs.any} random messages (any JSON/JS value, our shapes with any field wrong) × random senders (forged ids, other extensions, pages posing as the popup)`,
      result: 'never threw; every refusal a one-line `{ok:false, error}`; nothing recorded unless validated',
    });
    await fc.assert(
      fc.asyncProperty(anyMessage, anySender, async (message, sender) => {
        const { deps, calls } = fakeDeps();
        const response = await handleMessage(message, sender, deps);
        checkShape(response);
        if (response.ok) answered++;
        else refused++;
        if (sender.id !== ID) expect(response.ok).toBe(false);
        for (const call of calls.recorded) {
          // Only a page-scan from a tab's content script gets this far.
          expect(sender.id).toBe(ID);
          expect(fromExtensionPage(sender)).toBe(false);
          expect(call.tabId).toBe(sender.tab?.id);
          expect(call.numbers.length).toBeLessThanOrEqual(MAX_PAGE_NUMBERS);
          for (const n of call.numbers) expect(n).toMatch(E164);
          expect(typeof call.reset).toBe('boolean');
        }
        if (calls.summaries.length > 0) expect(fromExtensionPage(sender)).toBe(true);
      }),
      { numRuns: runs.any },
    );
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    row.figures = `${refused} refused, ${answered} answered`;
  });

  it('a message from anyone but this extension is refused, whatever it says', async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, fc.constantFrom('someotherextension', '', undefined), async (message, id) => {
        const { deps, calls } = fakeDeps();
        const response = await handleMessage(message, { ...CONTENT, id }, deps);
        expect(response).toEqual({ ok: false, error: 'Refused a message from outside the extension.' });
        expect(calls.recorded).toEqual([]);
      }),
      { numRuns: runs.forged },
    );
  });

  it('page-scan must come from a tab, popup-tab-summary from the extension’s own page', async () => {
    const { deps, calls } = fakeDeps();
    const scan = { type: 'page-scan', lookup: ['+14155550134'], present: ['+14155550134'] };
    expect(await handleMessage(scan, POPUP, deps)).toMatchObject({
      ok: false,
      error: /must come from a content script/,
    });
    expect(await handleMessage(scan, { ...POPUP, tab: { id: 3 } }, deps)).toMatchObject({ ok: false });
    expect(await handleMessage(scan, { id: ID, url: CONTENT.url }, deps)).toMatchObject({ ok: false });
    const summary = { type: 'popup-tab-summary', tabId: 7 };
    expect(await handleMessage(summary, CONTENT, deps)).toMatchObject({ ok: false, error: /only the popup/ });
    // A page whose address merely contains the extension's URL is not the extension's page.
    expect(
      await handleMessage(summary, { ...CONTENT, url: `https://evil.example/?chrome-extension://${ID}/` }, deps),
    ).toMatchObject({ ok: false });
    expect(calls).toEqual({ recorded: [], summaries: [] });
    expect(await handleMessage(summary, POPUP, deps)).toMatchObject({ ok: true, total: 1 });
  });

  it('oversized messages are refused with the place and the limit', async () => {
    const { deps, calls } = fakeDeps();
    const many = (n: number) => Array.from({ length: n }, (_, i) => `+1415555${String(i % 10_000).padStart(4, '0')}`);
    const cases: [unknown, Sender, RegExp][] = [
      [{ type: 'page-scan', lookup: many(MAX_PAGE_NUMBERS + 1), present: [] }, CONTENT, /at lookup/],
      [{ type: 'page-scan', lookup: [], present: many(MAX_PAGE_NUMBERS + 1) }, CONTENT, /at present/],
      [{ type: 'lookup', numbers: many(MAX_LOOKUP + 1) }, POPUP, /at numbers/],
      [{ type: 'lookup', numbers: ['4'.repeat(1_000_000)] }, POPUP, /at numbers\.0/],
      [{ type: 'lookup', numbers: [] }, POPUP, /at numbers/],
      [{ type: 'page-scan', lookup: [], present: [], admin: true }, CONTENT, /Refused a malformed message/],
      [{ type: 'popup-tab-summary', tabId: -1 }, POPUP, /at tabId/],
      [{ type: 'popup-tab-summary', tabId: 1.5 }, POPUP, /at tabId/],
      [{ type: 'x'.repeat(100_000) }, POPUP, /unknown type/],
      // Names every object has are no handlers.
      [{ type: 'constructor' }, POPUP, /unknown type "constructor"/],
      [{ type: '__proto__' }, CONTENT, /unknown type "__proto__"/],
      [{ type: 'hasOwnProperty', numbers: ['+14155550100'] }, POPUP, /unknown type/],
      [{ type: 42 }, POPUP, /unknown type "42"/],
    ];
    for (const [message, sender, error] of cases) {
      const response = await handleMessage(message, sender, deps);
      expect(response).toMatchObject({ ok: false, error });
      if (!response.ok) expect(response.error.length).toBeLessThan(200);
    }
    expect(calls.recorded).toEqual([]);
    // At the limit, it is served.
    expect(
      await handleMessage({ type: 'page-scan', lookup: many(MAX_PAGE_NUMBERS), present: [] }, CONTENT, deps),
    ).toMatchObject({ ok: true });
  });

  it('a __proto__ key in a parsed message pollutes nothing', async () => {
    const { deps } = fakeDeps();
    const message = JSON.parse('{"type":"lookup","numbers":["(415) 555-0134"],"__proto__":{"polluted":true}}');
    expect(await handleMessage(message, POPUP, deps)).toMatchObject({ ok: false });
    const nested = JSON.parse('{"type":"lookup","numbers":{"__proto__":{"length":1,"0":"+14155550134"}}}');
    expect(await handleMessage(nested, POPUP, deps)).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
