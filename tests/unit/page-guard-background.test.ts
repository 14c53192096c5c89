// The page engine wired to the real background handler (no stand-in answers): one malformed number on a
// page must not hide the page's other badges, in this burst or any later one.
import { afterEach, describe, expect, it } from 'vitest';
import { type BackgroundDeps, handleMessage, type Sender } from '@/lib/background/handle-message';
import { type Detection, scanText } from '@/lib/number/scan-text';
import { PageGuard } from '@/lib/page/page-guard';
import type { PageScanResponse } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const ID = 'consentguardid';
const TAB: Sender = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };
const MALFORMED = '+4150415415000134'; // 16 digits: more than E.164 allows

const answers: PageScanResponse[] = [];
const recorded: string[][] = [];
let guard: PageGuard | undefined;
let settings = DEFAULT_SETTINGS;

const background: BackgroundDeps = {
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}/`,
  settings: async () => settings,
  recordFrame: async (_tab, _frame, numbers) => {
    recorded.push(numbers);
    return numbers;
  },
  tabNumbers: async () => recorded.at(-1) ?? [],
  now: () => new Date('2026-11-27T17:00:00Z'),
};

function start(html: string, scan: (text: string) => Detection[]) {
  document.body.innerHTML = html;
  answers.length = 0;
  recorded.length = 0;
  guard = new PageGuard(document, {
    scan,
    send: async (message) => {
      // Through a structured clone, as runtime messaging does.
      const response = (await handleMessage(structuredClone(message), TAB, background)) as PageScanResponse;
      answers.push(response);
      return response;
    },
    details: async () => null,
    text: (key) => key,
    batchMs: 0,
    fieldPollMs: 0,
  });
  guard.start();
}

async function settle() {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Badges the agent sees: answered (a consent on them) and not hidden. */
const shown = () =>
  [...document.querySelectorAll('consent-guard-badge')]
    .filter((b) => !(b as HTMLElement).hidden && b.hasAttribute('data-consent'))
    .map((b) => `${b.getAttribute('data-consent-number')} ${b.getAttribute('data-consent')}`);
const all = () =>
  [...document.querySelectorAll('consent-guard-badge')].map((b) => b.getAttribute('data-consent-number'));

/** A scanner that, besides what scanText finds, reports one malformed number after the first: a scanner slip. */
function slippingScanner(text: string): Detection[] {
  const found = scanText(text);
  const first = found[0];
  return first ? [first, { ...first, e164: MALFORMED, kind: 'international', npa: null }, ...found.slice(1)] : found;
}

afterEach(() => {
  guard?.stop();
  guard = undefined;
  settings = DEFAULT_SETTINGS;
});

describe('page engine + background handler, one malformed candidate on the page', () => {
  it('the text of issue 13: the 16-digit string is no number, the California one is badged', async () => {
    start(`<p>Call 415-555-0134 or ${MALFORMED}.</p><p>NY office 212-555-0175</p>`, scanText);
    await settle();
    expect(shown()).toEqual(['+14155550134 all-party', '+12125550175 one-party']);
    expect(answers.every((a) => a.ok)).toBe(true);
  });

  it('a malformed number reported by the scanner is dropped: every valid badge shows, in every later burst', async () => {
    start(
      '<p>Call 415-555-0134 or (212) 555-0175.</p><ul><li>Fax 305-555-0188</li></ul><p>London +44 20 7946 0958</p>',
      slippingScanner,
    );
    await settle();
    expect(answers[0]).toMatchObject({ ok: true, dropped: 2 }); // once in lookup, once in present
    expect(shown()).toEqual([
      '+14155550134 all-party',
      '+12125550175 one-party',
      '+13055550188 all-party',
      '+442079460958 unknown',
    ]);
    // Its hidden badge is gone and the tab's record holds only real numbers.
    expect(all()).not.toContain(MALFORMED);
    expect(recorded.at(-1)).not.toContain(MALFORMED);

    // A later burst on the same page (its new block slips again) is answered too; the slip is not asked again.
    document.querySelector('ul')?.insertAdjacentHTML('beforeend', '<li>Cell 617-555-0123 or 416-555-0145</li>');
    await settle();
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.slice(1).every((a) => a.ok && a.dropped === 0)).toBe(true);
    expect(shown()).toEqual([
      '+14155550134 all-party',
      '+12125550175 one-party',
      '+13055550188 all-party',
      '+16175550123 all-party',
      '+14165550145 one-party', // Canada: one-party with the business notice (issue #12)
      '+442079460958 unknown',
    ]);
    expect(all()).not.toContain(MALFORMED);
  });
});

describe('page engine + background handler, one-party badges switched off', () => {
  it('hides one-party numbers, but not one whose law asks for a notice (Canada) or whose calling hours are closed', async () => {
    settings = { ...DEFAULT_SETTINGS, badgeOneParty: false };
    // Friday 2026-11-27 17:00 UTC: noon in Toronto and Austin, 9 am in San Francisco, 7 am in Honolulu.
    start(
      '<ul><li>Toronto 416-555-0145</li><li>Austin 512-555-0175</li><li>Honolulu 808-555-0188</li><li>San Francisco 415-555-0134</li></ul>',
      scanText,
    );
    await settle();
    expect(all()).toEqual(['+14165550145', '+15125550175', '+18085550188', '+14155550134']);
    expect(shown()).toEqual([
      '+14165550145 one-party', // the business notice (PIPEDA; Quebec s. 8) is still owed
      '+18085550188 one-party', // before 8 am in Hawaii: closed
      '+14155550134 all-party',
    ]);
  });
});
