// Records without a place are grouped too (issue #15 item 1): the page engine names the record each
// number sits in (an opaque id per frame), the page-scan carries it, the tab store keeps it, and the
// tab's summary gives each answer its record, unique on the tab, for the side panel to group by.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, handleMessage } from '@/lib/background/handle-message';
import type { PageGuard } from '@/lib/page/page-guard';
import type { PageScan, PlaceOnPage, RecordOfNumber } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { instantGuard } from '../instant-background';

const ID = 'consentguardid';
const POPUP = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
const PAGE = { id: ID, url: 'https://crm.example.com/list', tab: { id: 7 }, frameId: 0 };

let guard: PageGuard | undefined;
afterEach(() => {
  guard?.stop();
  guard = undefined;
});

/** Runs the page engine on `html`; resolves the last page-scan once every number is reported. */
async function lastScan(html: string, numbers: number): Promise<PageScan> {
  document.body.innerHTML = html;
  const sent: PageScan[] = [];
  guard = instantGuard(document, sent);
  guard.start();
  for (let i = 0; i < 200; i++) {
    const last = sent.at(-1);
    if (last && last.present.length === numbers) return last;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never reported ${numbers} numbers: ${JSON.stringify(sent.at(-1))}`);
}

const byRecord = (records: readonly RecordOfNumber[] = []) => {
  const groups = new Map<string, string[]>();
  for (const r of records) groups.set(r.record, [...(groups.get(r.record) ?? []), r.e164]);
  return [...groups.values()].map((list) => list.sort());
};

describe('the page names each number’s record', () => {
  it('a table row without a place: its numbers share one id, another row has another', async () => {
    const scan = await lastScan(
      `<table><thead><tr><th>Name</th><th>Mobile</th><th>Office</th></tr></thead><tbody>
        <tr><td>Ann Lee</td><td>(415) 555-0101</td><td>(212) 555-0102</td></tr>
        <tr><td>Bo Chan</td><td>(305) 555-0103</td><td>(512) 555-0104</td></tr>
      </tbody></table>
      <p>Front desk: (206) 555-0105</p>`,
      5,
    );
    expect(byRecord(scan.records)).toEqual([
      ['+14155550101', '+12125550102'].sort(),
      ['+13055550103', '+15125550104'].sort(),
    ]);
    // A number in no record has none; ids are opaque ("r" and a counter), never page text.
    expect(scan.records?.some((r) => r.e164 === '+12065550105')).toBe(false);
    expect(scan.records?.every((r) => /^r\d+$/.test(r.record))).toBe(true);
    expect(scan.places).toBeUndefined();
  });

  it('a card whose fields are list items: the card is the record, not each field', async () => {
    const scan = await lastScan(
      `<div class="contact-card"><h3>Dana Ruiz</h3><ul>
         <li>Mobile: (415) 555-0111</li><li>Office: (212) 555-0112</li></ul></div>
       <div class="contact-card"><h3>Eli Moss</h3><ul>
         <li>Mobile: (305) 555-0113</li><li>Home: (512) 555-0114</li></ul></div>`,
      4,
    );
    expect(byRecord(scan.records)).toEqual([
      ['+14155550111', '+12125550112'].sort(),
      ['+13055550113', '+15125550114'].sort(),
    ]);
  });

  it('a record with a place: its places carry the same id as its numbers', async () => {
    const scan = await lastScan(
      `<table><thead><tr><th>Name</th><th>Phone</th><th>State</th></tr></thead><tbody>
        <tr><td>Ann Lee</td><td>(212) 555-0121</td><td>FL</td></tr>
        <tr><td>Bo Chan</td><td>(212) 555-0122</td><td>FL</td></tr>
      </tbody></table>`,
      2,
    );
    const places = scan.places ?? [];
    expect(places.map((p) => p.regions)).toEqual([['FL'], ['FL']]);
    expect(new Set(places.map((p) => p.record)).size).toBe(2);
    for (const p of places) expect(scan.records).toContainEqual({ e164: p.e164, record: p.record });
  });
});

describe('the tab keeps them, and its summary groups by them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('stored per frame, read back through zod, and unique on the tab', async () => {
    const store = await import('@/utils/tab-store');
    const miami: PlaceOnPage = { e164: '+12125550121', regions: ['FL'], text: 'FL', source: 'column', record: 'r3' };
    await store.recordFrame(
      7,
      0,
      ['+14155550101', '+12125550102', '+12125550121'],
      true,
      [miami],
      [],
      [
        { e164: '+14155550101', record: 'r1' },
        { e164: '+12125550102', record: 'r1' },
        { e164: '+12125550121', record: 'r3' },
      ],
    );
    // The same id in another frame is another record.
    await store.recordFrame(7, 4, ['+13055550103'], false, [], [], [{ e164: '+13055550103', record: 'r1' }]);
    const expected = new Map([
      ['+14155550101', '0:r1'],
      ['+12125550102', '0:r1'],
      ['+12125550121@FL', '0:r3'],
      ['+12125550121', '0:r3'],
      ['+13055550103', '4:r1'],
    ]);
    expect(await store.tabRecords(7)).toEqual(expected);
    // A restarted worker reads them back from storage.session (checked with zod).
    await new Promise((resolve) => setTimeout(resolve, 20));
    vi.resetModules();
    const again = await import('@/utils/tab-store');
    expect(await again.tabRecords(7)).toEqual(expected);
    // A malformed record id in storage drops that frame's item, never the others.
    await fakeBrowser.storage.session.set({
      'tab:7:4': { numbers: ['+13055550103'], places: [], records: [{ e164: '+13055550103', record: '<b>' }] },
    });
    vi.resetModules();
    const third = await import('@/utils/tab-store');
    expect((await third.tabRecords(7)).has('+13055550103')).toBe(false);
    expect((await third.tabRecords(7)).get('+14155550101')).toBe('0:r1');
  });

  it('page-scan takes well-formed records only; the summary gives each answer its record', async () => {
    const store = await import('@/utils/tab-store');
    const deps: BackgroundDeps = {
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      settings: async () => DEFAULT_SETTINGS,
      recordFrame: store.recordFrame,
      tabNumbers: store.tabNumbers,
      tabPlaces: store.tabPlaces,
      tabRecords: store.tabRecords,
      now: () => new Date('2026-11-27T17:00:00Z'),
    };
    const scan = await handleMessage(
      {
        type: 'page-scan',
        lookup: ['+14155550101', '+12125550102', '+13055550103'],
        present: ['+14155550101', '+12125550102', '+13055550103'],
        reset: true,
        records: [
          { e164: '+14155550101', record: 'r1' },
          { e164: '+12125550102', record: 'r1' },
          { e164: '+13055550103', record: 'javascript:1' },
        ],
      },
      PAGE,
      deps,
    );
    expect(scan).toMatchObject({ ok: true, dropped: 1 });
    let summary = await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, POPUP, deps);
    for (let i = 0; i < 50 && !(summary as { numbers?: { record?: string }[] }).numbers?.some((n) => n.record); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      summary = await handleMessage({ type: 'popup-tab-summary', tabId: 7 }, POPUP, deps);
    }
    const records = Object.fromEntries(
      (summary as { numbers: { e164: string; record?: string }[] }).numbers.map((n) => [n.e164, n.record ?? null]),
    );
    expect(records).toEqual({ '+14155550101': '0:r1', '+12125550102': '0:r1', '+13055550103': null });
  });
});
