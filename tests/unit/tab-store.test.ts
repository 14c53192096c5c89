// The per-tab numbers in storage.session: a tab closed mid-request leaves nothing stored.
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  clearTab,
  forgetTab,
  MAX_FRAME_NUMBERS,
  MAX_TAB_NUMBERS,
  recordFrame,
  tabFlagged,
  tabNumbers,
} from '@/utils/tab-store';

const block = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
/** Lets the queued storage writes finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('tab store', () => {
  it('records frames and forgets a closed tab', async () => {
    await recordFrame(7, 0, ['+14155550134'], true);
    await recordFrame(7, 3, ['+12125550175'], false);
    expect((await tabNumbers(7)).sort()).toEqual(['+12125550175', '+14155550134']);
    await forgetTab(7);
    expect(await browser.storage.session.get('tab:7')).toEqual({});
  });

  it('a page-scan answered after its tab closed stores nothing', async () => {
    await recordFrame(8, 0, ['+14155550134'], true);
    // The tab closes while a frame's request is still being answered: the write comes last.
    const closing = forgetTab(8);
    const late = recordFrame(8, 2, ['+13055550188'], false);
    await Promise.all([closing, late]);
    await recordFrame(8, 0, ['+16175550123'], false);
    expect(await browser.storage.session.get('tab:8')).toEqual({});
    expect(await tabNumbers(8)).toEqual([]);
  });

  it('a tab cleared (it loaded a page where we do not run) keeps no numbers, and takes new ones', async () => {
    await recordFrame(9, 0, ['+14155550134'], true);
    await clearTab(9);
    expect(await tabNumbers(9)).toEqual([]);
    await recordFrame(9, 0, ['+12125550175'], true);
    expect(await tabNumbers(9)).toEqual(['+12125550175']);
  });

  it('caps a frame, and a tab over its frames: the frames reported least recently go first, the top frame last', async () => {
    const frames = MAX_TAB_NUMBERS / MAX_FRAME_NUMBERS;
    await recordFrame(10, 0, block('+1212555', 10), true);
    // A frame may not store more than one report carries.
    expect(await recordFrame(10, 1, [...block('+1212320', 5000), ...block('+1212321', 10)], false)).toHaveLength(5010);
    for (let f = 2; f <= frames + 1; f++) await recordFrame(10, f, block(`+1212${320 + f}`, 5000), false);
    await settled();
    const all = await tabNumbers(10);
    expect(all.length).toBeLessThanOrEqual(MAX_TAB_NUMBERS);
    // The oldest subframes went; the top frame and the newest stayed.
    expect(all).toContain('+12125550000');
    expect(all).toContain(`+1212${320 + frames + 1}0000`);
    expect(all).not.toContain('+12123200000');
    const stored = await browser.storage.session.get(null);
    const bytes = JSON.stringify(stored).length;
    expect(bytes).toBeLessThan(MAX_TAB_NUMBERS * 20);
    expect(stored['tab:10:1']).toBeUndefined();
  });

  it('a frame that reports nothing (it went) is pruned, in memory and in storage', async () => {
    await recordFrame(11, 0, ['+14155550134'], true);
    await recordFrame(11, 4, ['+12125550175'], false);
    await settled();
    expect(await browser.storage.session.get('tab:11:4')).toEqual({ 'tab:11:4': ['+12125550175'] });
    expect(await recordFrame(11, 4, [], false)).toEqual(['+14155550134']);
    await settled();
    expect(await browser.storage.session.get('tab:11:4')).toEqual({});
    expect(await browser.storage.session.get('tab:11')).toEqual({ 'tab:11': [0] });
    // The same report again changes nothing: no write, no new toolbar count.
    expect(await recordFrame(11, 0, ['+14155550134'], false)).toBeNull();
  });

  it("keeps each frame's do-not-call flagged numbers (only those it shows), stored and cleared with the frame", async () => {
    await recordFrame(13, 0, ['+14155550134', '+12125550175'], true, [], ['+12125550175', '+13055550188']);
    await recordFrame(13, 2, ['+16175550123'], false, [], ['+16175550123']);
    await settled();
    expect((await tabFlagged(13)).sort()).toEqual(['+12125550175', '+16175550123']);
    expect(await browser.storage.session.get('tab:13:0')).toEqual({
      'tab:13:0': { numbers: ['+14155550134', '+12125550175'], places: [], flagged: ['+12125550175'] },
    });
    // The flag cleared on the page: a change, stored as the bare list again.
    expect(await recordFrame(13, 0, ['+14155550134', '+12125550175'], false)).not.toBeNull();
    await settled();
    expect(await tabFlagged(13)).toEqual(['+16175550123']);
    expect(await browser.storage.session.get('tab:13:0')).toEqual({ 'tab:13:0': ['+14155550134', '+12125550175'] });
  });

  it('a failed storage write loses nothing in memory and never throws at the caller', async () => {
    const set = vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await recordFrame(12, 0, ['+14155550134'], true)).toEqual(['+14155550134']);
    await settled();
    expect(await tabNumbers(12)).toEqual(['+14155550134']);
    expect(error).toHaveBeenCalled();
    set.mockRestore();
    error.mockRestore();
  });
});
